import { z } from "zod";
import { amount, compare, ZERO } from "@/lib/money/decimal";
import { PRODUCT_RULES } from "./product-rules";

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
  name: plain("Name", PRODUCT_RULES.nameMax).pipe(z.string().min(1, "Name is required")),
  description: plain("Description", PRODUCT_RULES.descriptionMax).default(""),
  manufacturer: plain("Manufacturer", PRODUCT_RULES.manufacturerMax).default(""),
  manufacturerPartNumber: plain("Manufacturer part number", PRODUCT_RULES.manufacturerPartNumberMax).default(""),
  unit: z.string().trim().toUpperCase().regex(PRODUCT_RULES.unit, "Unit: a 2–3 character unit code such as C62, PCE, MTR"),
  priceUnit: whole("Price unit", 1, 99_999),
  listPrice: decimalText("List price"),
  currency: z.string().trim().toUpperCase().regex(PRODUCT_RULES.currency, "Currency: three letters, e.g. EUR"),
  vatRate: decimalText("VAT rate")
    .refine((v) => /^\d+(\.\d{1,2})?$/.test(v), { message: "VAT rate: at most 2 decimals, e.g. 19 or 7.7", abort: true })
    .refine((v) => compare(amount(v), amount(PRODUCT_RULES.vatRateMax)) <= 0, `VAT rate must be at most ${PRODUCT_RULES.vatRateMax}`),
  leadTimeDays: whole("Lead time", 0, PRODUCT_RULES.leadTimeMax),
  unspsc: z.string().trim().regex(PRODUCT_RULES.unspsc, "UNSPSC: 8 or 10 digits, or empty"),
  categoryId: whole("Category", 1, 2_147_483_647),
  stock: whole("Stock", 0, 2_147_483_647),
  minQuantity: whole("Minimum order quantity", 1, 1_000_000),
  packQuantity: whole("Pack quantity", 1, 1_000_000),
  active: z.boolean(),
  featured: z.boolean(),
});

export type ProductFields = z.infer<typeof productFields>;

export const newProductFields = productFields.extend({
  sku: z.string().trim().regex(PRODUCT_RULES.sku, "Article number: 1–64 letters, digits, dots, dashes or underscores"),
});

export type NewProductFields = z.infer<typeof newProductFields>;
