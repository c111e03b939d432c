import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { AdminHeading } from "@/components/admin/admin-heading";
import { AuditTable } from "@/components/admin/audit-table";
import { listAudit } from "@/lib/admin/audit";
import { requireAdmin } from "@/lib/admin/guard";
import { getViewer } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Audit log" };

const query = z.object({ before: z.coerce.number().int().positive().optional().catch(undefined) });

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const { before } = query.parse(await searchParams);
  const audit = await listAudit(await getViewer(), { beforeId: before });
  return (
    <>
      <AdminHeading title="Audit log" />
      <p className="text-slate-700">Every change made in the back office: who, when, and each attribute's old and new value.</p>
      <AuditTable entries={audit?.entries ?? []} showObject caption="Audit log" />
      {audit?.nextBeforeId ? (
        <nav aria-label="Pagination" className="flex justify-center">
          <Link className="btn-secondary" rel="next" href={`/admin/audit?before=${audit.nextBeforeId}`}>Older changes</Link>
        </nav>
      ) : null}
    </>
  );
}
