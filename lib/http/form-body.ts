import { normalizeCharset } from "@/lib/oci/text";

export const MAX_FORM_BYTES = 64 * 1024;

function percentDecodeToBytes(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2b) out.push(0x20);
    else if (c === 0x25 && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) {
      out.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) out.push(c);
    else out.push(...new TextEncoder().encode(s[i]!));
  }
  return Uint8Array.from(out);
}

/**
 * Parses an application/x-www-form-urlencoded body in the charset the sender used. Procurement
 * systems post ISO-8859-1 as often as UTF-8: the charset comes from the Content-Type, else from
 * the OCI field `http_content_charset` in the body itself, else UTF-8.
 */
export function parseUrlEncoded(body: Uint8Array, contentType: string | null): [string, string][] {
  const ascii = new TextDecoder("latin1").decode(body);
  const pairs = ascii.split("&").filter(Boolean).map((part) => {
    const eq = part.indexOf("=");
    return eq < 0 ? ([part, ""] as const) : ([part.slice(0, eq), part.slice(eq + 1)] as const);
  });
  const declared =
    /charset=([^;\s]+)/i.exec(contentType ?? "")?.[1] ??
    pairs.find(([k]) => k.toLowerCase() === "http_content_charset")?.[1];
  const label = normalizeCharset(declared?.replace(/^"|"$/g, "")) === "iso-8859-1" ? "windows-1252" : "utf-8";
  const decoder = new TextDecoder(label);
  return pairs.map(([k, v]) => [decoder.decode(percentDecodeToBytes(k)), decoder.decode(percentDecodeToBytes(v))]);
}

/** Reads a body up to `limit` bytes; null when it is larger. */
export async function readBodyLimited(request: Request, limit = MAX_FORM_BYTES): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return null;
  const buffer = new Uint8Array(await request.arrayBuffer());
  return buffer.byteLength > limit ? null : buffer;
}
