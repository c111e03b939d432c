import { NextResponse, type NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/viewer";
import { priceQuerySchema, viewerPrices } from "@/lib/catalog/viewer-prices";
import { guarded } from "@/lib/http/guard";
import { jsonError } from "@/lib/http/json";

// Personal prices: never stored by a shared cache, and only ever the signed-in visitor's own.
export const GET = guarded(async (request: NextRequest) => {
  const parsed = priceQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return jsonError(400, "Give up to 48 product ids as ids=1,2,3.");
  const prices = await viewerPrices(await getViewer(), parsed.data.ids, parsed.data.tiers === "1");
  return NextResponse.json(prices, { headers: { "Cache-Control": "private, no-store", Vary: "Cookie" } });
});
