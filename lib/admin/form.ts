import type { FieldErrors } from "@/lib/http/json";
import type { WriteResult } from "./result";

/** What a back-office form action answers: field errors next to the fields, typed values kept. */
export type AdminFormState = { error?: string; fields?: FieldErrors; values?: Record<string, string>; saved?: string };

/** The named text fields of a submitted form (checkboxes: "on" or absent), as typed. */
export function formValues(form: FormData, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = form.get(name);
    out[name] = typeof value === "string" ? value : "";
  }
  return out;
}

/** A refused write → the form's state, keeping what the operator typed. */
export function refusedState(result: Extract<WriteResult, { ok: false }>, values: Record<string, string>): AdminFormState {
  return { error: result.message, fields: result.fields, values };
}
