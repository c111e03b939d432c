import { tierListQuery } from "@/lib/admin/price-tiers";
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { AdminHeading } from "@/components/admin/admin-heading";
import { AuditTable } from "@/components/admin/audit-table";
import { ListSearch } from "@/components/admin/list-search";
import { TierForm } from "@/components/admin/tier-form";
import { TierTable } from "@/components/admin/tier-table";
import { Pagination } from "@/components/ui/pagination";
import { listAudit } from "@/lib/admin/audit";
import { requireAdmin } from "@/lib/admin/guard";
import { getCustomerForPrices, listCustomerTiers } from "@/lib/admin/prices";
import { getViewer } from "@/lib/auth/viewer";
import { removeCustomerTierAction, setCustomerTierAction } from "./actions";

export const metadata: Metadata = { title: "Customer prices" };

export default async function CustomerPricesPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const raw = (await params).id;
  if (!/^\d{1,9}$/.test(raw)) notFound();
  const id = Number(raw);
  const { q, page = 1 } = tierListQuery.parse(await searchParams);
  const viewer = await getViewer();
  const [customer, tiers, audit] = await Promise.all([getCustomerForPrices(viewer, id), listCustomerTiers(viewer, id, { q, page }), listAudit(viewer, { entity: "customer", entityId: id })]);
  if (!customer || !tiers) notFound();
  const base = `/admin/customers/${id}/prices`;
  const href = (p: number) => `${base}?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <>
      <AdminHeading title={`Prices for ${customer.name}`} back={{ href: `/admin/customers/${id}`, label: customer.name }} />
      <p className="text-slate-700">
        {customer.debtorNumber ? <>Debtor number {customer.debtorNumber}. </> : null}
        {customer.priceList ? (
          <>
            Price list: <Link className="text-brand-700 underline" href={`/admin/price-lists/${customer.priceList.id}`}>{customer.priceList.code} ({customer.priceList.name})</Link>.{" "}
          </>
        ) : (
          <>No price list. </>
        )}
        A price here wins over the price list for this customer.
      </p>
      <section aria-labelledby="prices-heading" className="card space-y-4 p-4">
        <h2 id="prices-heading" className="text-lg font-semibold">Customer-specific prices</h2>
        <TierForm action={setCustomerTierAction.bind(null, id)} />
        <ListSearch action={base} q={q} placeholder="SKU starts with …" />
        <p className="text-sm text-slate-700">
          {tiers.capped ? "More than 1000 products" : `${tiers.total} ${tiers.total === 1 ? "product" : "products"}`} with prices for this customer{q ? ` whose SKU starts with “${q}”` : ""}.
        </p>
        <TierTable page={tiers} removeAction={removeCustomerTierAction.bind(null, id)} caption={`Prices for ${customer.name}`} />
        <Pagination page={tiers.page} pageCount={tiers.pageCount} href={href} open={tiers.capped} />
      </section>
      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-lg font-semibold">History of this customer</h2>
        <AuditTable entries={audit?.entries ?? []} caption={`Changes to ${customer.name}`} />
      </section>
    </>
  );
}
