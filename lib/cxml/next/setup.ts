import "server-only";
import { clientIp } from "@/lib/http/client-ip";
import { readBodyLimited } from "@/lib/http/form-body";
import { shopOrigin } from "@/lib/oci/entry-rules";
import { hookAllowed } from "@/lib/oci/profile";
import { ociProfileOf } from "@/lib/oci/profile-store";
import { punchoutFitsCookie } from "@/lib/oci/punchout-cookie";
import { cxmlVersion, newStamp } from "../document";
import { parseSetupRequest } from "../inbound-setup";
import { buildStartPageResponse, buildStatusResponse, type CxmlStatusCode } from "../outbound-response";
import { authenticateSetup } from "../setup-auth";
import { createSetup } from "../setup-store";
import { MAX_CXML_BYTES, readXml } from "../xml-read";

const XML_TYPES = new Set(["text/xml", "application/xml"]);

function publicOrigin(request: Request): string {
  return shopOrigin(request.url, process.env.AUTH_URL);
}

/** Every answer is a cXML document with HTTP 200 (receivers read the Status), never cached. */
function cxmlAnswer(xml: string, headers: Record<string, string> = {}): Response {
  return new Response(xml, { status: 200, headers: { "Content-Type": "text/xml; charset=utf-8", "Cache-Control": "no-store", ...headers } });
}

function refusal(request: Request, code: Exclude<CxmlStatusCode, 200>, detail: string, headers: Record<string, string> = {}): Response {
  return cxmlAnswer(buildStatusResponse(code, detail, newStamp(new URL(publicOrigin(request)).hostname), cxmlVersion()), headers);
}

/** Our own fault (the database is down): a cXML 500, never an HTML page or a stack trace. */
export function cxmlUnavailable(): Response {
  return cxmlAnswer(buildStatusResponse(500, "The shop could not process the request. Try again in a few minutes.", newStamp("localhost"), cxmlVersion()), { "Retry-After": "30" });
}

function charsetOf(contentType: string): string | null {
  return /;\s*charset\s*=\s*"?([A-Za-z0-9._-]{1,40})"?/i.exec(contentType)?.[1]?.toLowerCase() ?? null;
}

/**
 * POST /punchout/cxml/setup — a procurement system's PunchOutSetupRequest, server to server. Read
 * safely (size, encoding, no DTD subset, no entities), parsed, authenticated against the customer's
 * cXML settings, checked against the customer's allowed return addresses; then a setup is stored
 * and the answer names a one-time StartPage valid for five minutes.
 */
export async function handleCxmlSetup(request: Request): Promise<Response> {
  const contentType = request.headers.get("content-type") ?? "";
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  if (!XML_TYPES.has(mediaType)) return refusal(request, 415, "Send the cXML document with Content-Type text/xml or application/xml.");
  const body = await readBodyLimited(request, MAX_CXML_BYTES);
  if (!body) return refusal(request, 413, `The document is larger than ${MAX_CXML_BYTES / 1024} KB.`);
  const read = readXml(body, charsetOf(contentType));
  if (!read.ok) return refusal(request, 400, read.problem);
  const parsed = parseSetupRequest(read.root, read.systemId);
  if (!parsed.ok) return refusal(request, 400, `The PunchOutSetupRequest is not usable: ${parsed.problems.join("; ")}.`);
  const call = parsed.call;

  const auth = await authenticateSetup(call, clientIp(request.headers));
  if (!auth.ok) return refusal(request, auth.code, auth.detail, "retryAfterSeconds" in auth ? { "Retry-After": String(Math.max(1, Math.ceil(auth.retryAfterSeconds))) } : {});
  const { settings, user } = auth.caller;

  const { profile } = await ociProfileOf(settings.customerId);
  const verdict = hookAllowed({ allowedHooks: profile.allowedHooks, allowSapEvent: false }, call.browserFormPostUrl);
  if (!verdict.ok) return refusal(request, 403, `The BrowserFormPost URL is not one agreed for this customer. ${verdict.rule}`);

  const cxml = {
    operation: call.operation,
    buyerCookie: call.buyerCookie,
    buyer: call.from.find((c) => c.domain.toLowerCase() === settings.fromDomain.toLowerCase() && c.identity.toLowerCase() === settings.fromIdentity.toLowerCase()) ?? call.from[0]!,
    supplier: { domain: settings.toDomain, identity: settings.toIdentity },
    field: settings.returnField,
    lang: call.lang,
  };
  // The session travels in an encrypted cookie: one that would not fit is refused now, not at the StartPage.
  const probe = { hookUrl: call.browserFormPostUrl, target: "_top", echoFields: [], charset: "utf-8" as const, cxml: { setupId: "00000000-0000-4000-8000-000000000000", ...cxml } };
  if (!(await punchoutFitsCookie(probe, profile))) return refusal(request, 400, "The BrowserFormPost URL and BuyerCookie together are too long to keep for the session. Shorten them.");

  const { token } = await createSetup({
    customerId: settings.customerId,
    userId: user.id,
    payloadId: call.payloadId,
    browserFormPostUrl: call.browserFormPostUrl,
    session: cxml,
    items: call.items,
  });
  const origin = publicOrigin(request);
  const startUrl = `${origin}/punchout/cxml/start?${new URLSearchParams({ t: token })}`;
  return cxmlAnswer(buildStartPageResponse(startUrl, newStamp(new URL(origin).hostname), cxmlVersion(), call.lang));
}
