import { z } from "zod";
import { COOKIE_NAMES, COOKIE_OPTIONS } from "@/lib/http/cookies";

/**
 * The anonymous cart cookie: a random id that becomes the cart's key on the first add. This module
 * decides its name, lifetime and shape; the proxy issues it with the first page view (so tabs share
 * one cart) and the cart shell reads or replaces it.
 */
export const ANON_CART_MAX_AGE = 60 * 60 * 24 * 30;
export const CART_COOKIE = COOKIE_NAMES.cart;

const cartIdSchema = z.string().uuid();

export function anonymousCartCookie(id: string = crypto.randomUUID()) {
  return { name: CART_COOKIE, value: id, ...COOKIE_OPTIONS, maxAge: ANON_CART_MAX_AGE };
}

export function parseAnonymousCartId(value: string | undefined): string | null {
  return cartIdSchema.safeParse(value).success ? value! : null;
}
