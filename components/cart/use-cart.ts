"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CartView as CartDto } from "@/lib/shopper/cart-view-types";
import { cartRequest as request } from "./cart-request";

export { CartRequestError } from "./cart-request";

export const CART_KEY = ["cart"] as const;

export function useCart(initialData?: CartDto) {
  return useQuery({ queryKey: CART_KEY, queryFn: () => request("GET", "/api/cart"), initialData });
}

type Mutation =
  | { type: "add"; productId: number; quantity: number }
  | { type: "set"; productId: number; quantity: number }
  | { type: "remove"; productId: number }
  | { type: "clear" };

function optimistic(cart: CartDto, m: Mutation): CartDto {
  const count = (lines: CartDto["lines"]) => ({ lines, itemCount: lines.reduce((n, l) => n + l.quantity, 0), lineCount: lines.length });
  switch (m.type) {
    case "add":
      if (!cart.lines.some((l) => l.productId === m.productId)) return { ...cart, itemCount: cart.itemCount + m.quantity, lineCount: cart.lineCount + 1 };
      return { ...cart, ...count(cart.lines.map((l) => (l.productId === m.productId ? { ...l, quantity: l.quantity + m.quantity } : l))) };
    case "set":
      return { ...cart, ...count(cart.lines.map((l) => (l.productId === m.productId ? { ...l, quantity: m.quantity } : l))) };
    case "remove":
      return { ...cart, ...count(cart.lines.filter((l) => l.productId !== m.productId)) };
    case "clear":
      return { ...cart, ...count([]) };
  }
}

/**
 * Every cart change: shown at once (optimistic), replaced by the server's cart when it answers,
 * and rolled back with the server's message when it refuses.
 */
export function useCartMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (m: Mutation) => {
      switch (m.type) {
        case "add":
          return request("POST", "/api/cart/lines", { productId: m.productId, quantity: m.quantity });
        case "set":
          return request("PATCH", `/api/cart/lines/${m.productId}`, { quantity: m.quantity });
        case "remove":
          return request("DELETE", `/api/cart/lines/${m.productId}`, {});
        case "clear":
          return request("DELETE", "/api/cart", {});
      }
    },
    onMutate: async (m) => {
      await client.cancelQueries({ queryKey: CART_KEY });
      const previous = client.getQueryData<CartDto>(CART_KEY);
      if (previous) client.setQueryData(CART_KEY, optimistic(previous, m));
      return { previous };
    },
    onError: (_error, _m, context) => {
      if (context?.previous) client.setQueryData(CART_KEY, context.previous);
    },
    onSuccess: (cart) => client.setQueryData(CART_KEY, cart),
  });
}
