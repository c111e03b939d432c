import "server-only";
import { AuthError } from "next-auth";
import { appSecret } from "@/lib/auth/secret";
import { signInWithGrant } from "@/lib/auth/sign-in";
import { getViewer } from "@/lib/auth/viewer";
import { safeRedirectPath } from "@/lib/http/redirect";
import { escapeHtml, ociHtmlResponse, ociPage, ociRedirect } from "../html";
import { frameSourcesFor } from "../punchout-cookie";
import { claimHandoff, resumePunchout, retireHandoff } from "../punchout-session";
import { openOciHandoff } from "../session-token";
import { getOciState } from "./current";
import { nextCookieJar } from "./jar";

/**
 * The first page after /ocihome. If the browser kept the cookies, the buyer goes on shopping and the
 * one-time handoff link dies at once. If not (some embedded procurement browsers take none), the
 * buyer is told so and offered the shop in a new window — never an anonymous shop whose basket
 * cannot go back. The link signs in once, within minutes, and never after the cookie flow used it.
 */
export async function handleOciStart(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const next = safeRedirectPath(url.searchParams.get("next"), "/");
  const token = url.searchParams.get("h") ?? undefined;
  const [state, opened] = await Promise.all([getOciState(), openOciHandoff(token, { secret: appSecret() })]);
  const handoff = opened.status === "valid" ? opened.handoff : null;
  const framing = handoff?.session ?? (state.state === "active" ? state.session : null);
  const frames = frameSourcesFor(framing?.hookUrl ?? null, framing?.frameOrigins);

  if (state.state === "active") {
    if (handoff?.session.sid === state.session.sid) await retireHandoff(state.session, handoff.grant);
    return ociRedirect(next);
  }
  if (url.searchParams.get("check") === "1") {
    return ociHtmlResponse(
      400,
      ociPage({
        title: "This browser does not accept cookies",
        intro: "The shop needs a cookie to keep your punchout session and basket. Allow cookies for this shop in the browser settings, then start the catalog again from your procurement system.",
      }),
      frames,
    );
  }
  if (!handoff) {
    return ociHtmlResponse(400, ociPage({ title: "Punchout link expired", intro: "This link into the shop is no longer valid. Start the catalog again from your procurement system." }), frames);
  }
  if (url.searchParams.get("window") === "new") {
    const used = () => ociHtmlResponse(401, ociPage({ title: "Punchout link already used", intro: "This link can be used once. Start the catalog again from your procurement system." }), frames);
    // The real link sits on this shop's own page; one followed from another site is someone
    // trying to sign this browser into their account (browsers without fetch metadata pass).
    const site = request.headers.get("sec-fetch-site");
    if (site && site !== "same-origin") return ociHtmlResponse(403, ociPage({ title: "This link only works from the shop", intro: "Start the catalog again from your procurement system." }), frames);
    const viewer = await getViewer();
    if (viewer && viewer.userId !== handoff.session.userId) {
      return ociHtmlResponse(409, ociPage({ title: "You are signed in as someone else", intro: "This browser is signed in to the shop with another account. Start the catalog again from your procurement system to switch." }), frames);
    }
    if (!(await claimHandoff(handoff.session))) return used();
    try {
      await signInWithGrant(handoff.grant, "oci-handoff");
    } catch (error) {
      if (!(error instanceof AuthError) || error.type !== "CredentialsSignin") throw error;
      return used();
    }
    await resumePunchout(await nextCookieJar(), handoff.session);
    return ociRedirect(`/oci/start?${new URLSearchParams({ check: "1", next })}`);
  }
  const newWindow = `/oci/start?${new URLSearchParams({ h: token!, next, window: "new" })}`;
  return ociHtmlResponse(
    200,
    ociPage({
      title: "Your session could not start here",
      intro: "This window does not allow the shop to keep your sign-in (third-party cookies are blocked). Open the shop in a new window to shop and send the basket back to your procurement system.",
      body: `<a class="btn" href="${escapeHtml(newWindow)}" target="_blank" rel="opener">Open the shop in a new window</a><p class="note">The link works once and for three minutes.</p>`,
    }),
    frames,
  );
}
