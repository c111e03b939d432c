import { Link } from "@/components/ui/link";
import type { TestRunSummary } from "@/lib/admin/oci-tester";
import { describeOptions } from "@/lib/admin/oci-tester/describe";
import { formatDate } from "@/lib/orders/labels";

/** The kept test runs, newest first; each links to its result. */
export function TestRunList({ runs }: { runs: TestRunSummary[] }) {
  if (runs.length === 0) return <p className="text-slate-700">No test runs yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="oci-test-runs">
        <caption className="text-left font-semibold">Last {runs.length} test runs</caption>
        <thead className="border-b border-slate-200 text-left">
          <tr>
            <th scope="col" className="p-2">Started</th>
            <th scope="col" className="p-2">Customer</th>
            <th scope="col" className="p-2">User</th>
            <th scope="col" className="p-2">Call</th>
            <th scope="col" className="p-2">Basket</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id} className="border-b border-slate-100 align-top">
              <td className="whitespace-nowrap p-2">
                <Link className="text-brand-700 underline" href={`/admin/oci-tester/runs/${r.id}`}>{formatDate(r.createdAt)}</Link>
              </td>
              <td className="p-2">{r.customerName}{r.debtorNumber ? ` (${r.debtorNumber})` : ""}</td>
              <td className="p-2">{r.userEmail}</td>
              <td className="p-2">{describeOptions(r.options)}</td>
              <td className="p-2">{r.status === "received" ? `received ${formatDate(r.receivedAt!)}` : "waiting"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
