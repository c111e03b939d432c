/**
 * A customer's OCI profile: how our basket is written for their procurement system (which codes,
 * which fields) and which calls from it are accepted. Pure data and rules, no I/O; the back office
 * stores it, the entry and the encoder read it.
 */
import type { OciCharset } from "./text-rules";

export type CustFieldSource =
  | { kind: "none" }
  | { kind: "fixed"; value: string }
  | { kind: "attribute"; attribute: "sku" | "manufacturer" | "unspsc" | "manufacturerPartNumber" };

export type MatgroupSource =
  | { source: "unspsc" }
  /** Our category id → their code; a category without a code takes its nearest ancestor's. */
  | { source: "category"; codes: Record<string, string> }
  | { source: "fixed"; value: string };

export type OciProfile = {
  /** VENDOR: our supplier number in their system. */
  vendorNumber: string | null;
  /** MANUFACTCODE by our manufacturer name (exact, case-insensitive); unmapped → empty. */
  manufacturerCodes: Record<string, string>;
  matgroup: MatgroupSource;
  /** Our ISO/UN-ECE unit → the code their system expects; unmapped units go unchanged. */
  unitCodes: Record<string, string>;
  /** CUST_FIELD1 … CUST_FIELD5. */
  custFields: [CustFieldSource, CustFieldSource, CustFieldSource, CustFieldSource, CustFieldSource];
  /** When the call names no charset. */
  defaultCharset: OciCharset;
  sendLongText: boolean;
  /** DESCRIPTION from the name, or the name followed by the manufacturer part number (the variant). */
  description: "name" | "name_and_variant";
  /** Origins (scheme://host[:port]) or URL prefixes the hook_url must match; empty: any http(s). */
  allowedHooks: string[];
  allowSapEvent: boolean;
  /** Extra origins (portals) that may frame the shop, beside the hook's own origin. */
  frameOrigins: string[];
  /** Minutes without a page view after which the punchout ends; null: the shop's default (OCI_SESSION_IDLE_MINUTES). */
  idleMinutes: number | null;
};

export const DEFAULT_PROFILE: OciProfile = {
  vendorNumber: null,
  manufacturerCodes: {},
  matgroup: { source: "unspsc" },
  unitCodes: {},
  custFields: [{ kind: "none" }, { kind: "none" }, { kind: "none" }, { kind: "none" }, { kind: "none" }],
  defaultCharset: "utf-8",
  sendLongText: true,
  description: "name",
  allowedHooks: [],
  allowSapEvent: true,
  frameOrigins: [],
  idleMinutes: null,
};

/** Their material group for a product: a category mapping inherits down the tree. */
export function matgroupFor(profile: Pick<OciProfile, "matgroup">, product: { unspsc: string; categoryPath: readonly number[] }): string {
  const m = profile.matgroup;
  if (m.source === "fixed") return m.value;
  if (m.source === "category") {
    // categoryPath: the product's category first, then its parent, … up to the root.
    for (const id of product.categoryPath) {
      const code = m.codes[String(id)];
      if (code) return code;
    }
  }
  return product.unspsc;
}

export function unitCodeFor(profile: Pick<OciProfile, "unitCodes">, unit: string): string {
  return profile.unitCodes[unit.toUpperCase()] ?? unit;
}

export function manufacturerCodeFor(profile: Pick<OciProfile, "manufacturerCodes">, manufacturer: string): string {
  const wanted = manufacturer.trim().toLowerCase();
  if (!wanted) return "";
  for (const [name, code] of Object.entries(profile.manufacturerCodes)) if (name.trim().toLowerCase() === wanted) return code;
  return "";
}

export type HookVerdict = { ok: true } | { ok: false; rule: string };

/**
 * Whether a (syntactically valid) hook URL is allowed by the profile. An origin entry matches that
 * exact origin; an entry with a path, or one ending in ":" or "/", matches as a string prefix of the
 * whole URL. SAPEVENT hooks are governed by their own switch.
 */
export function hookAllowed(profile: Pick<OciProfile, "allowedHooks" | "allowSapEvent">, hookUrl: string): HookVerdict {
  if (/^sapevent:/i.test(hookUrl)) return profile.allowSapEvent ? { ok: true } : { ok: false, rule: "SAPEVENT hooks are not enabled for this customer." };
  if (profile.allowedHooks.length === 0) return { ok: true };
  let url: URL;
  try {
    url = new URL(hookUrl);
  } catch {
    return { ok: false, rule: "The hook URL is not a valid URL." };
  }
  // "http://127.0.0.1:80@evil.example/" starts like an allowed prefix but goes elsewhere.
  if (url.username || url.password) return { ok: false, rule: "The hook URL must not contain a user name or password." };
  const href = url.href.toLowerCase();
  for (const entry of profile.allowedHooks) {
    const origin = originEntry(entry);
    if (origin ? url.origin === origin : href.startsWith(entry.toLowerCase())) return { ok: true };
  }
  return { ok: false, rule: `The hook URL must start with one of: ${profile.allowedHooks.join(", ")}` };
}

/** `https://srm.example.com` or `http://127.0.0.1:8000` (no path, not ending in ":"): its origin. */
function originEntry(entry: string): string | null {
  if (!/^https?:\/\/[^/]+\/?$/i.test(entry) || entry.endsWith(":")) return null;
  try {
    return new URL(entry).origin;
  } catch {
    return null;
  }
}
