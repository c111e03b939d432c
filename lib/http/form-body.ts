import { isLatin1Label } from "./charset";

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
 * Parses an application/x-www-form-urlencoded body in the charset the sender used: the one named in
 * the Content-Type, else the one named by the body's own `charsetField` (if the caller's protocol
 * has one), else UTF-8. Latin-1 labels decode as windows-1252, as browsers send them.
 */
export function parseUrlEncoded(body: Uint8Array, contentType: string | null, charsetField?: string): [string, string][] {
  const ascii = new TextDecoder("latin1").decode(body);
  const pairs = ascii.split("&").filter(Boolean).map((part) => {
    const eq = part.indexOf("=");
    return eq < 0 ? ([part, ""] as const) : ([part.slice(0, eq), part.slice(eq + 1)] as const);
  });
  const field = charsetField?.toLowerCase();
  const declared = /charset=([^;\s]+)/i.exec(contentType ?? "")?.[1] ?? (field ? pairs.find(([k]) => k.toLowerCase() === field)?.[1] : undefined);
  const decoder = new TextDecoder(isLatin1Label(declared) ? "windows-1252" : "utf-8");
  return pairs.map(([k, v]) => [decoder.decode(percentDecodeToBytes(k)), decoder.decode(percentDecodeToBytes(v))]);
}

/**
 * Reads a body up to `limit` bytes; null when it is larger. A declared Content-Length over the limit
 * is refused before a single body byte is read, and a body without one is read as a stream and
 * abandoned as soon as it passes the limit — nothing larger is ever buffered.
 */
export async function readBodyLimited(request: Request, limit = MAX_FORM_BYTES): Promise<Uint8Array | null> {
  const header = request.headers.get("content-length");
  if (header !== null && (!/^\d+$/.test(header.trim()) || Number(header) > limit)) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/** Reads a small urlencoded form (the shop's own forms) into a Map; null when too large. */
export async function readSmallForm(request: Request, limit = 8 * 1024): Promise<Map<string, string> | null> {
  const body = await readBodyLimited(request, limit);
  if (!body) return null;
  return new Map(parseUrlEncoded(body, request.headers.get("content-type")));
}
