import { z } from "zod";
import { SORTS } from "./types";

export const PAGE_SIZE = 24;

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);

// Query strings come from anyone: out-of-range or unknown values fall back to the defaults
// instead of failing the page.
export const listingParamsSchema = z.object({
  page: z.preprocess(one, z.coerce.number().int().min(1).max(10_000).catch(1)).default(1),
  sort: z.preprocess(one, z.enum(SORTS).catch("name")).default("name"),
  manufacturer: z.preprocess(one, z.string().trim().max(100).optional().catch(undefined)),
  stock: z.preprocess(one, z.literal("1").optional().catch(undefined)),
});

export const searchParamsSchema = z.object({
  q: z.preprocess(one, z.string().trim().max(200).catch("")).default(""),
  page: z.preprocess(one, z.coerce.number().int().min(1).max(10_000).catch(1)).default(1),
});

export const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(200);

export function pageCount(total: number) {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}
