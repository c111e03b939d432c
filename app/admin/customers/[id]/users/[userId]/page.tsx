import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AdminHeading } from "@/components/admin/admin-heading";
import { AuditTable } from "@/components/admin/audit-table";
import { EditUserForm } from "@/components/admin/customers/user-form";
import { UserRowActions } from "@/components/admin/customers/user-row-actions";
import { listAudit } from "@/lib/admin/audit";
import { requireAdmin } from "@/lib/admin/guard";
import { getUserForAdmin } from "@/lib/admin/users";
import { getViewer } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "User" };

const idParam = z.coerce.number().int().positive().max(2_147_483_647);

export default async function UserPage({ params }: { params: Promise<{ id: string; userId: string }> }) {
  await requireAdmin();
  const p = await params;
  const ids = z.object({ id: idParam, userId: idParam }).safeParse(p);
  if (!ids.success) notFound();
  const viewer = await getViewer();
  const [user, audit] = await Promise.all([getUserForAdmin(viewer, ids.data.userId), listAudit(viewer, { entity: "user", entityId: ids.data.userId })]);
  // The address names the customer too: a user of another customer is not found here.
  if (!user || user.customerId !== ids.data.id) notFound();
  return (
    <>
      <AdminHeading title={user.email} back={{ href: `/admin/customers/${user.customerId}`, label: user.customerName }} />
      <p className="text-slate-700">
        {user.role === "admin" ? "Operator" : "Buyer"} · {user.active ? "enabled" : "disabled"}
        {user.isPrimary ? " · primary user (signs in with the debtor number too)" : null}
      </p>
      <EditUserForm customerId={user.customerId} user={user} />
      <section aria-labelledby="access-heading" className="space-y-3">
        <h2 id="access-heading" className="text-lg font-semibold">Access</h2>
        <div className="card p-4">
          <UserRowActions customerId={user.customerId} user={user} />
        </div>
      </section>
      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-lg font-semibold">History</h2>
        <AuditTable entries={audit?.entries ?? []} caption={`Changes to ${user.email}`} />
      </section>
    </>
  );
}
