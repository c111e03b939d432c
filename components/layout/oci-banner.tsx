"use client";

import { leavePunchoutAction } from "@/app/actions/oci";
import { useViewer } from "@/components/viewer/use-viewer";

/** The punchout banner of every page, or the notice that the punchout has expired. */
export function PunchoutNotice() {
  const { data } = useViewer();
  if (data?.punchout?.state === "active") return <OciBanner customerName={data.punchout.customerName} />;
  if (data?.punchout?.state === "expired") return <OciExpired />;
  return null;
}

export function OciBanner({ customerName }: { customerName: string }) {
  return (
    <div className="bg-amber-100 text-amber-950" role="status" data-testid="oci-banner">
      <div className="mx-auto max-w-7xl px-4 py-1.5 text-sm">
        <strong>Punchout session</strong> — {customerName}. Your basket goes back to your procurement system from the
        cart.
      </div>
    </div>
  );
}

export function OciExpired() {
  return (
    <div className="mx-auto w-full max-w-7xl px-4 pt-6">
      <div className="card mx-auto max-w-xl p-8" role="alert" data-testid="oci-expired">
        <h1 className="text-2xl font-bold">Your punchout session has expired</h1>
        <p className="mt-3 text-slate-700">
          The session from your procurement system was idle for too long, so its basket can no longer be sent back. Close
          this window and open the catalog again from your procurement system.
        </p>
        <form action={leavePunchoutAction} className="mt-6">
          <button type="submit" className="btn-secondary">Continue in the web shop instead</button>
        </form>
      </div>
    </div>
  );
}
