import { z } from "zod";
import type { ImportResult } from "@/lib/admin/import";
import { isImportKind, type ImportKind } from "./columns";

/** What an import form shows: the import's answer, or why it did not start. */
export type ImportFormState = { result?: ImportResult; error?: string; fileName?: string };

/** Problems a result address lists (the page's script shows up to 200; an address must stay short). */
export const ADDRESS_ERRORS = 20;

/**
 * A form post without JavaScript ends in a redirect to the page (so reloading it never posts the
 * file again): the outcome travels in the query string, shown as the form's state.
 */
export function resultQuery(kind: ImportKind, state: ImportFormState): URLSearchParams {
  const q = new URLSearchParams({ kind });
  if (state.fileName) q.set("file", state.fileName.slice(0, 200));
  const r = state.result;
  if (!r) q.set("error", state.error ?? "Nothing was imported.");
  else if (r.ok) for (const k of ["rows", "inserted", "updated", "unchanged"] as const) q.set(k, String(r[k]));
  else {
    q.set("refused", r.message);
    for (const e of r.errors.slice(0, ADDRESS_ERRORS)) q.append("e", `${e.line}:${e.message.slice(0, 300)}`);
    q.set("more", String(r.more + Math.max(0, r.errors.length - ADDRESS_ERRORS)));
  }
  return q;
}

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const count = z.coerce.number().int().min(0).max(1e9);

/** The state a result address describes, for the form of that kind; null for any other address. */
export function resultFromQuery(search: Search): { kind: ImportKind; state: ImportFormState } | null {
  const kind = one(search.kind);
  if (!isImportKind(kind)) return null;
  const fileName = one(search.file)?.slice(0, 200);
  const error = one(search.error);
  if (error) return { kind, state: { error: error.slice(0, 300), fileName } };
  const refused = one(search.refused);
  if (refused) {
    const list = search.e === undefined ? [] : Array.isArray(search.e) ? search.e : [search.e];
    const errors = list.slice(0, ADDRESS_ERRORS).flatMap((entry) => {
      const m = /^(\d{1,10}):(.*)$/s.exec(entry);
      return m ? [{ line: Number(m[1]), message: m[2]!.slice(0, 300) }] : [];
    });
    const more = count.safeParse(one(search.more));
    return { kind, state: { fileName, result: { ok: false, code: "invalid", message: refused.slice(0, 300), errors, more: more.success ? more.data : 0 } } };
  }
  const parsed = z.object({ rows: count, inserted: count, updated: count, unchanged: count }).safeParse({ rows: one(search.rows), inserted: one(search.inserted), updated: one(search.updated), unchanged: one(search.unchanged) });
  if (!parsed.success) return null;
  return { kind, state: { fileName, result: { ok: true, kind, ...parsed.data } } };
}
