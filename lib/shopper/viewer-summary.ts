import "server-only";
import { getViewer } from "@/lib/auth/viewer";
import { cartItemCount } from "@/lib/cart/store";
import { getOciState } from "@/lib/oci/next/current";
import { currentCartId } from "./current-cart";
import type { ViewerSummary } from "./viewer-types";

/** The per-visitor parts of every page: account menu, cart count, punchout banner. */
export async function viewerSummary(): Promise<ViewerSummary> {
  const [viewer, oci] = await Promise.all([getViewer(), getOciState()]);
  const cartCount = await cartItemCount(await currentCartId());
  return {
    account: viewer
      ? {
          name: viewer.name,
          kind: viewer.customer.kind,
          // Changes when another customer's prices would apply, so the browser refetches them.
          pricing: `${viewer.customer.id}:${viewer.customer.priceListId ?? "-"}`,
        }
      : null,
    cartCount,
    punchout: oci.state === "active" && viewer ? { state: "active", customerName: viewer.customer.name } : oci.state === "expired" ? { state: "expired" } : null,
  };
}
