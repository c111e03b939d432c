import type { OutboundCheck } from "@/lib/oci/outbound-checks";

/** One check's outcome: "ok", or "not ok" with what is wrong. */
export function OciVerdict({ ok, problems }: { ok: boolean; problems: string[] }) {
  if (ok) return <span className="font-medium text-green-800">ok</span>;
  return (
    <span className="text-red-800">
      <span className="font-medium">not ok</span>: {problems.join("; ")}
    </span>
  );
}

/** Every field of an OCI form in order, each with its check. */
export function OciFieldTable({ checks, caption, testId }: { checks: OutboundCheck; caption: string; testId: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-left">
          <tr>
            <th scope="col" className="p-2">#</th>
            <th scope="col" className="p-2">Field</th>
            <th scope="col" className="p-2">Value</th>
            <th scope="col" className="p-2">Check</th>
          </tr>
        </thead>
        <tbody>
          {checks.fields.map((f, i) => (
            <tr key={`${i}-${f.name}`} className="border-b border-slate-100 align-top">
              <td className="p-2 text-slate-700">{i + 1}</td>
              <td className="whitespace-nowrap p-2 font-mono text-xs">{f.name}</td>
              <td className="whitespace-pre-wrap break-all p-2">{f.value}</td>
              <td className="p-2"><OciVerdict ok={f.ok} problems={f.problems} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Each item's PRICE × QUANTITY / PRICEUNIT as the procurement system computes it. */
export function OciLineTable({ checks, testId, totalTestId }: { checks: OutboundCheck; testId: string; totalTestId: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid={testId}>
        <caption className="text-left font-semibold">Items as the procurement system computes them</caption>
        <thead className="border-b border-slate-200 text-left">
          <tr>
            <th scope="col" className="p-2">Item</th>
            <th scope="col" className="p-2">QUANTITY</th>
            <th scope="col" className="p-2">PRICE</th>
            <th scope="col" className="p-2">PRICEUNIT</th>
            <th scope="col" className="p-2">CURRENCY</th>
            <th scope="col" className="p-2 text-right">PRICE × QUANTITY / PRICEUNIT</th>
            <th scope="col" className="p-2">Check</th>
          </tr>
        </thead>
        <tbody>
          {checks.lines.map((l) => (
            <tr key={l.item} className="border-b border-slate-100 align-top">
              <td className="p-2">{l.item}</td>
              <td className="p-2">{l.quantity ?? "—"}</td>
              <td className="p-2">{l.price ?? "—"}</td>
              <td className="p-2">{l.priceUnit || "1"}</td>
              <td className="p-2">{l.currency ?? "—"}</td>
              <td className="p-2 text-right" data-testid={totalTestId}>{l.lineTotal ?? "—"}</td>
              <td className="p-2"><OciVerdict ok={l.problems.length === 0} problems={l.problems} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The basket total per currency, as the sum of the computable line totals. */
export const basketTotalText = (checks: OutboundCheck) => (checks.totals.length ? checks.totals.map((t) => `${t.total} ${t.currency}`).join(" + ") : "—");
