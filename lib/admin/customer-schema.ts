import { z } from "zod";
import type { Address } from "@/db/schema";

// Control characters end up in OCI fields, invoices and CSV exports; nobody types them on purpose.
const CONTROL = /[\u0000-\u001f\u007f]/;

const plain = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}: at most ${max} characters`)
    .refine((v) => !CONTROL.test(v), `${label} contains control characters`);

const required = (label: string, max: number) => plain(label, max).pipe(z.string().min(1, `${label} is required`));

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

/** An ISO 3166-1 alpha-2 code the runtime knows (it answers an unknown code with the code itself). */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code)) return false;
  try {
    return regionNames.of(code) !== code;
  } catch {
    return false;
  }
}

export const VAT_MODES = [
  ["standard", "Standard (VAT as the product says)"],
  ["reverse_charge", "EU business, reverse charge (0 % VAT)"],
  ["export", "Outside the EU (0 % VAT)"],
] as const;

const addressFields = z.object({
  name: required("Name", 100),
  company: plain("Company", 100).default(""),
  street: required("Street and house number", 120),
  postalCode: required("Postal code", 12).pipe(z.string().regex(/^[A-Za-z0-9 -]+$/, "Postal code: letters, digits, spaces and hyphens only")),
  city: required("City", 80),
  country: z.string().trim().toUpperCase().refine(isCountryCode, "Country: a two-letter ISO code such as DE, NL or CH"),
});

/** An address the operator may leave entirely empty (no address); once anything is typed, it must be whole. */
const optionalAddress = z.preprocess(
  (v) => (v && typeof v === "object" && Object.values(v).every((x) => typeof x !== "string" || x.trim() === "") ? null : v),
  addressFields.nullable(),
);

/** The address as stored: fixed key order, no empty company, so an unchanged address compares equal. */
export function canonicalAddress(a: z.output<typeof addressFields> | Address | null | undefined): Address | null {
  if (!a) return null;
  return { name: a.name, ...(a.company ? { company: a.company } : {}), street: a.street, postalCode: a.postalCode, city: a.city, country: a.country };
}

/** Every editable attribute of a customer, as the back-office form sends it. The kind is fixed once created. */
export const customerFields = z.object({
  name: required("Name", 200),
  // The debtor number is also a login name (the primary buyer signs in with it), so no "@" or spaces.
  debtorNumber: z
    .string()
    .trim()
    .refine((v) => v === "" || /^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/.test(v), "Debtor number: 1–20 letters, digits, dots, dashes or underscores")
    .transform((v) => (v === "" ? null : v)),
  priceListId: z
    .string()
    .trim()
    .refine((v) => v === "" || /^\d{1,9}$/.test(v), "Choose a price list")
    .transform((v) => (v === "" ? null : Number(v))),
  vatMode: z.enum(["standard", "reverse_charge", "export"], { error: "Choose how VAT is handled" }),
  // Our supplier number in the customer's procurement system (OCI VENDOR, at most 10 characters there).
  ociVendorNumber: z
    .string()
    .trim()
    .max(10, "OCI vendor number: at most 10 characters")
    .refine((v) => /^[\x20-\x7e]*$/.test(v), "OCI vendor number: printable characters only (letters, digits, punctuation)")
    .transform((v) => (v === "" ? null : v)),
  billingAddress: optionalAddress,
  shippingAddress: optionalAddress,
  active: z.boolean(),
});

export type CustomerFields = z.output<typeof customerFields>;

export const userFields = z.object({
  email: plain("E-mail address", 254).pipe(z.string().toLowerCase().email("E-mail address: a valid address, like name@example.com")),
  name: required("Name", 100),
  role: z.enum(["buyer", "admin"], { error: "Choose a role" }),
});

export type UserFields = z.output<typeof userFields>;

/** A new customer comes with its first buyer, who signs in with the debtor number or e-mail. */
export const newCustomerFields = customerFields
  .extend({
    kind: z.enum(["b2b", "consumer"], { error: "Choose business or consumer" }),
    buyerEmail: userFields.shape.email,
    buyerName: userFields.shape.name,
  })
  .superRefine((v, ctx) => {
    if (v.kind === "b2b" && !v.debtorNumber) ctx.addIssue({ code: "custom", path: ["debtorNumber"], message: "A business customer needs a debtor number" });
  });

export type NewCustomerFields = z.output<typeof newCustomerFields>;

const ADDRESS_KEYS = ["name", "company", "street", "postalCode", "city", "country"] as const;

/** The flat customer form (`billingAddress.city` …) → the shape the schemas read. Pure. */
export function customerFormToObject(form: FormData) {
  const get = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : "";
  };
  const address = (prefix: string) => Object.fromEntries(ADDRESS_KEYS.map((k) => [k, get(`${prefix}.${k}`)]));
  return {
    kind: get("kind"),
    name: get("name"),
    debtorNumber: get("debtorNumber"),
    priceListId: get("priceListId"),
    vatMode: get("vatMode"),
    ociVendorNumber: get("ociVendorNumber"),
    billingAddress: address("billingAddress"),
    shippingAddress: address("shippingAddress"),
    active: get("active") === "on",
    buyerEmail: get("buyerEmail"),
    buyerName: get("buyerName"),
  };
}

/** The typed values of the flat form, to put back into the fields after a refusal. */
export function customerFormValues(form: FormData): Record<string, string> {
  const names = ["kind", "name", "debtorNumber", "priceListId", "vatMode", "ociVendorNumber", "active", "buyerEmail", "buyerName", "version"];
  for (const prefix of ["billingAddress", "shippingAddress"]) for (const k of ADDRESS_KEYS) names.push(`${prefix}.${k}`);
  return Object.fromEntries(names.map((n) => [n, typeof form.get(n) === "string" ? (form.get(n) as string) : ""]));
}
