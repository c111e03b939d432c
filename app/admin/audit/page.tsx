import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { z } from "zod";
import { AdminHeading } from "@/components/admin/admin-heading";
import { AuditTable } from "@/components/admin/audit-table";
import { ListSearch } from "@/components/admin/list-search";
import { listAudit } from "@/lib/admin/audit";
import { requireAdmin } from "@/lib/admin/guard";
import { getViewer } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Audit log" };

const ENTITIES = { product: "Products", category: "Categories", price_list: "Price lists", customer: "Customers", user: "Users", order: "Orders", import: "Imports" } as const;

const query = z.object({
  q: z.string().max(100).optional().catch(undefined),
  entity: z.enum(Object.keys(ENTITIES) as [keyof typeof ENTITIES, ...(keyof typeof ENTITIES)[]]).optional().catch(undefined),
  before: z.coerce.number().int().positive().optional().catch(undefined),
});

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const { q, entity, before } = query.parse(await searchParams);
  const audit = await listAudit(await getViewer(), { q, entity, beforeId: before });
  const older = new URLSearchParams({ ...(q ? { q } : {}), ...(entity ? { entity } : {}), before: String(audit?.nextBeforeId ?? "") });
  return (
    <>
      <AdminHeading title="Audit log" />
      <p className="text-slate-700">Every change made in the back office: who, when, and each attribute&apos;s old and new value.</p>
      <ListSearch action="/admin/audit" q={q} placeholder="Article number, e-mail, order number or who">
        <div>
          <label htmlFor="entity" className="label">Kind</label>
          <select id="entity" name="entity" className="input" defaultValue={entity ?? ""}>
            <option value="">Everything</option>
            {Object.entries(ENTITIES).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </div>
      </ListSearch>
      <AuditTable entries={audit?.entries ?? []} showObject caption="Audit log" />
      {audit?.nextBeforeId ? (
        <nav aria-label="Pagination" className="flex justify-center">
          <Link className="btn-secondary" rel="next" href={`/admin/audit?${older}`}>Older changes</Link>
        </nav>
      ) : null}
    </>
  );
}
