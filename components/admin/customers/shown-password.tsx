/**
 * A generated password, shown this once: it lives only in the form's answer, so reloading the page
 * or coming back later shows nothing.
 */
export function ShownPassword({ email, password }: { email: string; password: string }) {
  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-slate-900">
      <p>
        Password for <span className="font-semibold">{email}</span>:{" "}
        <code data-testid="generated-password" className="select-all rounded bg-white px-1.5 py-0.5 font-mono text-base">
          {password}
        </code>
      </p>
      <p className="mt-1 text-slate-800">Pass it on now: it is not stored in readable form and will not be shown again.</p>
    </div>
  );
}
