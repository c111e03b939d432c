import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { fieldErrors, jsonError, readJson } from "@/lib/http/json";
import { isSameOriginRequest } from "@/lib/http/origin";
import { currentCartIdForWrite } from "./current-cart";
import { CartError } from "@/lib/cart/store";
import { currentCartView } from "./cart-view";

export const productIdSchema = z.coerce.number().int().positive();

export async function cartResponse(cartId?: string | null) {
  return NextResponse.json(await currentCartView(cartId), { headers: { "Cache-Control": "no-store" } });
}

/**
 * Shared shell of every cart mutation: same-origin check, body validation, the write, and the
 * cart as it is afterwards — or a 4xx with a message the shopper can act on.
 */
export async function cartMutation<S extends z.ZodType>(
  request: Request,
  schema: S,
  write: (cartId: string, input: z.output<S>) => Promise<void>,
) {
  if (!isSameOriginRequest(request.headers)) return jsonError(403, "Cross-site requests are not allowed.");
  const parsed = schema.safeParse((await readJson(request)) ?? {});
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    return jsonError(400, Object.values(fields)[0] ?? "Invalid request", fields);
  }
  try {
    const cartId = await currentCartIdForWrite();
    await write(cartId, parsed.data);
    return cartResponse(cartId);
  } catch (error) {
    if (error instanceof CartError) return jsonError(error.code === "not_found" ? 404 : error.code === "read_only" ? 409 : 422, error.message, { quantity: error.message });
    throw error;
  }
}
