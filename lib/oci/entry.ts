import "server-only";
import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { eq } from "drizzle-orm";
import { products } from "@/db/schema";
import { appSecret } from "@/lib/auth/secret";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { getDb } from "@/lib/db/client";
import { COOKIE_NAMES, COOKIE_OPTIONS } from "@/lib/http/cookies";
import { parseUrlEncoded, readBodyLimited } from "@/lib/http/form-body";
import { hookOrigin, parseOciCall, type OciCall } from "./call";
import { endOciCookie, writeOciCookie } from "./cookie";
import { ociHtmlResponse, ociPage, ociRedirect } from "./html";
import { createOciSession } from "./sessions";
import { sealOciSession, type OciSessionData } from "./session-token";

export function ociUnavailable() {
  return ociHtmlResponse(503, ociPage({ title: "The shop is temporarily unavailable", intro: "The catalog cannot be opened right now. Please try again from your procurement system in a few minutes." }));
}

export const HANDOFF_SECONDS = 10 * 60;
// Browsers keep about 4 KB per cookie; a call whose session would not fit is refused up front.
const MAX_COOKIE_TOKEN = 3800;

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
  return [...query, ...parseUrlEncoded(body, contentType)];
}

/** A failed call leaves nothing behind: no session, no punchout cookie. */
async function refuse(status: number, title: string, intro: string, items: string[] = []) {
  const jar = await cookies();
  jar.delete({ name: COOKIE_NAMES.session, ...COOKIE_OPTIONS });
  jar.delete({ name: COOKIE_NAMES.oci, ...COOKIE_OPTIONS });
  return ociHtmlResponse(status, ociPage({ title, intro, items }));
}

const SIGNIN_FAILURES: Record<string, [number, string, string]> = {
  throttled: [429, "Too many failed punchout attempts", "This user name or address had too many failed sign-ins. Wait 15 minutes, then check the user name and password stored in the procurement system's catalog settings."],
  disabled: [403, "This shop account is disabled", "The user name and password are right, but the account is disabled. Ask your supplier contact to enable it."],
  credentials: [401, "Punchout sign-in failed", "The user name (debtor number or e-mail) or the password in the procurement system's catalog settings is not correct."],
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

/**
 * The punchout call. Parses and validates it, signs in through the same Auth.js credentials
 * provider as /login, opens a fresh punchout session (replacing any earlier one) in an encrypted
 * cookie, and answers 303 to a relative address so the credentials leave the address bar.
 */
export async function handleOciCall(request: Request): Promise<Response> {
  const entries = await callEntries(request);
  if (entries === "too_large") return refuse(413, "Punchout call too large", "The call into the shop carries more data than a catalog call can. Check the parameters configured in the procurement system.");
  const parsed = parseOciCall(entries);
  if (!parsed.ok) {
    return refuse(400, "The punchout call is incomplete", "Please ask your procurement administrator to fix the catalog call:", parsed.problems.map((p) => `${p.field}: ${p.message}`));
  }
  const call = parsed.call;
  if (call.fn && call.fn.name !== "DETAIL" && call.fn.name !== "SOURCING") {
    return refuse(400, "OCI function not supported", `This shop supports normal punchout sessions and the OCI functions DETAIL and SOURCING; ${call.fn.name} is not available. Remove FUNCTION from the call.`);
  }

  // Checked before anything is signed in or opened: a session that would not fit its cookie is
  // refused up front (the sid placeholder has the length of a real one).
  const probe = await sealOciSession(
    { sid: "00000000-0000-4000-8000-000000000000", userId: 0, customerId: 0, hookUrl: call.hookUrl, target: call.target, echoFields: call.echoFields, charset: call.charset, startedAt: Date.now() },
    { secret: appSecret(), idleSeconds: HANDOFF_SECONDS },
  );
  if (probe.length > MAX_COOKIE_TOKEN) {
    return refuse(400, "The punchout call is too long", "The hook URL and ~ fields together are too long to keep for the session. Shorten the hook URL or remove unneeded ~ fields.");
  }

  // A new call always starts afresh: whatever punchout this browser had ends here.
  await endOciCookie();
  let user: Awaited<ReturnType<typeof signInWithPassword>>;
  try {
    user = await signInWithPassword(call.username, call.password);
  } catch (error) {
    // Anything but a refused credential (the database being down, say) is not the buyer's fault.
    if (!(error instanceof AuthError) || error.type !== "CredentialsSignin") throw error;
    const code = (error as { code?: string }).code ?? "credentials";
    const [status, title, intro] = SIGNIN_FAILURES[code] ?? SIGNIN_FAILURES.credentials!;
    return refuse(status, title, intro);
  }

  const record = await createOciSession(user.id, user.customerId, hookOrigin(call.hookUrl));
  const data: OciSessionData = {
    sid: record.id,
    userId: user.id,
    customerId: user.customerId,
    hookUrl: call.hookUrl,
    target: call.target,
    echoFields: call.echoFields,
    charset: call.charset,
    startedAt: record.startedAt.getTime(),
  };
  const handoff = await sealOciSession(data, { secret: appSecret(), idleSeconds: HANDOFF_SECONDS, purpose: "handoff" });
  await writeOciCookie(data);
  const next = await destination(call);
  return ociRedirect(`/oci/start?${new URLSearchParams({ h: handoff, next })}`);
}
