import type { Metadata } from "next";
import { AdminHeading } from "@/components/admin/admin-heading";
import { NewCustomerForm } from "@/components/admin/customers/new-customer-form";
import { priceListChoices } from "@/lib/admin/customers";
import { requireAdmin } from "@/lib/admin/guard";
import { getViewer } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "New customer" };

export default async function NewCustomerPage() {
  await requireAdmin();
  const priceLists = (await priceListChoices(await getViewer())) ?? [];
  return (
    <>
      <AdminHeading title="New customer" back={{ href: "/admin/customers", label: "Customers" }} />
      <NewCustomerForm priceLists={priceLists} />
    </>
  );
}
