import "server-only";
import { AuthError } from "next-auth";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { appSecret } from "@/lib/auth/secret";
import { signInWithGrant } from "@/lib/auth/sign-in";
import { getViewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { readSmallForm } from "@/lib/http/form-body";
import { isSameOriginRequest } from "@/lib/http/origin";
import { ociHtmlResponse, ociPage, ociRedirect } from "../html";
import { frameSourcesFor } from "../punchout-cookie";
import { endPunchout, startPunchout } from "../punchout-session";
import { openOciPendingSwitch } from "../session-token";
import { afterCxmlStart } from "@/lib/cxml/next/open";
import { nextCookieJar } from "./jar";

/**
 * POST /oci/switch — the buyer confirmed "Continue as …" on the shop's own page. Only a same-origin
 * post from the browser that was signed in as the other user, within five minutes, once.
 */
export async function handleSwitchPost(request: Request): Promise<Response> {
  if (!isSameOriginRequest(request.headers)) return ociHtmlResponse(403, ociPage({ title: "Not allowed", intro: "The account switch can only be confirmed on the shop's own page." }));
  const form = await readSmallForm(request);
  const pending = await openOciPendingSwitch(form?.get("pending"), { secret: appSecret() });
  if (!pending) return ociHtmlResponse(400, ociPage({ title: "This confirmation has expired", intro: "Start the catalog again from your procurement system." }));
  const frames = frameSourcesFor(pending.hookUrl);
  const viewer = await getViewer();
  if ((viewer?.userId ?? null) !== pending.fromUserId) {
    return ociHtmlResponse(409, ociPage({ title: "This confirmation is not for this browser", intro: "Start the catalog again from your procurement system." }), frames);
  }
  try {
    await signInWithGrant(pending.grant, "oci-switch");
  } catch (error) {
    if (!(error instanceof AuthError) || error.type !== "CredentialsSignin") throw error;
    return ociHtmlResponse(401, ociPage({ title: "This confirmation was already used", intro: "Start the catalog again from your procurement system." }), frames);
  }
  const db = await getDb();
  const [user] = await db.select({ id: users.id, customerId: users.customerId }).from(users).where(eq(users.id, pending.userId)).limit(1);
  if (!user) return ociHtmlResponse(401, ociPage({ title: "Punchout sign-in failed", intro: "Start the catalog again from your procurement system." }), frames);
  const jar = await nextCookieJar();
  await endPunchout(jar, "replaced");
  const { session, handoff } = await startPunchout(jar, user, pending);
  const next = session.cxml ? await afterCxmlStart(session) : pending.next;
  return ociRedirect(`/oci/start?${new URLSearchParams({ h: handoff, next })}`);
}
