"use client";

import { useEffect } from "react";
import { refreshViewer } from "@/components/viewer/use-viewer";

/** Rendered where the server changed the cart behind the client's back (an order was placed). */
export function CartRefresh() {
  useEffect(() => {
    void refreshViewer();
  }, []);
  return null;
}
