import { Link } from "@/components/ui/link";

/** `open`: the count stopped early (large categories), so there is always a next page to try. */
export function Pagination({ page, pageCount, href, open = false }: { page: number; pageCount: number; href: (page: number) => string; open?: boolean }) {
  if (pageCount <= 1 && !open) return null;
  return (
    <nav aria-label="Pagination" className="mt-6 flex items-center justify-center gap-3 text-sm">
      {page > 1 ? (
        <Link className="btn-secondary" href={href(page - 1)} rel="prev">
          Previous
        </Link>
      ) : null}
      <span aria-current="page">
        {open ? <>Page {page}</> : <>Page {page} of {pageCount}</>}
      </span>
      {open || page < pageCount ? (
        <Link className="btn-secondary" href={href(page + 1)} rel="next">
          Next
        </Link>
      ) : null}
    </nav>
  );
}
