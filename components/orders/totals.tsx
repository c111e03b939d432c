import { amount } from "@/lib/money/decimal";
import { formatMoney } from "@/lib/money/format";
import { vatRateLabel, type TotalsSummary } from "@/lib/orders/totals";

/**
 * The one totals block of cart, checkout and order page. Business prices: subtotal (net), VAT per
 * rate, total. Consumer prices: the VAT the total includes, and the total. Test ids are
 * `${testIdPrefix}-subtotal` and `${testIdPrefix}-total`.
 */
export function Totals({ totals, testIdPrefix, className = "" }: { totals: TotalsSummary; testIdPrefix?: string; className?: string }) {
  const money = (value: string) => formatMoney(amount(value), totals.currency);
  const testId = (name: string) => (testIdPrefix ? `${testIdPrefix}-${name}` : undefined);
  const vatLabel = (rate: string | null) => {
    const label = totals.includesVat ? "Includes VAT" : "VAT";
    return rate === null ? label : `${label} ${vatRateLabel(rate)} %`;
  };
  return (
    <dl className={`space-y-1 text-sm ${className}`}>
      {totals.includesVat ? null : (
        <div className="flex justify-between">
          <dt>Subtotal (net)</dt>
          <dd data-testid={testId("subtotal")}>{money(totals.subtotal)}</dd>
        </div>
      )}
      {totals.vat.map((v) => (
        <div key={v.rate ?? "all"} className="flex justify-between text-slate-700">
          <dt>{vatLabel(v.rate)}</dt>
          <dd>{money(v.amount)}</dd>
        </div>
      ))}
      <div className="flex justify-between border-t border-slate-200 pt-1 font-semibold">
        <dt>Total</dt>
        <dd data-testid={testId("total")}>{money(totals.total)}</dd>
      </div>
    </dl>
  );
}
