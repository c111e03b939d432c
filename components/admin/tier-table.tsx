import type { AdminFormState } from "@/lib/admin/form";
import { perPriceUnit, shownPrice, type TierPage } from "@/lib/admin/price-tiers";
import { RemoveTierButton } from "./remove-tier-button";

/** One page of products with their quantity tiers ("from 100 → 9.80 EUR"), each tier removable. */
export function TierTable({ page, removeAction, caption }: { page: TierPage; removeAction: (prev: AdminFormState, form: FormData) => Promise<AdminFormState>; caption: string }) {
  if (page.rows.length === 0) return <p className="text-slate-700">No prices yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="tier-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-left">
          <tr>
            <th scope="col" className="p-2">SKU</th>
            <th scope="col" className="p-2">Product</th>
            <th scope="col" className="p-2">List price</th>
            <th scope="col" className="p-2">Tiers (from quantity → price)</th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((row) => (
            <tr key={row.productId} className="border-b border-slate-100 align-top">
              <th scope="row" className="whitespace-nowrap p-2 text-left font-mono font-normal">{row.sku}</th>
              <td className="p-2">{row.name}</td>
              <td className="whitespace-nowrap p-2">
                {shownPrice(row.listPrice)} {row.currency} {perPriceUnit(row.unit, row.priceUnit)}
              </td>
              <td className="p-2">
                <ul className="space-y-1">
                  {row.tiers.map((t) => (
                    <li key={t.minQuantity} className="flex flex-wrap items-center gap-x-3">
                      <span>
                        from {t.minQuantity} → {shownPrice(t.price)} {row.currency}
                      </span>
                      <RemoveTierButton action={removeAction} productId={row.productId} minQuantity={t.minQuantity} price={t.price} description={`the price of ${row.sku} from ${t.minQuantity}`} />
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
