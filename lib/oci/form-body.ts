/**
 * The bytes a browser posts for the OCI return form: `application/x-www-form-urlencoded` of the
 * ordered fields in the form's charset. Pure; used to hand an operator the body exactly as the hook
 * received it. It follows what browsers do on submit (the HTML form-submission and URL standards):
 * - every line break becomes CRLF;
 * - the text is encoded in the charset; "iso-8859-1" means windows-1252 there, and a character that
 *   charset cannot carry is sent as a numeric character reference ("&#269;");
 * - each byte except ASCII letters, digits and `*-._` is percent-encoded (upper-case hex), a space
 *   becomes "+"; pairs are joined with "&".
 */
import { normalizeCharset, type OciCharset } from "./text-rules";

/** windows-1252's bytes 0x80–0x9F that are not the Unicode code point of the same number. */
const CP1252_HIGH: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
  0x02c6: 0x88, 0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91,
  0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98,
  0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b, 0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};
/** The five bytes windows-1252 leaves undefined map to the C1 control of the same number. */
const CP1252_PASSTHROUGH = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function cp1252Byte(code: number): number | null {
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff) || CP1252_PASSTHROUGH.has(code)) return code;
  return CP1252_HIGH[code] ?? null;
}

function latin1Bytes(text: string): number[] {
  const out: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const byte = cp1252Byte(code);
    if (byte !== null) out.push(byte);
    else for (const c of `&#${code};`) out.push(c.charCodeAt(0));
  }
  return out;
}

const utf8 = new TextEncoder();

export function charsetBytes(text: string, charset: OciCharset): Uint8Array {
  return charset === "iso-8859-1" ? Uint8Array.from(latin1Bytes(text)) : utf8.encode(text);
}

const KEPT = /[A-Za-z0-9*\-._]/;

function serialize(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) {
    if (b === 0x20) out += "+";
    else if (b < 0x80 && KEPT.test(String.fromCharCode(b))) out += String.fromCharCode(b);
    else out += `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

const crlf = (text: string) => text.replace(/\r\n|\r|\n/g, "\r\n");

/** The body (ASCII bytes) a browser posts for these fields in this charset label. */
export function encodeFormBody(fields: readonly (readonly [string, string])[], charsetLabel: string | null | undefined): Uint8Array {
  const charset = normalizeCharset(charsetLabel ?? undefined);
  const body = fields.map(([name, value]) => `${serialize(charsetBytes(crlf(name), charset))}=${serialize(charsetBytes(crlf(value), charset))}`).join("&");
  return utf8.encode(body);
}
