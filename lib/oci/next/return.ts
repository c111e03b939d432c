import "server-only";
import { z } from "zod";
import { getViewer } from "@/lib/auth/viewer";
import { readSmallForm } from "@/lib/http/form-body";
import { isSameOriginRequest } from "@/lib/http/origin";
import { hookForm, ociHtmlResponse, ociPage, ociRedirect } from "../html";
import { frameSourcesFor, readPunchoutJar } from "../punchout-cookie";
import { forgetPunchoutCookie } from "../punchout-session";
import { cancelTransfer, recordTransfer, type CancelResult, type TransferMode, type TransferResult } from "../transfer";
import { nextCookieJar } from "./jar";

/**
 * The browser side of "Return to Procurement System" and "Cancel": shared by the server actions
 * (with script) and the /oci/transfer form route (without script, and SAP GUI's beacon).
 */
export const snapshotIdSchema = z.string().uuid();

export type BrowserTransfer = TransferResult | { ok: false; reason: "signed_out" };

export async function transferFromBrowser(snapshotId: string, mode: TransferMode): Promise<BrowserTransfer> {
  const viewer = await getViewer();
  if (!viewer) return { ok: false, reason: "signed_out" };
  const jar = await nextCookieJar();
  const opened = await readPunchoutJar(jar);
  const result = await recordTransfer(viewer, snapshotId, opened.status === "valid" ? opened.session : null, mode);
  // The session is over: its cookie has nothing left to prove.
  if (result.ok) forgetPunchoutCookie(jar);
  return result;
}

export async function cancelFromBrowser(): Promise<CancelResult | { ok: false; reason: "signed_out" }> {
  const viewer = await getViewer();
  if (!viewer) return { ok: false, reason: "signed_out" };
  const jar = await nextCookieJar();
  const opened = await readPunchoutJar(jar);
  if (opened.status !== "valid") return { ok: false, reason: opened.status === "expired" ? "expired" : "ended" };
  const result = await cancelTransfer(viewer, opened.session);
  if (result.ok) forgetPunchoutCookie(jar);
  return result;
}

const ENDED = "This punchout session has already ended. Close this window and open the catalog again from your procurement system.";

export const RETURN_MESSAGES = {
  changed: "Your basket changed since this page was shown (in another tab or window, or a price changed). Check it below and press “Return to Procurement System” again.",
  ended: ENDED,
  unknown: ENDED,
  expired: "Your punchout session has expired. Close this window and open the catalog again from your procurement system.",
  signed_out: "You are no longer signed in. Open the catalog again from your procurement system.",
} as const;

const formSchema = z.object({ intent: z.enum(["transfer", "cancel"]), snapshot: snapshotIdSchema.optional(), sent: z.literal("1").optional() });

/**
 * POST /oci/transfer — the return without script: records like the script path, then answers a page
 * holding the hook form rendered from the stored record with a visible "Continue" button. A reload
 * or a repeated POST gets the same record back. With `sent=1` (SAP GUI: the form already went by the
 * click) it records what was sent and answers 204.
 */
export async function handleReturnPost(request: Request): Promise<Response> {
  if (!isSameOriginRequest(request.headers)) return ociHtmlResponse(403, ociPage({ title: "Not allowed", intro: "The basket can only be sent from the shop's own cart page." }));
  const form = await readSmallForm(request);
  const parsed = formSchema.safeParse(form ? Object.fromEntries(form) : {});
  if (!parsed.success || (parsed.data.intent === "transfer" && !parsed.data.snapshot)) {
    return ociHtmlResponse(400, ociPage({ title: "This form is incomplete", intro: "Go back to the cart and press “Return to Procurement System” again." }));
  }
  const { intent, snapshot, sent } = parsed.data;
  // Read before the transfer ends the session: the answer may be framed by the customer's portals
  // (their OCI profile's framing origins) as the shop's pages were.
  const opened = await readPunchoutJar(await nextCookieJar());
  const portals = opened.status === "valid" ? (opened.session.frameOrigins ?? []) : [];
  const failed = async (reason: keyof typeof RETURN_MESSAGES) => {
    if (reason === "changed") return ociRedirect("/cart?changed=1");
    const frames = frameSourcesFor(opened.status === "valid" ? opened.session.hookUrl : null, portals);
    return ociHtmlResponse(reason === "signed_out" ? 401 : 409, ociPage({ title: "The basket was not sent", intro: RETURN_MESSAGES[reason] }), frames);
  };

  if (intent === "cancel") {
    const result = await cancelFromBrowser();
    if (!result.ok) return failed(result.reason);
    if (sent) return new Response(null, { status: 204 });
    return ociHtmlResponse(
      200,
      ociPage({ title: "Punchout cancelled", intro: "Nothing was ordered. Send the empty basket back to close the catalog in your procurement system.", body: hookForm(result, "Continue to your procurement system") }),
      frameSourcesFor(result.hookUrl, portals),
    );
  }
  const result = await transferFromBrowser(snapshot!, sent ? "sent" : "confirm");
  if (!result.ok) return failed(result.reason);
  if (sent) return new Response(null, { status: 204 });
  return ociHtmlResponse(
    200,
    ociPage({
      title: "Your basket is ready to go back",
      intro: "The shop recorded your basket. Press the button to send it to your procurement system, which creates the purchase requisition.",
      body: hookForm(result.record, "Continue to your procurement system"),
    }),
    frameSourcesFor(result.record.hookUrl, portals),
  );
}
