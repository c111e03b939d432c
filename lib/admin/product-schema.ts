import { z } from "zod";
import { amount, compare, ZERO } from "@/lib/money/decimal";

/** A decimal with at most 4 places, "." or "," as separator, kept as an exact string. */
export const decimalText = (label: string, { min = "0", allowZero = true }: { min?: string; allowZero?: boolean } = {}) =>
  z
    .string()
    .trim()
    .transform((v) => v.replace(",", "."))
    .refine((v) => /^\d{1,10}(\.\d{1,4})?$/.test(v), { message: `${label}: a number with at most 4 decimals, e.g. 12.50`, abort: true })
    .refine((v) => compare(amount(v), amount(min)) >= 0 && (allowZero || compare(amount(v), ZERO) > 0), allowZero ? `${label} must be at least ${min}` : `${label} must be more than 0`);

const whole = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${label}: a whole number` })
    .int(`${label}: a whole number`)
    .min(min, `${label} must be at least ${min}`)
    .max(max, `${label} must be at most ${max}`);

const plain = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}: at most ${max} characters`)
    // Control characters end up in OCI fields and CSV exports; nobody types them on purpose.
    .refine((v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v), `${label} contains control characters`);

/**
 * Every editable attribute of a product, as the back-office form (and the CSV import) sends it.
 * The SKU is fixed once created: procurement systems keep it as our article number in their orders.
 */
export const productFields = z.object({
  name: plain("Name", 200).pipe(z.string().min(1, "Name is required")),
  description: plain("Description", 5000).default(""),
  manufacturer: plain("Manufacturer", 100).default(""),
  manufacturerPartNumber: plain("Manufacturer part number", 40).default(""),
  unit: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{2,3}$/, "Unit: a 2–3 character unit code such as C62, PCE, MTR"),
  priceUnit: whole("Price unit", 1, 99_999),
  listPrice: decimalText("List price", { allowZero: false }),
  currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "Currency: three letters, e.g. EUR"),
  vatRate: decimalText("VAT rate")
    .refine((v) => /^\d+(\.\d{1,2})?$/.test(v), { message: "VAT rate: at most 2 decimals, e.g. 19 or 7.7", abort: true })
    .refine((v) => compare(amount(v), amount("100")) < 0, "VAT rate must be below 100"),
  leadTimeDays: whole("Lead time", 0, 999),
  unspsc: z.string().trim().regex(/^(\d{8})?$/, "UNSPSC: 8 digits or empty"),
  categoryId: whole("Category", 1, 2_147_483_647),
  stock: whole("Stock", 0, 2_147_483_647),
  minQuantity: whole("Minimum order quantity", 1, 1_000_000),
  packQuantity: whole("Pack quantity", 1, 1_000_000),
  active: z.boolean(),
  featured: z.boolean(),
});

export type ProductFields = z.infer<typeof productFields>;

export const newProductFields = productFields.extend({
  sku: z.string().trim().regex(/^[A-Za-z0-9._-]{1,40}$/, "Article number: 1–40 letters, digits, dots, dashes or underscores"),
});

export type NewProductFields = z.infer<typeof newProductFields>;
