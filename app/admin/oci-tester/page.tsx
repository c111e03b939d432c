import type { Metadata } from "next";
import { AdminHeading } from "@/components/admin/admin-heading";
import { TestRunList } from "@/components/admin/oci-tester/run-list";
import { TesterForm } from "@/components/admin/oci-tester/tester-form";
import { requireAdmin } from "@/lib/admin/guard";
import { listTestRuns, listTesterCustomers } from "@/lib/admin/oci-tester";
import { punchoutOrigin } from "@/lib/admin/oci-tester/origins";
import { shownShopOrigin } from "@/lib/admin/shown-origin";
import { getViewer } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Punchout tester" };

export default async function OciTesterPage() {
  await requireAdmin();
  const viewer = await getViewer();
  const [customers, runs] = await Promise.all([listTesterCustomers(viewer), listTestRuns(viewer)]);
  const shop = await shownShopOrigin();
  const target = shop ? punchoutOrigin(shop, process.env.OCI_TESTER_PUNCHOUT_URL) : { origin: "this shop", separate: false };
  return (
    <>
      <AdminHeading title="Punchout tester" />
      <p className="text-slate-700">
        Starts a real punchout through /ocihome as a customer&apos;s procurement system would, signed in with a single-use test credential
        instead of the user&apos;s password, and with this shop&apos;s own hook receiver as hook_url. Shop, add products and press
        &ldquo;Return to Procurement System&rdquo;: the run&apos;s page shows every field received, checked against the OCI rules.
      </p>
      <TesterForm customers={customers ?? []} punchoutOrigin={target.origin} separate={target.separate} />
      <section aria-labelledby="runs-heading" className="space-y-2">
        <h2 id="runs-heading" className="text-lg font-semibold">Test runs</h2>
        <TestRunList runs={runs ?? []} />
      </section>
    </>
  );
}
