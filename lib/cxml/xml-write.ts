/**
 * Writing cXML documents with @xmldom/xmldom's DOM and serializer: every text and attribute value
 * is escaped by the serializer (`&` always becomes `&amp;`, also where it looks like an entity), so
 * what we put in is exactly what a receiver reads back. Pure.
 */
import { DOMImplementation, XMLSerializer, type Document, type Element } from "@xmldom/xmldom";
import { doctypeSystemId, xmlSafe, type CxmlStamp } from "./document";

/** One element being built: `ele` appends a child and returns it, `txt` appends text and returns the element. */
export class XmlElement {
  constructor(
    private readonly doc: Document,
    readonly node: Element,
  ) {}

  ele(name: string, attributes: Record<string, string> = {}): XmlElement {
    const child = this.doc.createElement(name);
    for (const [key, value] of Object.entries(attributes)) child.setAttribute(key, xmlSafe(value));
    this.node.appendChild(child);
    return new XmlElement(this.doc, child);
  }

  txt(text: string): XmlElement {
    this.node.appendChild(this.doc.createTextNode(xmlSafe(text)));
    return this;
  }
}

export type XmlDocument = { root: XmlElement; end(): string };

/** A cXML document: the XML declaration, the DOCTYPE of `version`, and the root's payloadID, timestamp and language. */
export function cxmlDocument(version: string, stamp: CxmlStamp, lang: string): XmlDocument {
  const impl = new DOMImplementation();
  // xmldom writes the system id as given: the quotes are part of the literal.
  const doc = impl.createDocument(null, "cXML", impl.createDocumentType("cXML", "", `"${doctypeSystemId(version)}"`));
  doc.insertBefore(doc.createProcessingInstruction("xml", 'version="1.0" encoding="UTF-8"'), doc.firstChild);
  const root = new XmlElement(doc, doc.documentElement!);
  root.node.setAttribute("payloadID", xmlSafe(stamp.payloadId));
  root.node.setAttribute("timestamp", stamp.timestamp);
  root.node.setAttribute("xml:lang", xmlSafe(lang));
  return { root, end: () => new XMLSerializer().serializeToString(doc) };
}
