import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { cartItemCount, findCartId } from "@/lib/cart/store";
import { ociStateFor } from "@/lib/oci/next/current";
import { pricingKeyOf } from "@/lib/pricing/context";
import { cartOwnerOf } from "./current-cart";
import type { ViewerSummary } from "./viewer-types";

/** The per-visitor parts of every page: account menu, cart count, punchout banner. */
export async function viewerSummary(viewer: Viewer | null): Promise<ViewerSummary> {
  // One lookup each: route handlers have no per-request cache, so the caller passes the viewer in.
  const oci = await ociStateFor(viewer);
  const cartCount = await cartItemCount(await findCartId(await cartOwnerOf(viewer, oci)));
  return {
    account: viewer
      ? {
          name: viewer.name,
          kind: viewer.customer.kind,
          pricing: pricingKeyOf(viewer.customer),
          ...(viewer.role === "admin" ? { operator: true as const } : {}),
        }
      : null,
    cartCount,
    punchout: oci.state === "active" && viewer ? { state: "active", customerName: viewer.customer.name } : oci.state === "expired" ? { state: "expired" } : null,
  };
}
