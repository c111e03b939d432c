import type { FieldErrors } from "@/lib/http/json";
import { DEFAULT_PROFILE, type CustFieldSource, type OciProfile } from "@/lib/oci/profile";
import { ociProfileSchema } from "@/lib/oci/profile-schema";

/**
 * The OCI profile form ↔ the profile. Mappings are edited as lines ("C62 = PCE"), lists one entry
 * per line, the category mapping one input per category (`matgroup_<id>`). Pure.
 */
export const CUST_FIELD_CHOICES = ["none", "fixed", "sku", "manufacturer", "unspsc", "manufacturerPartNumber"] as const;

export type ProfileFormValues = Record<string, string>;

const pairsToText = (pairs: Record<string, string>) => Object.entries(pairs).map(([k, v]) => `${k} = ${v}`).join("\n");

export function profileFormValues(profile: OciProfile): ProfileFormValues {
  const values: ProfileFormValues = {
    vendorNumber: profile.vendorNumber ?? "",
    manufacturerCodes: pairsToText(profile.manufacturerCodes),
    matgroupSource: profile.matgroup.source,
    matgroupFixed: profile.matgroup.source === "fixed" ? profile.matgroup.value : "",
    unitCodes: pairsToText(profile.unitCodes),
    defaultCharset: profile.defaultCharset,
    sendLongText: profile.sendLongText ? "on" : "",
    description: profile.description,
    allowedHooks: profile.allowedHooks.join("\n"),
    allowSapEvent: profile.allowSapEvent ? "on" : "",
    frameOrigins: profile.frameOrigins.join("\n"),
    idleMinutes: profile.idleMinutes === null ? "" : String(profile.idleMinutes),
  };
  if (profile.matgroup.source === "category") for (const [id, code] of Object.entries(profile.matgroup.codes)) values[`matgroup_${id}`] = code;
  profile.custFields.forEach((f, i) => {
    values[`cust${i + 1}Kind`] = f.kind === "attribute" ? f.attribute : f.kind;
    values[`cust${i + 1}Value`] = f.kind === "fixed" ? f.value : "";
  });
  return values;
}

function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

function pairsOf(text: string, field: string, errors: FieldErrors, upperKeys = false): Record<string, string> {
  const out: Record<string, string> = {};
  linesOf(text).forEach((line, i) => {
    const at = line.indexOf("=");
    const key = at > 0 ? line.slice(0, at).trim() : "";
    const value = at > 0 ? line.slice(at + 1).trim() : "";
    if (!key || !value) errors[field] ??= `Line ${i + 1}: write it as "ours = theirs"`;
    else out[upperKeys ? key.toUpperCase() : key] = value;
  });
  return out;
}

/** The submitted form → a validated profile, or the messages per field. */
export function profileFromForm(values: ProfileFormValues, categoryIds: readonly number[]): { ok: true; profile: OciProfile } | { ok: false; fields: FieldErrors } {
  const errors: FieldErrors = {};
  const source = values.matgroupSource;
  const codes: Record<string, string> = {};
  for (const id of categoryIds) {
    const code = (values[`matgroup_${id}`] ?? "").trim();
    if (code) codes[String(id)] = code;
  }
  const custFields = [1, 2, 3, 4, 5].map((n): CustFieldSource => {
    const kind = values[`cust${n}Kind`] ?? "none";
    if (kind === "fixed") return { kind: "fixed", value: values[`cust${n}Value`] ?? "" };
    if (kind === "sku" || kind === "manufacturer" || kind === "unspsc" || kind === "manufacturerPartNumber") return { kind: "attribute", attribute: kind };
    return { kind: "none" };
  }) as OciProfile["custFields"];
  const idle = (values.idleMinutes ?? "").trim();
  const candidate = {
    vendorNumber: values.vendorNumber ?? "",
    manufacturerCodes: pairsOf(values.manufacturerCodes ?? "", "manufacturerCodes", errors),
    matgroup: source === "fixed" ? { source, value: values.matgroupFixed ?? "" } : source === "category" ? { source, codes } : { source: "unspsc" },
    unitCodes: pairsOf(values.unitCodes ?? "", "unitCodes", errors, true),
    custFields,
    defaultCharset: values.defaultCharset,
    sendLongText: values.sendLongText === "on",
    description: values.description,
    allowedHooks: linesOf(values.allowedHooks ?? ""),
    allowSapEvent: values.allowSapEvent === "on",
    frameOrigins: linesOf(values.frameOrigins ?? ""),
    idleMinutes: idle === "" ? null : /^\d{1,6}$/.test(idle) ? Number(idle) : NaN,
  };
  const parsed = ociProfileSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [top, second] = issue.path;
      const key =
        top === "matgroup" ? (source === "fixed" ? "matgroupFixed" : "matgroupSource")
        : top === "custFields" && typeof second === "number" ? `cust${second + 1}Value`
        : top === "idleMinutes" ? "idleMinutes"
        : String(top);
      const line = typeof second === "number" && (top === "allowedHooks" || top === "frameOrigins") ? `Line ${second + 1}: ` : "";
      errors[key] ??= top === "idleMinutes" ? "Minutes from 5 to 10080, or empty for the shop's default" : `${line}${issue.message}`;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, fields: errors };
  return { ok: true, profile: parsed.data! };
}

export const DEFAULT_PROFILE_VALUES = profileFormValues(DEFAULT_PROFILE);
