/**
 * A PunchOutSetupRequest → a typed setup call, or the sentences saying what is wrong with it. Pure:
 * the element tree in (see xml-read), no database, no Next.
 *
 * Where cXML leaves room: any declared DTD version 1.2.0xx is accepted; a document without a
 * DOCTYPE is read the same way. `source` is refused (we have no sourcing events). For `create`
 * ItemOut lines are ignored; for `edit`/`inspect` they are the basket to start from, and each must
 * have a SupplierPartID and a whole quantity the cart can hold.
 */
import type { Element } from "@xmldom/xmldom";
import { z } from "zod";
import type { CxmlCredential, CxmlItemOut } from "@/db/schema";
import { MAX_LINE_QUANTITY } from "@/lib/cart/quantity-rules";
import { childElement, childElements, pathElement, textOf } from "./xml-read";

export type CxmlOperation = "create" | "edit" | "inspect";

export type CxmlSetupCall = {
  payloadId: string;
  /** The version the DOCTYPE named, when it named one. */
  version: string | null;
  lang: string;
  from: CxmlCredential[];
  to: CxmlCredential[];
  sender: (CxmlCredential & { sharedSecret: string | null })[];
  userAgent: string;
  operation: CxmlOperation;
  buyerCookie: string;
  browserFormPostUrl: string;
  extrinsics: [string, string][];
  items: CxmlItemOut[];
};

export type SetupParseResult = { ok: true; call: CxmlSetupCall } | { ok: false; problems: string[] };

export const SETUP_LIMITS = { buyerCookie: 512, url: 2048, identity: 200, items: 500, extrinsics: 50, payloadId: 250 } as const;

const credential = z.object({ domain: z.string().trim().min(1, "a Credential needs its domain").max(100), identity: z.string().trim().min(1, "a Credential needs its Identity").max(SETUP_LIMITS.identity) });

const httpUrl = z
  .string()
  .trim()
  .max(SETUP_LIMITS.url, `BrowserFormPost/URL is longer than ${SETUP_LIMITS.url} characters`)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password;
    } catch {
      return false;
    }
  }, "BrowserFormPost/URL must be an absolute http(s) URL without user name or password");

const item = z.object({
  supplierPartId: z.string().trim().min(1, "an ItemOut needs ItemID/SupplierPartID").max(200),
  auxiliaryId: z.string().trim().max(200),
  quantity: z.coerce.number({ error: "ItemOut quantity must be a whole number" }).int("ItemOut quantity must be a whole number").min(1, "ItemOut quantity must be at least 1").max(MAX_LINE_QUANTITY, `ItemOut quantity must be at most ${MAX_LINE_QUANTITY}`),
});

const callSchema = z.object({
  payloadId: z.string().trim().min(1, "the cXML element needs its payloadID").max(SETUP_LIMITS.payloadId),
  version: z.string().nullable(),
  lang: z.string(),
  from: z.array(credential).min(1, "Header/From needs a Credential"),
  to: z.array(credential).min(1, "Header/To needs a Credential"),
  sender: z.array(credential.extend({ sharedSecret: z.string().max(500).nullable() })).min(1, "Header/Sender needs a Credential"),
  userAgent: z.string().max(200),
  operation: z.enum(["create", "edit", "inspect"], "operation must be create, edit or inspect"),
  buyerCookie: z.string().min(1, "BuyerCookie is missing").max(SETUP_LIMITS.buyerCookie, `BuyerCookie is longer than ${SETUP_LIMITS.buyerCookie} characters`),
  browserFormPostUrl: httpUrl,
  extrinsics: z.array(z.tuple([z.string().max(100), z.string().max(2000)])).max(SETUP_LIMITS.extrinsics),
  items: z.array(item).max(SETUP_LIMITS.items, `at most ${SETUP_LIMITS.items} ItemOut lines`),
});

function credentialsOf(parent: Element | null): { domain: string; identity: string; sharedSecret: string | null }[] {
  if (!parent) return [];
  return childElements(parent, "Credential").map((c) => {
    const secret = childElement(c, "SharedSecret");
    return { domain: c.getAttribute("domain") ?? "", identity: textOf(childElement(c, "Identity")), sharedSecret: secret ? (secret.textContent ?? "") : null };
  });
}

function versionOf(systemId: string | null): { version: string | null; problem?: string } {
  if (!systemId) return { version: null };
  // The parser may keep the literal's quotes.
  const match = /\/cXML\/(\d+\.\d+\.\d+)\/cXML\.dtd$/i.exec(systemId.trim().replace(/^["']|["']$/g, ""));
  if (!match) return { version: null };
  const version = match[1]!;
  return /^1\.2\.0\d\d$/.test(version) ? { version } : { version, problem: `cXML version ${version} is not supported; send 1.2.0xx` };
}

const LANG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

export function parseSetupRequest(root: Element, systemId: string | null): SetupParseResult {
  if (root.nodeName !== "cXML") return { ok: false, problems: ["the root element must be cXML"] };
  const { version, problem } = versionOf(systemId);
  if (problem) return { ok: false, problems: [problem] };
  const header = childElement(root, "Header");
  const setup = pathElement(root, "Request", "PunchOutSetupRequest");
  if (!header) return { ok: false, problems: ["the document has no Header"] };
  if (!setup) return { ok: false, problems: ["the document holds no Request/PunchOutSetupRequest"] };
  const operation = setup.getAttribute("operation") ?? "";
  if (operation === "source") return { ok: false, problems: ['operation "source" is not supported by this shop'] };
  const lang = root.getAttribute("xml:lang") ?? "";
  const raw = {
    payloadId: root.getAttribute("payloadID") ?? "",
    version,
    lang: LANG.test(lang) ? lang : "en",
    from: credentialsOf(childElement(header, "From")).map(({ domain, identity }) => ({ domain, identity })),
    to: credentialsOf(childElement(header, "To")).map(({ domain, identity }) => ({ domain, identity })),
    sender: credentialsOf(childElement(header, "Sender")),
    userAgent: textOf(pathElement(header, "Sender", "UserAgent")),
    operation,
    // Opaque and sent back as it came: not trimmed.
    buyerCookie: childElement(setup, "BuyerCookie")?.textContent ?? "",
    browserFormPostUrl: textOf(pathElement(setup, "BrowserFormPost", "URL")),
    extrinsics: childElements(setup, "Extrinsic").map((e): [string, string] => [e.getAttribute("name") ?? "", textOf(e)]),
    items:
      operation === "edit" || operation === "inspect"
        ? childElements(setup, "ItemOut").map((line) => ({
            supplierPartId: textOf(pathElement(line, "ItemID", "SupplierPartID")),
            auxiliaryId: textOf(pathElement(line, "ItemID", "SupplierPartAuxiliaryID")),
            quantity: (line.getAttribute("quantity") ?? "").trim() || "missing",
          }))
        : [],
  };
  const parsed = callSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: [...new Set(parsed.error.issues.map((i) => i.message))] };
  return { ok: true, call: parsed.data };
}

/** An Extrinsic's value by name (cXML names are case-sensitive; we forgive case). */
export function extrinsic(call: Pick<CxmlSetupCall, "extrinsics">, name: string): string | null {
  const wanted = name.toLowerCase();
  return call.extrinsics.find(([n]) => n.toLowerCase() === wanted)?.[1] ?? null;
}
