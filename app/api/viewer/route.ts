import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { anonymousCartCookie, CART_COOKIE } from "@/lib/cart/cookie";
import { COOKIE_NAMES } from "@/lib/http/cookies";
import { guarded } from "@/lib/http/guard";
import { viewerSummary } from "@/lib/shopper/viewer-summary";

// Every page asks here for its per-visitor parts. A browser without a cart gets its anonymous cart id
// with its first page's answer, so tabs opened from that page share one cart even when they add their
// first products at the same moment (the cached pages themselves set no cookie).
export const GET = guarded(async () => {
  const response = NextResponse.json(await viewerSummary(), { headers: { "Cache-Control": "private, no-store" } });
  const jar = await cookies();
  if (!jar.has(CART_COOKIE) && !jar.has(COOKIE_NAMES.session)) response.cookies.set(anonymousCartCookie());
  return response;
});
