import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminHeading } from "@/components/admin/admin-heading";
import { RunPoller } from "@/components/admin/oci-tester/run-poller";
import { basketTotalText, OciFieldTable, OciLineTable } from "@/components/admin/oci-check-tables";
import { requireAdmin } from "@/lib/admin/guard";
import { getTestRun } from "@/lib/admin/oci-tester";
import { describeOptions } from "@/lib/admin/oci-tester/describe";
import { getViewer } from "@/lib/auth/viewer";
import { formatDate } from "@/lib/orders/labels";

export const metadata: Metadata = { title: "Punchout test run" };

// While the punchout runs, the page looks again every few seconds.
const REFRESH_SECONDS = 5;

export default async function TestRunPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  const run = await getTestRun(await getViewer(), id);
  if (!run) notFound();
  const href = `/admin/oci-tester/runs/${run.id}`;
  return (
    <>
      <AdminHeading title="Punchout test run" back={{ href: "/admin/oci-tester", label: "Punchout tester" }} />
      <dl className="card grid gap-x-6 gap-y-1 p-4 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">Customer</dt>
        <dd>{run.customerName}{run.debtorNumber ? ` (${run.debtorNumber})` : ""}</dd>
        <dt className="font-medium">User</dt>
        <dd>{run.userEmail}</dd>
        <dt className="font-medium">Call</dt>
        <dd>{describeOptions(run.options)}</dd>
        <dt className="font-medium">Started</dt>
        <dd>{formatDate(run.createdAt)}{run.adminEmail ? ` by ${run.adminEmail}` : ""}</dd>
        <dt className="font-medium">Received</dt>
        <dd>{run.receivedAt ? formatDate(run.receivedAt) : "—"}</dd>
      </dl>
      {run.status === "started" || !run.checks ? (
        <section aria-labelledby="waiting-heading" className="card space-y-2 p-4">
          <RunPoller seconds={REFRESH_SECONDS} />
          <h2 id="waiting-heading" className="text-lg font-semibold">Waiting for the basket…</h2>
          <p className="text-slate-700">Shop in the punchout and press &ldquo;Return to Procurement System&rdquo;. This page looks again every {REFRESH_SECONDS} seconds.</p>
          <a className="btn-secondary inline-block" href={href}>Reload</a>
        </section>
      ) : (
        <section aria-labelledby="received-heading" className="card space-y-4 p-4" data-testid="oci-test-result">
          <h2 id="received-heading" className="text-lg font-semibold">Basket as received</h2>
          <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="font-medium">Charset</dt>
            <dd data-testid="received-charset">{run.charset}</dd>
            <dt className="font-medium">Content type</dt>
            <dd>{run.contentType ?? "—"}</dd>
            <dt className="font-medium">OCI checks</dt>
            <dd data-testid="received-verdict">{run.checks.ok ? <span className="font-medium text-green-800">all fields ok</span> : <span className="font-medium text-red-800">problems found</span>}</dd>
            <dt className="font-medium">Basket total</dt>
            <dd data-testid="received-basket-total">{basketTotalText(run.checks)}</dd>
          </dl>
          {run.checks.problems.length ? <ul className="list-disc pl-5 text-sm text-red-800">{run.checks.problems.map((p) => <li key={p}>{p}</li>)}</ul> : null}
          <OciFieldTable checks={run.checks} caption="Fields received at the hook, in order, with their OCI check" testId="received-fields" />
          <OciLineTable checks={run.checks} testId="received-lines" totalTestId="received-line-total" />
          <div className="space-y-1">
            <h3 className="font-semibold">Raw body ({run.rawBodyBytes} bytes, {run.charset})</h3>
            <pre className="max-h-80 overflow-auto whitespace-pre-wrap break-all rounded border border-slate-200 bg-slate-50 p-2 font-mono text-xs text-slate-900" data-testid="received-raw-body" tabIndex={0} aria-label="Raw body">{run.rawBodyText}</pre>
          </div>
        </section>
      )}
    </>
  );
}
