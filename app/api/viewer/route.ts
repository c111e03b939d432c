import { NextResponse } from "next/server";
import { guarded } from "@/lib/http/guard";
import { viewerSummary } from "@/lib/shopper/viewer-summary";

export const GET = guarded(async () => NextResponse.json(await viewerSummary(), { headers: { "Cache-Control": "private, no-store" } }));
