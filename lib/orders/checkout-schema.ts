import { z } from "zod";

export const COUNTRIES = [
  ["DE", "Germany"],
  ["NL", "Netherlands"],
  ["BE", "Belgium"],
  ["AT", "Austria"],
  ["CH", "Switzerland"],
  ["LU", "Luxembourg"],
  ["FR", "France"],
  ["DK", "Denmark"],
  ["PL", "Poland"],
] as const;

const countryCodes = COUNTRIES.map(([code]) => code) as [string, ...string[]];

const text = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} can be at most ${max} characters`);

export const addressSchema = z.object({
  name: text("the recipient's name", 100),
  company: z.string().trim().max(100, "Company can be at most 100 characters").optional().default(""),
  street: text("street and house number", 120),
  postalCode: z
    .string()
    .trim()
    .min(1, "Enter the postal code")
    .max(12, "Postal code can be at most 12 characters")
    .regex(/^[A-Za-z0-9 -]+$/, "Postal code may hold letters, digits, spaces and hyphens only"),
  city: text("the city", 80),
  country: z.enum(countryCodes, { error: "Choose a country from the list" }),
});

export const checkoutSchema = z
  .object({
    idempotencyKey: z.string().uuid("The form expired: reload the page"),
    shipping: addressSchema,
    billingSameAsShipping: z.boolean(),
    billing: z.unknown(),
    poReference: z.string().trim().max(35, "Your reference can be at most 35 characters").default(""),
    note: z.string().trim().max(500, "The note can be at most 500 characters").default(""),
  })
  .transform((v, ctx) => {
    if (v.billingSameAsShipping) return { ...v, billing: v.shipping };
    const billing = addressSchema.safeParse(v.billing);
    if (!billing.success) {
      for (const issue of billing.error.issues) ctx.addIssue({ ...issue, path: ["billing", ...issue.path] } as never);
      return z.NEVER;
    }
    return { ...v, billing: billing.data };
  });

export type CheckoutInput = z.output<typeof checkoutSchema>;

/** Reads the flat checkout form (`shipping.name`, `billing.city` …) into the nested shape. */
export function checkoutFormToObject(form: FormData) {
  const get = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : undefined;
  };
  const address = (prefix: string) => ({
    name: get(`${prefix}.name`),
    company: get(`${prefix}.company`),
    street: get(`${prefix}.street`),
    postalCode: get(`${prefix}.postalCode`),
    city: get(`${prefix}.city`),
    country: get(`${prefix}.country`),
  });
  return {
    idempotencyKey: get("idempotencyKey"),
    shipping: address("shipping"),
    billingSameAsShipping: get("billingSameAsShipping") === "on",
    billing: address("billing"),
    poReference: get("poReference") ?? "",
    note: get("note") ?? "",
  };
}
