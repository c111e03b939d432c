import "server-only";
import { getViewer } from "@/lib/auth/viewer";
import { cartItemCount, findCartId } from "@/lib/cart/store";
import { ociStateFor } from "@/lib/oci/next/current";
import { cartOwnerOf } from "./current-cart";
import type { ViewerSummary } from "./viewer-types";

/** The per-visitor parts of every page: account menu, cart count, punchout banner. */
export async function viewerSummary(): Promise<ViewerSummary> {
  // One lookup each: route handlers have no per-request cache, so nothing below may ask again.
  const viewer = await getViewer();
  const oci = await ociStateFor(viewer);
  const cartCount = await cartItemCount(await findCartId(await cartOwnerOf(viewer, oci)));
  return {
    account: viewer
      ? {
          name: viewer.name,
          kind: viewer.customer.kind,
          // Changes when another customer's prices would apply, so the browser refetches them.
          pricing: `${viewer.customer.id}:${viewer.customer.priceListId ?? "-"}`,
          ...(viewer.role === "admin" ? { operator: true as const } : {}),
        }
      : null,
    cartCount,
    punchout: oci.state === "active" && viewer ? { state: "active", customerName: viewer.customer.name } : oci.state === "expired" ? { state: "expired" } : null,
  };
}
