/**
 * The OCI profile as stored (jsonb) and as the back office submits it, validated. A stored profile
 * that no longer parses (a field added later) falls back field by field to the defaults.
 */
import { z } from "zod";
import { DEFAULT_PROFILE, type OciProfile } from "./profile";

const printable = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}: at most ${max} characters`)
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), `${label} contains control characters`);

const code = (label: string, max: number) => printable(label, max).pipe(z.string().min(1, `${label} is empty`));

// Stored as the browser spells an origin (lower-case host, default port dropped): CSP compares it so.
const origin = z
  .string()
  .trim()
  .refine((v) => /^https?:\/\/[^/\s]+\/?$/i.test(v) && URL.canParse(v), "an origin such as https://srm.example.com or http://127.0.0.1:8000")
  .transform((v) => new URL(v).origin);

const hookEntry = z
  .string()
  .trim()
  .refine((v) => /^https?:\/\/[^\s]+$/i.test(v) && !/[\u0000-\u001f\u007f]/.test(v), "an origin or URL prefix starting with http:// or https://");

const custField = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("none") }),
  z.object({ kind: z.literal("fixed"), value: code("Fixed value", 50) }),
  z.object({ kind: z.literal("attribute"), attribute: z.enum(["sku", "manufacturer", "unspsc", "manufacturerPartNumber"]) }),
]);

export const ociProfileSchema = z.object({
  vendorNumber: printable("VENDOR", 10)
    .transform((v) => v || null)
    .nullable(),
  manufacturerCodes: z.record(code("Manufacturer", 100), code("MANUFACTCODE", 10)),
  matgroup: z.discriminatedUnion("source", [
    z.object({ source: z.literal("unspsc") }),
    z.object({ source: z.literal("category"), codes: z.record(z.string().regex(/^\d+$/), code("MATGROUP", 10)) }),
    z.object({ source: z.literal("fixed"), value: code("MATGROUP", 10) }),
  ]),
  unitCodes: z.record(z.string().regex(/^[A-Z0-9]{2,3}$/, "a unit code such as C62"), z.string().regex(/^[A-Za-z0-9]{1,3}$/, "their unit code: 1–3 letters or digits")),
  custFields: z.tuple([custField, custField, custField, custField, custField]),
  defaultCharset: z.enum(["utf-8", "iso-8859-1"]),
  sendLongText: z.boolean(),
  description: z.enum(["name", "name_and_variant"]),
  allowedHooks: z.array(hookEntry).max(50),
  allowSapEvent: z.boolean(),
  frameOrigins: z.array(origin).max(20),
  idleMinutes: z.number().int().min(5).max(7 * 24 * 60).nullable(),
});

/** A stored profile, whatever its age: what parses is kept, the rest is the default. */
export function storedProfile(value: unknown): OciProfile {
  if (!value || typeof value !== "object") return DEFAULT_PROFILE;
  const whole = ociProfileSchema.safeParse(value);
  if (whole.success) return whole.data;
  const out: Record<string, unknown> = { ...DEFAULT_PROFILE };
  for (const [key, field] of Object.entries(ociProfileSchema.shape)) {
    const parsed = (field as z.ZodType).safeParse((value as Record<string, unknown>)[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as OciProfile;
}
