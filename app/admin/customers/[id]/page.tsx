import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AdminHeading } from "@/components/admin/admin-heading";
import { AuditTable } from "@/components/admin/audit-table";
import { CustomerForm } from "@/components/admin/customers/customer-form";
import { AddUserForm } from "@/components/admin/customers/user-form";
import { UserRowActions } from "@/components/admin/customers/user-row-actions";
import { listAudit } from "@/lib/admin/audit";
import { getCustomer, priceListChoices } from "@/lib/admin/customers";
import { requireAdmin } from "@/lib/admin/guard";
import { getViewer } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Customer" };

const idParam = z.coerce.number().int().positive().max(2_147_483_647);

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const id = idParam.safeParse((await params).id);
  if (!id.success) notFound();
  const viewer = await getViewer();
  const [customer, priceLists, audit] = await Promise.all([getCustomer(viewer, id.data), priceListChoices(viewer), listAudit(viewer, { entity: "customer", entityId: id.data })]);
  if (!customer) notFound();
  const base = `/admin/customers/${customer.id}`;
  return (
    <>
      <AdminHeading title={customer.name} back={{ href: "/admin/customers", label: "Customers" }}>
        <Link href={`${base}/prices`} className="btn-secondary">Customer prices</Link>
        {customer.kind === "b2b" ? <Link href={`${base}/oci`} className="btn-secondary">OCI profile</Link> : null}
        {customer.kind === "b2b" ? <Link href={`${base}/cxml`} className="btn-secondary">cXML settings</Link> : null}
      </AdminHeading>
      <p className="text-slate-700">
        {customer.kind === "b2b" ? "Business customer" : "Consumer"}
        {customer.debtorNumber ? <> · debtor number {customer.debtorNumber}</> : null}
        {customer.active ? null : <> · <strong>inactive</strong></>}
      </p>

      <section aria-labelledby="details-heading" className="space-y-3">
        <h2 id="details-heading" className="text-lg font-semibold">Details</h2>
        <CustomerForm id={customer.id} version={customer.version} defaults={customer} priceLists={priceLists ?? []} />
      </section>

      <section aria-labelledby="users-heading" className="space-y-3">
        <h2 id="users-heading" className="text-lg font-semibold">Users</h2>
        {customer.users.length === 0 ? (
          <p className="card p-4 text-slate-700">No users yet.</p>
        ) : (
          <div className="card overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">Users of {customer.name}</caption>
              <thead className="border-b border-slate-200 text-left">
                <tr>
                  <th scope="col" className="p-2">E-mail</th>
                  <th scope="col" className="p-2">Name</th>
                  <th scope="col" className="p-2">Role</th>
                  <th scope="col" className="p-2">Enabled</th>
                  <th scope="col" className="p-2">Actions</th>
                </tr>
              </thead>
              <tbody>
                {customer.users.map((u) => (
                  <tr key={u.id} className="border-b border-slate-100 align-top">
                    <th scope="row" className="p-2 text-left font-normal">
                      <Link className="text-brand-700 underline" href={`${base}/users/${u.id}`}>{u.email}</Link>
                      {u.isPrimary ? <span className="block text-xs text-slate-700">primary (debtor-number login)</span> : null}
                    </th>
                    <td className="p-2">{u.name}</td>
                    <td className="p-2">{u.role === "admin" ? "Operator" : "Buyer"}</td>
                    <td className="p-2">{u.active ? "Yes" : "No"}</td>
                    <td className="p-2">
                      <UserRowActions customerId={customer.id} user={u} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <AddUserForm customerId={customer.id} />
      </section>

      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-lg font-semibold">History</h2>
        <AuditTable entries={audit?.entries ?? []} caption={`Changes to ${customer.name}`} />
      </section>
    </>
  );
}
