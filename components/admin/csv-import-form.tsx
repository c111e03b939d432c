"use client";

import { useState, type FormEvent } from "react";
import { importAction } from "@/app/admin/import/actions";
import { MAX_IMPORT_BYTES, type ImportKind } from "@/lib/admin/csv/columns";
import type { ImportFormState } from "@/lib/admin/csv/result-url";
import type { ImportResult } from "@/lib/admin/import";

type Phase = { step: "uploading"; percent: number | null } | { step: "saving" } | null;

const MB = 1024 * 1024;

/**
 * One import: a file field and a button. Without JavaScript the form posts the file to the server
 * action, which answers with the page again and the outcome in its address (`initial`); with it, the file goes to the streaming upload route as the raw body, with its progress
 * shown, so a large file is neither limited nor held in memory by the server.
 */
export function CsvImportForm({ kind, label, button, initial }: { kind: ImportKind; label: string; button: string; initial?: ImportFormState }) {
  const [phase, setPhase] = useState<Phase>(null);
  const [uploaded, setUploaded] = useState<ImportFormState | null>(null);
  const shown = uploaded ?? initial ?? {};
  const busy = phase !== null;
  const id = `${kind}-file`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem("file") as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return setUploaded({ error: "Choose a CSV file to import." });
    if (file.size > MAX_IMPORT_BYTES) return setUploaded({ error: `The file is larger than ${MAX_IMPORT_BYTES / MB} MB. Split it into smaller files.`, fileName: file.name });
    setUploaded(null);
    setPhase({ step: "uploading", percent: 0 });
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/admin/import/upload/${kind}`);
    xhr.setRequestHeader("Content-Type", "text/csv");
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    xhr.upload.onprogress = (e) => setPhase({ step: "uploading", percent: e.lengthComputable ? Math.floor((e.loaded / e.total) * 100) : null });
    // The server checks rows as they arrive; after the last byte it finishes and commits.
    xhr.upload.onload = () => setPhase({ step: "saving" });
    xhr.onload = () => {
      setPhase(null);
      setUploaded(answerOf(xhr, file.name));
    };
    xhr.onerror = xhr.onabort = () => {
      setPhase(null);
      setUploaded({ error: "The upload was interrupted. Nothing was imported; please try again.", fileName: file.name });
    };
    xhr.send(file);
  }

  return (
    <form action={importAction} onSubmit={onSubmit} className="space-y-3">
      <input type="hidden" name="kind" value={kind} />
      <div>
        <label htmlFor={id} className="label">{label}</label>
        <input id={id} name="file" type="file" accept=".csv,text/csv" required className="input" aria-describedby={`${id}-hint`} />
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-700">
          UTF-8 CSV, “;” or “,” between values, first line the column names. Up to {MAX_IMPORT_BYTES / MB} MB (8 MB without JavaScript).
        </p>
      </div>
      <button type="submit" className="btn-primary" disabled={busy} aria-disabled={busy}>{busy ? "Importing…" : button}</button>
      <div role="status" className="text-sm text-slate-800">
        {phase?.step === "uploading" ? (
          <div className="flex flex-wrap items-center gap-3">
            <label htmlFor={`${kind}-progress`}>Uploading and checking… {phase.percent === null ? "" : `${phase.percent} %`}</label>
            <progress id={`${kind}-progress`} max={100} value={phase.percent ?? undefined} className="w-48">{phase.percent ?? 0} %</progress>
          </div>
        ) : phase?.step === "saving" ? (
          <div className="flex flex-wrap items-center gap-3">
            <label htmlFor={`${kind}-progress`}>Saving…</label>
            <progress id={`${kind}-progress`} className="w-48" />
          </div>
        ) : shown.result?.ok ? (
          <p className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">{savedMessage(shown.result, shown.fileName)}</p>
        ) : null}
      </div>
      <div role="alert">
        {!busy && (shown.error || (shown.result && !shown.result.ok)) ? (
          <p className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">{shown.error ?? (shown.result && !shown.result.ok ? shown.result.message : "")}</p>
        ) : null}
      </div>
      {!busy && shown.result && !shown.result.ok && shown.result.errors.length > 0 ? <ErrorTable kind={kind} result={shown.result} /> : null}
    </form>
  );
}

function savedMessage(result: Extract<ImportResult, { ok: true }>, fileName?: string) {
  const what = result.kind === "products" ? ["product", "products"] : ["customer price", "customer prices"];
  const n = (count: number) => count.toLocaleString("en");
  return `Imported${fileName ? ` ${fileName}` : ""}: ${n(result.inserted)} new ${result.inserted === 1 ? what[0] : what[1]}, ${n(result.updated)} updated, ${n(result.unchanged)} unchanged (${n(result.rows)} ${result.rows === 1 ? "row" : "rows"}).`;
}

function ErrorTable({ kind, result }: { kind: ImportKind; result: Extract<ImportResult, { ok: false }> }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid={`${kind}-errors`}>
        <caption className="text-left font-semibold">Problems found (line 1 is the header)</caption>
        <thead className="border-b border-slate-200 text-left">
          <tr>
            <th scope="col" className="p-2">Line</th>
            <th scope="col" className="p-2">Problem</th>
          </tr>
        </thead>
        <tbody>
          {result.errors.map((e, i) => (
            <tr key={i} className="border-b border-slate-100 align-top">
              <td className="p-2 tabular-nums">{e.line}</td>
              <td className="break-words p-2">{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.more > 0 ? <p className="mt-2 text-sm text-slate-800">… and {result.more.toLocaleString("en")} more problems not listed.</p> : null}
    </div>
  );
}

/** The upload route answers every outcome of an import (and its own refusals) in this shape. */
function isResult(body: unknown): body is ImportResult {
  if (!body || typeof body !== "object") return false;
  const b = body as { ok?: unknown; errors?: unknown };
  return b.ok === true || (b.ok === false && Array.isArray(b.errors));
}

/** The route's JSON answer as the form's state; anything else (a 404 after signing out, a 503) as a sentence. */
function answerOf(xhr: XMLHttpRequest, fileName: string): ImportFormState {
  let body: unknown = null;
  try {
    body = JSON.parse(xhr.responseText);
  } catch {
    body = null;
  }
  if (isResult(body)) return { result: body, fileName };
  if (xhr.status === 404) return { error: "You are no longer signed in as an operator. Sign in again, then import the file.", fileName };
  const message = body && typeof body === "object" && "error" in body ? String((body as { error: unknown }).error) : "The import could not be completed. Nothing was imported; please try again.";
  return { error: message, fileName };
}
