import Link from "next/link";

export function Pagination({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pagination" className="mt-6 flex items-center justify-center gap-3 text-sm">
      {page > 1 ? (
        <Link className="btn-secondary" href={href(page - 1)} rel="prev">
          Previous
        </Link>
      ) : null}
      <span aria-current="page">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link className="btn-secondary" href={href(page + 1)} rel="next">
          Next
        </Link>
      ) : null}
    </nav>
  );
}
