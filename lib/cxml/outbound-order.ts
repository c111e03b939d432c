/**
 * The basket → a PunchOutOrderMessage document, and the hidden form field that carries it back
 * through the buyer's browser. Pure: basket lines and the session's setup data in, a string out.
 *
 * Decisions where cXML leaves room:
 * - UnitPrice is the customer's net price per price unit. A product priced per 100 or 1000 pieces
 *   says so with PriceBasisQuantity (quantity = the price unit, conversionFactor 1, the same unit),
 *   so nothing is rounded to a per-piece price.
 * - Total is the exact sum of the lines (quantity × UnitPrice ÷ price unit, at the money module's
 *   four places); Shipping and Tax are not sent (prices are net, delivery is agreed per contract).
 * - UnitOfMeasure is our UN/CEFACT code through the customer's unit mapping (their OCI profile).
 * - Description is the plain product text on one line in the setup's language, ShortName the product name.
 * - SupplierPartAuxiliaryID is our product id: an edit finds the line by it if the SKU changed.
 * - From and Sender carry our identity from the setup's To, To the buyer's from the setup's From.
 */
import type { CxmlSessionData } from "@/db/schema";
import { add, amount, mulDiv, ZERO, type Amount } from "@/lib/money/decimal";
import type { OciBasketLine } from "@/lib/oci/outbound-fields";
import { unitCodeFor, type OciProfile } from "@/lib/oci/profile";
import { toPlainLongText } from "@/lib/oci/text-rules";
import { xmlSafe, type CxmlStamp } from "./document";
import { moneyText } from "./money-text";
import { cxmlDocument, type XmlElement } from "./xml-write";

export const USER_AGENT = "Nordwerk Industrial Supply shop";

export type OrderMessageInput = {
  session: Pick<CxmlSessionData, "operation" | "buyerCookie" | "buyer" | "supplier" | "lang">;
  lines: readonly OciBasketLine[];
  currency: string;
  profile: Pick<OciProfile, "unitCodes">;
  stamp: CxmlStamp;
  version: string;
};

export type OrderMessage = { xml: string; total: Amount };

function credential(parent: XmlElement, name: "From" | "To" | "Sender", who: { domain: string; identity: string }): XmlElement {
  const el = parent.ele(name);
  el.ele("Credential", { domain: who.domain }).ele("Identity").txt(who.identity);
  return el;
}

function oneLine(text: string): string {
  return text.normalize("NFC").replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, " ").trim();
}

/** One line's extended amount: quantity × price per price unit ÷ price unit. */
export function lineAmount(line: Pick<OciBasketLine, "unitPrice" | "quantity" | "priceUnit">): Amount {
  return mulDiv(amount(line.unitPrice), line.quantity, line.priceUnit);
}

export function buildOrderMessage(input: OrderMessageInput): OrderMessage {
  const { session, lines, stamp } = input;
  const total = lines.reduce((sum, line) => add(sum, lineAmount(line)), ZERO);
  const document = cxmlDocument(input.version, stamp, session.lang);
  const header = document.root.ele("Header");
  credential(header, "From", session.supplier);
  credential(header, "To", session.buyer);
  credential(header, "Sender", session.supplier).ele("UserAgent").txt(USER_AGENT);

  const message = document.root.ele("Message").ele("PunchOutOrderMessage");
  message.ele("BuyerCookie").txt(session.buyerCookie);
  message
    .ele("PunchOutOrderMessageHeader", { operationAllowed: session.operation })
    .ele("Total")
    .ele("Money", { currency: input.currency })
    .txt(moneyText(total));

  lines.forEach((line, index) => {
    const unit = unitCodeFor(input.profile, line.unit);
    const item = message.ele("ItemIn", { quantity: String(line.quantity), lineNumber: String(index + 1) });
    const id = item.ele("ItemID");
    id.ele("SupplierPartID").txt(line.sku);
    id.ele("SupplierPartAuxiliaryID").txt(String(line.productId));

    const detail = item.ele("ItemDetail");
    detail.ele("UnitPrice").ele("Money", { currency: line.currency }).txt(moneyText(amount(line.unitPrice)));
    // Our own product text: whitespace and control characters normalised, markup characters kept
    // (the builder escapes them); the long text may hold catalog HTML, which becomes plain text.
    const name = xmlSafe(oneLine(line.name)) || line.sku;
    // One line: a browser sends line breaks in a form value as CRLF, so a multi-line text would not
    // arrive exactly as stored.
    const text = xmlSafe(oneLine(toPlainLongText(line.description))) || name;
    detail.ele("Description", { "xml:lang": session.lang }).txt(text).ele("ShortName").txt(name);
    detail.ele("UnitOfMeasure").txt(unit);
    if (line.priceUnit > 1) detail.ele("PriceBasisQuantity", { quantity: String(line.priceUnit), conversionFactor: "1" }).ele("UnitOfMeasure").txt(unit);
    detail.ele("Classification", { domain: "UNSPSC" }).txt(line.unspsc);
    const mpn = xmlSafe(oneLine(line.manufacturerPartNumber));
    if (mpn) detail.ele("ManufacturerPartID").txt(mpn);
    const manufacturer = xmlSafe(oneLine(line.manufacturer ?? ""));
    if (manufacturer) detail.ele("ManufacturerName").txt(manufacturer);
    if (line.leadTimeDays != null && line.leadTimeDays >= 0) detail.ele("LeadTime").txt(String(Math.ceil(line.leadTimeDays)));
  });

  // Not pretty-printed: indentation inside Description (text and ShortName) would become part of its text.
  return { xml: document.end(), total };
}

/** The hidden field the return form posts: the XML itself (the browser URL-encodes it once) or base64 of its UTF-8 bytes. */
export function returnFields(xml: string, field: CxmlSessionData["field"]): [string, string][] {
  return [[field, field === "cxml-base64" ? Buffer.from(xml, "utf8").toString("base64") : xml]];
}

/** The document inside a return field, as the receiver reads it. */
export function documentOfField(name: string, value: string): string | null {
  if (name === "cxml-urlencoded") return value;
  if (name === "cxml-base64") return Buffer.from(value, "base64").toString("utf8");
  return null;
}
