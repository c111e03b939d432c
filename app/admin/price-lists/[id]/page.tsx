import { tierListQuery } from "@/lib/admin/price-tiers";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminHeading } from "@/components/admin/admin-heading";
import { AuditTable } from "@/components/admin/audit-table";
import { ListSearch } from "@/components/admin/list-search";
import { TierForm } from "@/components/admin/tier-form";
import { TierTable } from "@/components/admin/tier-table";
import { Pagination } from "@/components/ui/pagination";
import { listAudit } from "@/lib/admin/audit";
import { requireAdmin } from "@/lib/admin/guard";
import { getPriceList, listPriceListTiers } from "@/lib/admin/prices";
import { getViewer } from "@/lib/auth/viewer";
import { removePriceListTierAction, setPriceListTierAction, updatePriceListAction } from "../actions";
import { PriceListForm } from "../price-list-form";

export const metadata: Metadata = { title: "Price list" };

export default async function PriceListPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const raw = (await params).id;
  if (!/^\d{1,9}$/.test(raw)) notFound();
  const id = Number(raw);
  const { q, page = 1 } = tierListQuery.parse(await searchParams);
  const viewer = await getViewer();
  const [list, tiers, audit] = await Promise.all([getPriceList(viewer, id), listPriceListTiers(viewer, id, { q, page }), listAudit(viewer, { entity: "price_list", entityId: id })]);
  if (!list || !tiers) notFound();
  const href = (p: number) => `/admin/price-lists/${id}?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <>
      <AdminHeading title={`Price list ${list.code}`} back={{ href: "/admin/price-lists", label: "All price lists" }} />
      <section aria-labelledby="edit-heading" className="card space-y-3 p-4">
        <h2 id="edit-heading" className="text-lg font-semibold">Details</h2>
        <PriceListForm action={updatePriceListAction.bind(null, id)} initial={{ code: list.code, name: list.name, currency: list.currency, version: list.version }} />
      </section>
      <section aria-labelledby="prices-heading" className="card space-y-4 p-4">
        <h2 id="prices-heading" className="text-lg font-semibold">Product prices</h2>
        <TierForm action={setPriceListTierAction.bind(null, id)} />
        <ListSearch action={`/admin/price-lists/${id}`} q={q} placeholder="SKU starts with …" />
        <p className="text-sm text-slate-700">
          {tiers.capped ? "More than 1000 products" : `${tiers.total} ${tiers.total === 1 ? "product" : "products"}`} with prices in this list{q ? ` whose SKU starts with “${q}”` : ""}.
        </p>
        <TierTable page={tiers} removeAction={removePriceListTierAction.bind(null, id)} caption={`Prices of ${list.code}`} />
        <Pagination page={tiers.page} pageCount={tiers.pageCount} href={href} open={tiers.capped} />
      </section>
      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-lg font-semibold">History</h2>
        <AuditTable entries={audit?.entries ?? []} caption={`Changes to price list ${list.code}`} />
      </section>
    </>
  );
}
