"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { CART_KEY } from "./use-cart";

/** Rendered where the server changed the cart behind the client's back (an order was placed). */
export function CartRefresh() {
  const client = useQueryClient();
  useEffect(() => {
    void client.invalidateQueries({ queryKey: CART_KEY });
  }, [client]);
  return null;
}
