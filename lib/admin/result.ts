import type { FieldErrors } from "@/lib/http/json";

/** What a back-office write answers: the saved object, or why nothing was saved. */
export type WriteResult<T = { id: string | number }> =
  | ({ ok: true } & T)
  | { ok: false; code: "not_found" | "invalid" | "conflict" | "refused"; message: string; fields?: FieldErrors };

export const NOT_FOUND = { ok: false, code: "not_found", message: "Not found." } as const;

export function conflict(what: string) {
  return { ok: false, code: "conflict", message: `This ${what} was changed by someone else — reload to see the current values, then make your change again.` } as const;
}

export function invalid(fields: FieldErrors, message = "Please correct the marked fields.") {
  return { ok: false, code: "invalid", message, fields } as const;
}

export function refused(message: string, fields?: FieldErrors) {
  return { ok: false, code: "refused", message, ...(fields ? { fields } : {}) } as const;
}
