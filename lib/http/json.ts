import { NextResponse } from "next/server";
import type { z } from "zod";

export type FieldErrors = Record<string, string>;

/** zod issues → one message per field path, the first one being the most useful. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}

export function jsonError(status: number, message: string, fields?: FieldErrors) {
  return NextResponse.json({ error: message, fields }, { status, headers: { "Cache-Control": "no-store" } });
}

export async function readJson(request: Request): Promise<unknown> {
  if (!request.headers.get("content-type")?.includes("application/json")) return undefined;
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}
