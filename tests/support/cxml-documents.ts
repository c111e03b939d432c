import { readXml, childElements, pathElement, textOf } from "@/lib/cxml/xml-read";
import type { Element } from "@xmldom/xmldom";

/** A PunchOutSetupRequest as procurement systems send it (Ariba's shape). */
export type SetupOptions = {
  from?: { domain: string; identity: string };
  to?: { domain: string; identity: string };
  sender?: { domain: string; identity: string };
  secret?: string;
  operation?: string;
  buyerCookie?: string;
  url?: string;
  userEmail?: string;
  items?: { sku: string; aux?: string; quantity: string }[];
  version?: string;
  encoding?: string;
  payloadId?: string;
};

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

export function setupRequestXml(o: SetupOptions): string {
  const from = o.from ?? { domain: "NetworkID", identity: "AN01000010001" };
  const to = o.to ?? { domain: "NetworkID", identity: "AN02000000100" };
  const sender = o.sender ?? from;
  const items = (o.items ?? [])
    .map(
      (i, n) =>
        `<ItemOut quantity="${esc(i.quantity)}" lineNumber="${n + 1}"><ItemID><SupplierPartID>${esc(i.sku)}</SupplierPartID>${i.aux !== undefined ? `<SupplierPartAuxiliaryID>${esc(i.aux)}</SupplierPartAuxiliaryID>` : ""}</ItemID></ItemOut>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="${o.encoding ?? "UTF-8"}"?>
<!DOCTYPE cXML SYSTEM "http://xml.cxml.org/schemas/cXML/${o.version ?? "1.2.014"}/cXML.dtd">
<cXML payloadID="${esc(o.payloadId ?? `${Date.now()}.1234.test@buyer.example`)}" timestamp="2026-12-01T10:00:00+01:00" xml:lang="de-DE">
<Header>
<From><Credential domain="${esc(from.domain)}"><Identity>${esc(from.identity)}</Identity></Credential></From>
<To><Credential domain="${esc(to.domain)}"><Identity>${esc(to.identity)}</Identity></Credential></To>
<Sender><Credential domain="${esc(sender.domain)}"><Identity>${esc(sender.identity)}</Identity><SharedSecret>${esc(o.secret ?? "demo-cxml-secret")}</SharedSecret></Credential><UserAgent>Buyer 14s2</UserAgent></Sender>
</Header>
<Request deploymentMode="test"><PunchOutSetupRequest operation="${esc(o.operation ?? "create")}">
<BuyerCookie>${esc(o.buyerCookie ?? "1J3YVWU9QWMTB")}</BuyerCookie>
${o.userEmail ? `<Extrinsic name="UserEmail">${esc(o.userEmail)}</Extrinsic>` : ""}<Extrinsic name="CostCenter">610</Extrinsic>
<BrowserFormPost><URL>${esc(o.url ?? "https://buyer.example/punchout/return?x=1&y=2")}</URL></BrowserFormPost>
<SupplierSetup><URL>https://shop.example/punchout/cxml/setup</URL></SupplierSetup>
${items}
</PunchOutSetupRequest></Request>
</cXML>`;
}

export type ParsedResponse = { code: string; text: string; detail: string; startUrl: string | null; payloadId: string; timestamp: string };

/** Our answer to a setup, read back with the shop's own safe reader. */
export function parseResponse(xml: string): ParsedResponse {
  const read = readXml(new TextEncoder().encode(xml), null);
  if (!read.ok) throw new Error(`not a readable cXML answer: ${read.problem}\n${xml}`);
  const status = pathElement(read.root, "Response", "Status");
  return {
    code: status?.getAttribute("code") ?? "",
    text: status?.getAttribute("text") ?? "",
    detail: textOf(status),
    startUrl: textOf(pathElement(read.root, "Response", "PunchOutSetupResponse", "StartPage", "URL")) || null,
    payloadId: read.root.getAttribute("payloadID") ?? "",
    timestamp: read.root.getAttribute("timestamp") ?? "",
  };
}

export type ParsedOrderMessage = {
  buyerCookie: string;
  operationAllowed: string;
  total: { currency: string; value: string };
  from: string;
  to: string;
  items: { quantity: string; sku: string; aux: string; price: string; currency: string; unit: string; basis: string | null; unspsc: string; description: string; shortName: string; manufacturerPartId: string; manufacturer: string; leadTime: string }[];
};

/** A PunchOutOrderMessage as a receiver reads it. */
export function parseOrderMessage(xml: string): ParsedOrderMessage {
  const read = readXml(new TextEncoder().encode(xml), null);
  if (!read.ok) throw new Error(read.problem);
  const message = pathElement(read.root, "Message", "PunchOutOrderMessage")!;
  const header = pathElement(message, "PunchOutOrderMessageHeader")!;
  const money = pathElement(header, "Total", "Money")!;
  const item = (el: Element) => {
    const detail = pathElement(el, "ItemDetail")!;
    const description = pathElement(detail, "Description")!;
    const own = [...Array.from({ length: description.childNodes.length }, (_, i) => description.childNodes[i]!)].filter((n) => n.nodeType === 3).map((n) => n.nodeValue ?? "").join("");
    return {
      quantity: el.getAttribute("quantity") ?? "",
      sku: textOf(pathElement(el, "ItemID", "SupplierPartID")),
      aux: textOf(pathElement(el, "ItemID", "SupplierPartAuxiliaryID")),
      price: textOf(pathElement(detail, "UnitPrice", "Money")),
      currency: pathElement(detail, "UnitPrice", "Money")?.getAttribute("currency") ?? "",
      unit: textOf(pathElement(detail, "UnitOfMeasure")),
      basis: pathElement(detail, "PriceBasisQuantity")?.getAttribute("quantity") ?? null,
      unspsc: textOf(pathElement(detail, "Classification")),
      description: own,
      shortName: textOf(pathElement(description, "ShortName")),
      manufacturerPartId: textOf(pathElement(detail, "ManufacturerPartID")),
      manufacturer: textOf(pathElement(detail, "ManufacturerName")),
      leadTime: textOf(pathElement(detail, "LeadTime")),
    };
  };
  return {
    buyerCookie: pathElement(message, "BuyerCookie")?.textContent ?? "",
    operationAllowed: header.getAttribute("operationAllowed") ?? "",
    total: { currency: money.getAttribute("currency") ?? "", value: textOf(money) },
    from: textOf(pathElement(read.root, "Header", "From", "Credential", "Identity")),
    to: textOf(pathElement(read.root, "Header", "To", "Credential", "Identity")),
    items: childElements(message, "ItemIn").map(item),
  };
}
