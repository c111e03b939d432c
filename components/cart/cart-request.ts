import type { CartView as CartDto } from "@/lib/shopper/cart-view-types";

export class CartRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** One call to the cart API: the cart as the server holds it afterwards, or its message. */
export async function cartRequest(method: string, url: string, body?: unknown): Promise<CartDto> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
    cache: "no-store",
  });
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new CartRequestError(data?.error ?? "Something went wrong. Please try again.", res.status);
  return data as CartDto;
}
