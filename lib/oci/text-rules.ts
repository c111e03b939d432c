/**
 * Text rules of the OCI return form : values are plain text (no markup), cut to hard
 * length limits, and in a legacy 8-bit charset when the procurement system asked for one. Pure.
 */

import { isLatin1Label } from "@/lib/http/charset";

export type OciCharset = "utf-8" | "iso-8859-1";

// ---------------------------------------------------------------------------------------------
// Charset

/** Normalises an `http_content_charset` value; legacy 8-bit charsets → "iso-8859-1", anything else → "utf-8". */
export function normalizeCharset(input: string | undefined): OciCharset {
  return isLatin1Label(input) ? "iso-8859-1" : "utf-8";
}

// ---------------------------------------------------------------------------------------------
// Plain text

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  shy: "",
  ndash: "\u2013",
  mdash: "\u2014",
  hellip: "\u2026",
  euro: "\u20ac",
  laquo: "\u00ab",
  raquo: "\u00bb",
  lsquo: "\u2018",
  rsquo: "\u2019",
  sbquo: "\u201a",
  ldquo: "\u201c",
  rdquo: "\u201d",
  bdquo: "\u201e",
  copy: "\u00a9",
  reg: "\u00ae",
  trade: "\u2122",
  deg: "\u00b0",
  micro: "\u00b5",
  times: "\u00d7",
  middot: "\u00b7",
  sup2: "\u00b2",
  sup3: "\u00b3",
  auml: "\u00e4",
  ouml: "\u00f6",
  uuml: "\u00fc",
  Auml: "\u00c4",
  Ouml: "\u00d6",
  Uuml: "\u00dc",
  szlig: "\u00df",
};

function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,7});/g, (match, body: string) => {
    if (body.startsWith("#")) {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\ufffd";
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body] ?? match;
  });
}

/** Tags that end a line of text (→ line break in LONGTEXT, space elsewhere). */
const LINE_TAG = /<\/?\s*(br|p|div|li|ul|ol|dl|dt|dd|h[1-6]|tr|table|thead|tbody|tfoot|hr|blockquote|pre|section|article|header|footer|address)\b[^<>]*>/gi;
/** Table cells: separated by a space. */
const CELL_TAG = /<\/?\s*(td|th)\b[^<>]*>/gi;

function stripMarkup(text: string, keepLines: boolean): string {
  let out = text
    .replace(/<!--[\s\S]*?(-->|$)/g, " ")
    .replace(/<(script|style|head|title)\b[^>]*>[\s\S]*?(<\/\1\s*>|$)/gi, " ");
  out = out.replace(LINE_TAG, keepLines ? "\n" : " ").replace(CELL_TAG, " ");
  // Inline tags (<b>, <span>, <a …>) disappear without a trace: "Sch<b>lüssel</b>" → "Schlüssel".
  out = out.replace(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g, "").replace(/<![^<>]*>/g, " ");
  return decodeEntities(out);
}

/** HTML-free, single-line text: tags stripped, entities decoded, whitespace/controls collapsed. */
export function toPlainText(text: string): string {
  return stripMarkup(text, false)
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ")
    .replace(/[\s\u00a0\u200b\ufeff]+/g, " ")
    .trim();
}

/** Like {@link toPlainText} but keeps line breaks (as "\n"), at most one blank line in a row. */
export function toPlainLongText(text: string): string {
  return stripMarkup(text.replace(/\r\n?/g, "\n"), true)
    .normalize("NFC")
    .replace(/[\u2028\u2029]/g, "\n")
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, " ")
    .split("\n")
    .map((line) => line.replace(/[\s\u00a0\u200b\ufeff]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const LATIN1_REPLACEMENTS: Record<string, string> = {
  "\u2010": "-", // hyphen
  "\u2011": "-", // non-breaking hyphen
  "\u2012": "-", // figure dash
  "\u2013": "-", // en dash
  "\u2014": "-", // em dash
  "\u2015": "-", // horizontal bar
  "\u2212": "-", // minus sign
  "\u201e": '"', // „
  "\u201c": '"', // “
  "\u201d": '"', // ”
  "\u201f": '"',
  "\u2033": '"', // double prime
  "\u201a": "'", // ‚
  "\u2018": "'", // ‘
  "\u2019": "'", // ’
  "\u201b": "'",
  "\u2032": "'", // prime
  "\u2039": "<", // ‹
  "\u203a": ">", // ›
  "\u20ac": "EUR",
  "\u2026": "...",
  "\u2122": "(TM)",
  "\u2022": "*", // bullet
  "\u2002": " ",
  "\u2003": " ",
  "\u2009": " ",
  "\u200a": " ",
  "\u202f": " ",
  "\u2007": " ",
  "\u2008": " ",
  "\u200b": "",
  "\ufeff": "",
  "\u2260": "!=",
  "\u2264": "<=",
  "\u2265": ">=",
  "\u2248": "~",
  "\u2030": "o/oo",
  "\u0152": "OE",
  "\u0153": "oe",
  "\u0141": "L",
  "\u0142": "l",
  "\u0110": "D",
  "\u0111": "d",
};

/** Replaces what ISO-8859-1 cannot represent with close ASCII equivalents, else "?". */
export function toLatin1(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code <= 0xff) {
      out += char;
      continue;
    }
    const replacement = LATIN1_REPLACEMENTS[char];
    if (replacement !== undefined) {
      out += replacement;
      continue;
    }
    // Letters with a diacritic outside Latin-1 ("č", "ő", "ś") → base letter.
    const base = char.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    out += base.length > 0 && /^[\u0000-\u00ff]+$/.test(base) ? base : "?";
  }
  return out;
}

const segmenter = typeof Intl !== "undefined" && "Segmenter" in Intl ? new Intl.Segmenter("en", { granularity: "grapheme" }) : null;

/**
 * Cuts `text` to at most `max` UTF-16 code units without splitting a surrogate pair or a grapheme
 * cluster; trailing spaces left by the cut are removed.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = "";
  if (segmenter) {
    for (const { segment } of segmenter.segment(text)) {
      if (out.length + segment.length > max) break;
      out += segment;
    }
  } else {
    for (const char of text) {
      if (out.length + char.length > max) break;
      out += char;
    }
  }
  return out.replace(/\s+$/, "");
}
