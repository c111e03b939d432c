import "server-only";
import { cookies } from "next/headers";
import { getViewer, type Viewer } from "@/lib/auth/viewer";
import { COOKIE_NAMES, COOKIE_OPTIONS } from "@/lib/http/cookies";
import { jsonError } from "@/lib/http/json";
import { isSameOriginRequest } from "@/lib/http/origin";
import { OrderError } from "@/lib/orders/store";
import { getOciState } from "./current";
import type { OciSessionData } from "./session-token";
import { OciTransferError } from "./transfer";

/** Shared shell of the transfer and cancel notifications: same origin, an open punchout, then `run`. */
export async function ociSessionEndpoint(request: Request, run: (viewer: Viewer, session: OciSessionData) => Promise<Record<string, unknown>>) {
  if (!isSameOriginRequest(request.headers)) return jsonError(403, "Cross-site requests are not allowed.");
  const [viewer, oci] = await Promise.all([getViewer(), getOciState()]);
  if (!viewer || oci.state !== "active") return jsonError(409, "There is no open punchout session.");
  try {
    const result = await run(viewer, oci.session);
    (await cookies()).delete({ name: COOKIE_NAMES.oci, ...COOKIE_OPTIONS });
    return Response.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof OciTransferError || error instanceof OrderError) return jsonError(409, error.message);
    throw error;
  }
}
