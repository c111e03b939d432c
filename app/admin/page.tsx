import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { AdminHeading } from "@/components/admin/admin-heading";
import { AuditTable } from "@/components/admin/audit-table";
import { listAudit } from "@/lib/admin/audit";
import { requireAdmin } from "@/lib/admin/guard";
import { getViewer } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Dashboard" };

export default async function AdminDashboard() {
  await requireAdmin();
  const audit = await listAudit(await getViewer(), { limit: 10 });
  return (
    <>
      <AdminHeading title="Dashboard" />
      <section aria-labelledby="recent-changes">
        <div className="mb-2 flex items-baseline justify-between">
          <h2 id="recent-changes" className="text-lg font-semibold">Recent changes</h2>
          <Link href="/admin/audit" className="text-sm text-brand-700 underline">Whole audit log</Link>
        </div>
        <AuditTable entries={audit?.entries ?? []} showObject caption="Recent changes" />
      </section>
    </>
  );
}
