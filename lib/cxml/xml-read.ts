/**
 * Reading an inbound cXML document safely. Pure (no I/O): bytes in, a DOM or a sentence out.
 *
 * - The size is capped by the caller before the bytes get here (MAX_CXML_BYTES).
 * - The encoding is the Content-Type's charset, else a byte-order mark, else the XML declaration's,
 *   else UTF-8; bytes that are not valid in it are refused, never guessed.
 * - A document with an internal DTD subset or an entity declaration is refused before parsing: a
 *   setup request never needs one, and that is where entity bombs and external entities live.
 * - @xmldom/xmldom never fetches a DTD and never expands an entity it was not given; any error it
 *   reports (an unknown entity, broken markup) refuses the document.
 */
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";

export const MAX_CXML_BYTES = 512 * 1024;

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
  if (/<!DOCTYPE[^>[]*\[/i.test(text) || /<!ENTITY/i.test(text)) {
    return { ok: false, problem: "Documents with an internal DTD subset or entity declarations are not accepted." };
  }
  const errors: string[] = [];
  let document: Document;
  try {
    document = new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") errors.push(message);
      },
    }).parseFromString(text, "text/xml");
  } catch (error) {
    return { ok: false, problem: `The document is not well-formed XML: ${firstLine(error)}` };
  }
  if (errors.length > 0) return { ok: false, problem: `The document is not well-formed XML: ${firstLine(errors[0])}` };
  const root = document.documentElement;
  if (!root) return { ok: false, problem: "The document has no root element." };
  return { ok: true, root, systemId: document.doctype?.systemId ?? null };
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
