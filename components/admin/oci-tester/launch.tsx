"use client";

import { useEffect, useRef } from "react";
import type { StartedRun } from "@/lib/admin/oci-tester";

/**
 * Sends the test call the way a procurement system's page does: a form to /ocihome submitted on
 * load, into this window, the popup or the iframe below. Without script the operator presses the
 * button. The form holds the single-use test credential; it is never put in a link.
 */
export function PunchoutLaunch({ launch }: { launch: StartedRun }) {
  const form = useRef<HTMLFormElement>(null);
  // The credential works once: the call is sent once per run, also when an effect runs twice.
  const sent = useRef<string | null>(null);
  useEffect(() => {
    if (sent.current === launch.id) return;
    sent.current = launch.id;
    form.current?.submit();
  }, [launch.id]);
  const { call } = launch;
  return (
    <section aria-labelledby="launch-heading" className="card space-y-3 p-4">
      <h2 id="launch-heading" className="text-lg font-semibold">Punchout of this run</h2>
      <form ref={form} method={call.method} action={call.action} target={call.target} acceptCharset={call.acceptCharset ?? undefined} className="flex flex-wrap items-center gap-3" data-testid="oci-tester-call">
        {call.fields.map(([name, value], i) => (
          <input key={`${i}-${name}`} type="hidden" name={name} value={value} />
        ))}
        <button type="submit" className="btn-secondary">Open the punchout</button>
        <a className="text-brand-700 underline" href={`/admin/oci-tester/runs/${launch.id}`}>Result of this run</a>
      </form>
      {launch.window === "iframe" ? (
        <iframe key={launch.id} name={call.target} title="Punchout (test run)" className="h-[48rem] w-full rounded border border-slate-300 bg-white" />
      ) : null}
    </section>
  );
}
