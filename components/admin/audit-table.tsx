import { Link } from "@/components/ui/link";
import type { AuditEntry } from "@/lib/admin/audit";
import { formatDate } from "@/lib/orders/labels";

/** Audit entries with each changed attribute as old → new. `showObject` adds the object column. */
export function AuditTable({ entries, showObject = false, caption = "Changes" }: { entries: AuditEntry[]; showObject?: boolean; caption?: string }) {
  if (entries.length === 0) return <p className="card p-4 text-slate-700">No changes recorded yet.</p>;
  return (
    <div className="card overflow-x-auto">
      <table className="w-full text-sm" data-testid="audit-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-left">
          <tr>
            <th scope="col" className="p-2">When</th>
            <th scope="col" className="p-2">Who</th>
            {showObject ? <th scope="col" className="p-2">Object</th> : null}
            <th scope="col" className="p-2">Action</th>
            <th scope="col" className="p-2">Changes (old → new)</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className="border-b border-slate-100 align-top">
              <td className="whitespace-nowrap p-2">{formatDate(e.at)}</td>
              <td className="p-2">{e.actorEmail}</td>
              {showObject ? (
                <td className="p-2">
                  {auditObjectHref(e) ? <Link className="text-brand-700 underline" href={auditObjectHref(e)!}>{e.entity} {e.entityLabel || e.entityId}</Link> : <>{e.entity} {e.entityLabel || e.entityId}</>}
                </td>
              ) : null}
              <td className="p-2">{e.action}</td>
              <td className="p-2">
                {e.changes.length === 0 ? "—" : (
                  <ul className="space-y-0.5">
                    {e.changes.map((c, i) => (
                      <li key={i}>
                        <span className="font-medium">{c.field}</span>: <span className="break-all">{c.from ?? "∅"}</span> → <span className="break-all">{c.to ?? "∅"}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const OBJECT_PAGES: Partial<Record<AuditEntry["entity"], string>> = {
  product: "/admin/products/",
  category: "/admin/categories/",
  price_list: "/admin/price-lists/",
  customer: "/admin/customers/",
  order: "/admin/orders/",
};

function auditObjectHref(e: AuditEntry): string | null {
  const base = OBJECT_PAGES[e.entity];
  return base ? `${base}${encodeURIComponent(e.entityId)}` : null;
}
