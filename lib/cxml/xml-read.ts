/**
 * Reading an inbound cXML document safely. Pure (no I/O): bytes in, a DOM or a sentence out.
 *
 * - The size is capped by the caller before the bytes get here (MAX_CXML_BYTES).
 * - The encoding is the Content-Type's charset, else a byte-order mark, else the XML declaration's,
 *   else UTF-8; bytes that are not valid in it are refused, never guessed.
 * - A document with an internal DTD subset or an entity declaration is refused (before parsing,
 *   and again from the parsed DOCTYPE, which a quoted ">" cannot fool): a setup request never needs
 *   one, and that is where entity bombs and external entities live.
 * - Parsing cost is bounded before it starts: at most MAX_MARKUP "<" and MAX_NAMESPACES namespace
 *   declarations (deep namespace nesting costs the parser quadratic time), and the first error
 *   stops it (broken markup would otherwise be reported, and re-scanned, character by character).
 * - @xmldom/xmldom never fetches a DTD and never expands an entity it was not given; any error it
 *   reports (an unknown entity, broken markup) refuses the document. So do characters XML 1.0
 *   cannot carry (a NUL, also written as a character reference).
 */
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";
import { isXmlSafe } from "./document";

export const MAX_CXML_BYTES = 256 * 1024;
// 500 ItemOut lines with full details stay below these; a document above them is no setup request.
export const MAX_MARKUP = 20_000;
export const MAX_NAMESPACES = 50;

export type XmlReadResult = { ok: true; root: Element; systemId: string | null } | { ok: false; problem: string };

function sniffEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 200));
  return /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']/.exec(head)?.[1]?.toLowerCase() ?? null;
}

function decode(bytes: Uint8Array, charset: string | null): { ok: true; text: string } | { ok: false; problem: string } {
  const label = charset ?? sniffEncoding(bytes) ?? "utf-8";
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    return { ok: false, problem: `The encoding "${label.slice(0, 40)}" is not supported.` };
  }
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, problem: `The document is not valid ${label.toUpperCase()}.` };
  }
}

export function readXml(bytes: Uint8Array, charset: string | null): XmlReadResult {
  if (bytes.length === 0) return { ok: false, problem: "The request body is empty." };
  const decoded = decode(bytes, charset);
  if (!decoded.ok) return decoded;
  const text = decoded.text.replace(/^\uFEFF/, "");
  if (/<!DOCTYPE[^>[]*\[/i.test(text) || /<!ENTITY/i.test(text)) return { ok: false, problem: NO_SUBSET };
  if (!isXmlSafe(text)) return { ok: false, problem: NOT_XML_CHARS };
  if (count(text, "<") > MAX_MARKUP) return { ok: false, problem: `The document has more than ${MAX_MARKUP} tags.` };
  if (count(text, "xmlns") > MAX_NAMESPACES) return { ok: false, problem: `The document declares more than ${MAX_NAMESPACES} namespaces.` };
  let document: Document;
  try {
    document = new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") throw new Error(message);
      },
    }).parseFromString(text, "text/xml");
  } catch (error) {
    return { ok: false, problem: `The document is not well-formed XML: ${firstLine(error)}` };
  }
  if (document.doctype?.internalSubset) return { ok: false, problem: NO_SUBSET };
  const root = document.documentElement;
  if (!root) return { ok: false, problem: "The document has no root element." };
  // Character references are resolved by now: "&#0;" is as unreadable for XML 1.0 as a raw NUL.
  if (!isXmlSafe(root.textContent ?? "") || !attributesXmlSafe(root)) return { ok: false, problem: NOT_XML_CHARS };
  return { ok: true, root, systemId: document.doctype?.systemId ?? null };
}

const NO_SUBSET = "Documents with an internal DTD subset or entity declarations are not accepted.";
const NOT_XML_CHARS = "The document contains characters XML 1.0 does not allow (such as NUL).";

function count(text: string, needle: string): number {
  let n = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) n++;
  return n;
}

/** Every attribute value below `root` (iterative: documents may nest thousands deep). */
function attributesXmlSafe(root: Element): boolean {
  const pending: Element[] = [root];
  for (let element = pending.pop(); element; element = pending.pop()) {
    for (let i = 0; i < element.attributes.length; i++) if (!isXmlSafe(element.attributes[i]!.value)) return false;
    pending.push(...childElements(element));
  }
  return true;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0]!.slice(0, 200);
}

// ------------------------------------------------------------------------------------------------
// Reading elements: direct children by name, their text.

export function childElements(parent: Element, name?: string): Element[] {
  const out: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (name === undefined || (node as Element).localName === name || (node as Element).nodeName === name)) out.push(node as Element);
  }
  return out;
}

export function childElement(parent: Element | null | undefined, name: string): Element | null {
  return parent ? (childElements(parent, name)[0] ?? null) : null;
}

/** The element's text with surrounding whitespace removed ("" for none). */
export function textOf(element: Element | null | undefined): string {
  return (element?.textContent ?? "").trim();
}

export function pathElement(root: Element, ...names: string[]): Element | null {
  let at: Element | null = root;
  for (const name of names) at = childElement(at, name);
  return at;
}
