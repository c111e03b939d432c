/**
 * How the tester's hook reads the basket a punchout posted to it. Pure. A browser names no charset
 * in an urlencoded Content-Type; the receiver knows it the way a procurement system does: from the
 * charset its call asked for — unless the Content-Type or a `_charset_` field says otherwise.
 */
import { parseUrlEncoded } from "@/lib/http/form-body";
import { normalizeCharset, type OciCharset } from "@/lib/oci/text-rules";

export function decodeHookBody(body: Uint8Array, contentType: string | null, expected: OciCharset): { charset: OciCharset; fields: [string, string][] } {
  const declared = /charset=([^;\s]+)/i.exec(contentType ?? "")?.[1];
  const field = declared ? undefined : parseUrlEncoded(body, "charset=us-ascii").find(([k]) => k === "_charset_")?.[1];
  const charset = declared || field ? normalizeCharset(declared ?? field) : expected;
  return { charset, fields: parseUrlEncoded(body, `application/x-www-form-urlencoded; charset=${charset}`) };
}

/** The raw body as text in the charset it arrived in (an urlencoded body is ASCII, unless a client sent raw bytes). */
export function rawBodyText(body: Uint8Array, charset: string | null): string {
  return new TextDecoder(normalizeCharset(charset ?? undefined) === "iso-8859-1" ? "windows-1252" : "utf-8").decode(body);
}
