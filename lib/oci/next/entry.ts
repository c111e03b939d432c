import "server-only";
import { AuthError } from "next-auth";
import { eq } from "drizzle-orm";
import { products } from "@/db/schema";
import { mintGrant } from "@/lib/auth/grants";
import { appSecret } from "@/lib/auth/secret";
import { signInWithGrant } from "@/lib/auth/sign-in";
import { getViewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { clientIp } from "@/lib/http/client-ip";
import { parseUrlEncoded, readBodyLimited } from "@/lib/http/form-body";
import { SWITCH_SECONDS } from "../config";
import { authenticateOciCall, type OciCaller } from "../entry-auth";
import { callCharset, entryHookVerdict, shopOrigin } from "../entry-rules";
import { answerOciFunction } from "../function-answers";
import { escapeHtml, ociHtmlResponse, ociJsonResponse, ociPage, ociRedirect } from "../html";
import { parseOciCall, type OciCall, type OciFunctionName } from "../inbound-call";
import type { OciProfile } from "../profile";
import { ociProfileOf } from "../profile-store";
import { frameSourcesFor, punchoutFitsCookie } from "../punchout-cookie";
import { endPunchout, startPunchout, type PunchoutCall } from "../punchout-session";
import { sealOciPendingSwitch } from "../session-token";
import { nextCookieJar } from "./jar";

export function ociUnavailable() {
  return ociHtmlResponse(503, ociPage({ title: "The shop is temporarily unavailable", intro: "The catalog cannot be opened right now. Please try again from your procurement system in a few minutes." }), [], { "Retry-After": "30" });
}


async function callEntries(request: Request): Promise<[string, string][] | "too_large"> {
  const query = [...new URL(request.url).searchParams.entries()];
  if (request.method !== "POST") return query;
  const contentType = request.headers.get("content-type") ?? "";
  const body = await readBodyLimited(request);
  if (!body) return "too_large";
  if (contentType.toLowerCase().startsWith("multipart/form-data")) {
    const form = await new Response(new Blob([body as Uint8Array<ArrayBuffer>]), { headers: { "Content-Type": contentType } }).formData().catch(() => null);
    if (!form) return query;
    return [...query, ...[...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string")];
  }
  return [...query, ...parseUrlEncoded(body, contentType, "http_content_charset")];
}

/**
 * A failed call ends an earlier punchout of this browser (no stale hook URL may survive it) but never
 * signs an ordinary web session out, and it opens nothing.
 */
async function refuse(status: number, title: string, intro: string, options: { items?: string[]; hookUrl?: string | null; frames?: string[]; retryAfter?: number } = {}) {
  await endPunchout(await nextCookieJar(), "cancelled");
  const headers: Record<string, string> = options.retryAfter ? { "Retry-After": String(Math.max(1, Math.ceil(options.retryAfter))) } : {};
  return ociHtmlResponse(status, ociPage({ title, intro, items: options.items }), options.frames ?? frameSourcesFor(options.hookUrl ?? null), headers);
}

type Refusal = { status: number; title: string; intro: string };

const SIGNIN_FAILURES: Record<string, Refusal> = {
  throttled: { status: 429, title: "Too many failed punchout attempts", intro: "This user name had too many failed sign-ins from this address. Wait 15 minutes, then check the user name and password stored in the procurement system's catalog settings." },
  busy: { status: 503, title: "The shop is busy signing in other buyers", intro: "Please start the catalog again from your procurement system in a few seconds." },
  disabled: { status: 403, title: "This shop account is disabled", intro: "The user name and password are right, but the account is disabled. Ask your supplier contact to enable it." },
  credentials: { status: 401, title: "Punchout sign-in failed", intro: "The user name (debtor number or e-mail) or the password in the procurement system's catalog settings is not correct." },
};

async function destination(call: OciCall): Promise<string> {
  if (call.fn?.name === "DETAIL" && call.fn.productId && /^\d{1,9}$/.test(call.fn.productId)) {
    const db = await getDb();
    const [p] = await db.select({ slug: products.slug }).from(products).where(eq(products.id, Number(call.fn.productId))).limit(1);
    if (p) return `/products/${p.slug}`;
  }
  if (call.fn?.name === "SOURCING" && call.fn.searchString) return `/search?${new URLSearchParams({ q: call.fn.searchString })}`;
  return "/";
}

function infoPage() {
  return ociHtmlResponse(
    200,
    ociPage({
      title: "Punchout entry for procurement systems",
      intro: "This address opens the shop from a procurement system (SAP SRM / S/4HANA, Ariba, Coupa, …) with the parameters username, password and hook_url. To shop in your browser, go to the shop's home page.",
      body: `<a class="btn" href="/">Go to the shop</a>`,
    }),
  );
}

/**
 * The browser is signed in to the web shop as someone else: nothing switches silently. The call's
 * credentials were checked; the buyer confirms on a same-origin form, which carries a sealed,
 * five-minute, single-use grant instead of the password. Shared by the OCI entry and the cXML
 * StartPage.
 */
export async function confirmSwitch(call: PunchoutCall, next: string, user: OciCaller, current: { userId: number; name: string; email: string }, frames: string[]) {
  const grant = await mintGrant(user.id, "oci-switch", SWITCH_SECONDS);
  const pending = await sealOciPendingSwitch(
    { userId: user.id, fromUserId: current.userId, grant, hookUrl: call.hookUrl, target: call.target, echoFields: call.echoFields, charset: call.charset, next, ...(call.cxml ? { cxml: call.cxml } : {}) },
    { secret: appSecret(), idleSeconds: SWITCH_SECONDS },
  );
  const other = `${user.name} (${user.email})`;
  return ociHtmlResponse(
    200,
    ociPage({
      title: "Switch account for this punchout?",
      intro: `You are signed in as ${current.name} (${current.email}). Continue as ${other} for this punchout?`,
      body: `<p class="note">Your procurement system opened the shop for ${escapeHtml(other)}. Continuing signs you out of ${escapeHtml(current.name)} in this browser; that account's cart is kept.</p>
<form method="post" action="/oci/switch"><input type="hidden" name="pending" value="${escapeHtml(pending)}"><button type="submit" class="btn">Continue as ${escapeHtml(user.name)}</button><a class="link" href="/">Stay signed in as ${escapeHtml(current.name)}</a></form>`,
    }),
    frames,
  );
}

/** Functions answered on the very URL called, without a shopping session (no web session either). */
const IMMEDIATE = new Set<OciFunctionName>(["VALIDATE", "BACKGROUND_SEARCH", "QUANTITYCHECK"]);

/** QUANTITYCHECK is read by a program: its refusals are JSON too. */
function wantsJson(entries: [string, string][]): boolean {
  return entries.some(([k, v]) => k.toLowerCase() === "function" && v.trim().toUpperCase() === "QUANTITYCHECK");
}

/**
 * The punchout call. Parses it; checks the credentials once (one password hash, or the tester's
 * single-use credential), counted by the sign-in throttle; only then applies the customer's OCI
 * profile (allowed hooks, charset, framing, idle lifetime), so a refusal tells a stranger nothing
 * and nothing is opened for a refused call. VALIDATE, BACKGROUND_SEARCH and QUANTITYCHECK are
 * answered at once without a web session. Otherwise the buyer is signed in (through the grant
 * provider: no second hash), a fresh punchout session opens (replacing any earlier one) in an
 * encrypted cookie, and the answer is a 303 to a relative address so the credentials leave the
 * address bar.
 */
export async function handleOciCall(request: Request): Promise<Response> {
  const entries = await callEntries(request);
  if (entries === "too_large") return refuse(413, "Punchout call too large", "The call into the shop carries more data than a catalog call can. Check the parameters configured in the procurement system.");
  // A bare visit (a bookmark, a crawler) gets an explanation and changes nothing.
  if (entries.length === 0) return infoPage();
  const json = wantsJson(entries);
  const parsed = parseOciCall(entries);
  if (!parsed.ok) {
    if (json) return ociJsonResponse(400, { ERROR: parsed.problems.map((p) => `${p.field}: ${p.message}`).join(" ") });
    const hook = entries.find(([k]) => k.toLowerCase() === "hook_url")?.[1] ?? null;
    return refuse(400, "The punchout call is incomplete", "Please ask your procurement administrator to fix the catalog call:", { items: parsed.problems.map((p) => `${p.field}: ${p.message}`), hookUrl: hook });
  }
  const parsedCall = parsed.call;

  const auth = await authenticateOciCall(parsedCall, clientIp(request.headers));
  if (!auth.ok) {
    const failure = SIGNIN_FAILURES[auth.reason]!;
    const retryAfter = auth.reason === "throttled" || auth.reason === "busy" ? auth.retryAfterSeconds : undefined;
    if (json) return ociJsonResponse(failure.status, { ERROR: failure.intro });
    return refuse(failure.status, failure.title, failure.intro, { hookUrl: parsedCall.hookUrl, retryAfter });
  }
  const { user, testCall } = auth;

  // From here on the caller is known: the customer's profile decides what the call may do.
  const { profile } = await ociProfileOf(user.customerId);
  const verdict = entryHookVerdict(profile, parsedCall.hookUrl, { testCall, ownOrigin: shopOrigin(request.url, process.env.AUTH_URL) });
  const frames = frameSourcesFor(parsedCall.hookUrl, profile.frameOrigins);
  if (!verdict.ok) {
    const intro = "The return address (hook_url) in the catalog call is not one agreed for this customer, so the catalog does not open. Ask your procurement administrator to check the catalog call, or your supplier contact to add the address. The rule:";
    if (json) return ociJsonResponse(400, { ERROR: verdict.rule });
    return refuse(400, "This return address is not allowed", intro, { items: [verdict.rule], frames: frameSourcesFor(null, profile.frameOrigins) });
  }
  const call: OciCall = { ...parsedCall, charset: callCharset(parsedCall, profile) };

  if (call.fn && IMMEDIATE.has(call.fn.name)) {
    const answer = await answerOciFunction(user.customerId, call, profile);
    if (answer.kind === "json") return ociJsonResponse(answer.status, answer.data);
    return ociHtmlResponse(answer.status, answer.html, frames, {}, { scriptHash: answer.scriptHash, charset: answer.charset });
  }

  if (!(await punchoutFitsCookie(call, profile))) {
    return refuse(400, "The punchout call is too long", "The hook URL and ~ fields together are too long to keep for the session. Shorten the hook URL or remove unneeded ~ fields.", { hookUrl: call.hookUrl });
  }

  const viewer = await getViewer();
  if (viewer && viewer.userId !== user.id) return confirmSwitch(call, await destination(call), user, viewer, frames);

  const jar = await nextCookieJar();
  try {
    // The credentials were checked above; a grant redeemed at once signs the same user in without
    // hashing the password a second time.
    await signInWithGrant(await mintGrant(user.id, "oci-switch", 60), "oci-switch");
  } catch (error) {
    if (!(error instanceof AuthError) || error.type !== "CredentialsSignin") throw error;
    const failure = SIGNIN_FAILURES.credentials!;
    return refuse(failure.status, failure.title, failure.intro, { hookUrl: call.hookUrl });
  }

  // A new call always starts afresh: whatever punchout this browser had ends here.
  await endPunchout(jar, "replaced");
  const { handoff } = await startPunchout(jar, { id: user.id, customerId: user.customerId }, call, profile);
  return ociRedirect(`/oci/start?${new URLSearchParams({ h: handoff, next: await destination(call) })}`);
}
