import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { getViewer } from "@/lib/auth/viewer";
import { anonymousCartCookie, CART_COOKIE } from "@/lib/cart/cookie";
import { COOKIE_NAMES, COOKIE_OPTIONS } from "@/lib/http/cookies";
import { guarded } from "@/lib/http/guard";
import { syncPricePass } from "@/lib/shopper/price-pass-cookie";
import { viewerSummary } from "@/lib/shopper/viewer-summary";

// Every page asks here for its per-visitor parts. A browser without a cart gets its anonymous cart id
// with its first page's answer, so tabs opened from that page share one cart even when they add their
// first products at the same moment (the cached pages themselves set no cookie). The price pass
// follows the session here: issued, renewed, or removed once nobody is signed in.
export const GET = guarded(async () => {
  const viewer = await getViewer();
  const response = NextResponse.json(await viewerSummary(viewer), { headers: { "Cache-Control": "private, no-store" } });
  const jar = await cookies();
  if (!jar.has(CART_COOKIE) && !jar.has(COOKIE_NAMES.session)) response.cookies.set(anonymousCartCookie());
  syncPricePass(
    { get: (name) => jar.get(name)?.value, set: (cookie) => response.cookies.set(cookie), delete: (name) => response.cookies.set({ name, value: "", ...COOKIE_OPTIONS, maxAge: 0 }) },
    viewer,
  );
  return response;
});
