import type { Amount } from "@/lib/money/decimal";
import { formatUnitPrice } from "@/lib/money/format";

export function Price({ value, currency, unit, priceUnit, includesVat }: { value: Amount; currency: string; unit: string; priceUnit: number; includesVat: boolean }) {
  return (
    <span>
      <span className="font-semibold text-slate-900" data-testid="price">
        {formatUnitPrice(value, currency, unit, priceUnit)}
      </span>{" "}
      <span className="text-xs text-slate-600">{includesVat ? "incl. VAT" : "excl. VAT"}</span>
    </span>
  );
}
