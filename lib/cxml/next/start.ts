import "server-only";
import { AuthError } from "next-auth";
import { mintGrant } from "@/lib/auth/grants";
import { signInWithGrant } from "@/lib/auth/sign-in";
import { getViewer } from "@/lib/auth/viewer";
import { ociHtmlResponse, ociPage, ociRedirect } from "@/lib/oci/html";
import { confirmSwitch } from "@/lib/oci/next/entry";
import { nextCookieJar } from "@/lib/oci/next/jar";
import { ociProfileOf } from "@/lib/oci/profile-store";
import { frameSourcesFor } from "@/lib/oci/punchout-cookie";
import { endPunchout, startPunchout, type PunchoutCall } from "@/lib/oci/punchout-session";
import { redeemSetup } from "../setup-store";
import { afterCxmlStart } from "./open";

const USED = {
  title: "This punchout link is no longer valid",
  intro: "A start link from a procurement system works once and for five minutes. Open the catalog again from your procurement system.",
};

/**
 * GET /punchout/cxml/start?t=… — the StartPage of a setup. The token is used up on the spot
 * (whatever follows), so a second visit opens nothing. Then exactly what an OCI call does: sign the
 * setup's user in (or ask first when this browser is signed in as someone else), open a punchout
 * whose hook is the BrowserFormPost URL, restore an edit/inspect basket, and go through /oci/start
 * for the cookie check and the new-window fallback of iframes that refuse cookies.
 */
export async function handleCxmlStart(request: Request): Promise<Response> {
  const token = new URL(request.url).searchParams.get("t") ?? "";
  const setup = await redeemSetup(token);
  if (!setup) return ociHtmlResponse(401, ociPage(USED));

  const { profile } = await ociProfileOf(setup.customerId);
  const frames = frameSourcesFor(setup.browserFormPostUrl, profile.frameOrigins);
  const call: PunchoutCall = { hookUrl: setup.browserFormPostUrl, target: "_top", echoFields: [], charset: "utf-8", cxml: { setupId: setup.id, ...setup.session } };
  const { user } = setup;

  const viewer = await getViewer();
  if (viewer && viewer.userId !== user.id) return confirmSwitch(call, "/", user, viewer, frames);

  try {
    await signInWithGrant(await mintGrant(user.id, "oci-switch", 60), "oci-switch");
  } catch (error) {
    if (!(error instanceof AuthError) || error.type !== "CredentialsSignin") throw error;
    // The user was disabled between setup and start.
    return ociHtmlResponse(403, ociPage({ title: "Punchout sign-in failed", intro: "This shop account cannot sign in. Ask your supplier contact." }), frames);
  }
  const jar = await nextCookieJar();
  await endPunchout(jar, "replaced");
  const { session, handoff } = await startPunchout(jar, user, call, profile);
  const next = await afterCxmlStart(session);
  return ociRedirect(`/oci/start?${new URLSearchParams({ h: handoff, next })}`);
}
