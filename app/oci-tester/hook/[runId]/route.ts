import type { NextRequest } from "next/server";
import { receiveTestRun } from "@/lib/admin/oci-tester";
import { guarded } from "@/lib/http/guard";
import { readBodyLimited } from "@/lib/http/form-body";
import { framingHeaders, ociHtmlResponse, ociPage, ociRedirect } from "@/lib/oci/html";

/**
 * The punchout tester's hook: where the shop's own return form posts the basket of a test run, as it
 * would to a procurement system. A top-level form post from the punchout window (often cross-site,
 * without cookies): the secret in the URL authorizes it, and only once. It answers with the run's
 * page in the back office, which the operator's own session then opens.
 */
async function receive(request: NextRequest, { params }: { params: Promise<{ runId: string }> }): Promise<Response> {
  const { runId } = await params;
  const key = request.nextUrl.searchParams.get("key") ?? "";
  const body = await readBodyLimited(request);
  if (!body) return answer(413, "Basket too large", "The test run's hook accepts at most 64 KB. Nothing was stored.");
  const result = await receiveTestRun(runId, key, body, request.headers.get("content-type"));
  if (result.ok) return withFraming(ociRedirect(`/admin/oci-tester/runs/${runId}`));
  if (result.code === "conflict") return answer(409, "This test run already has its basket", "A test run receives one basket; this one was refused. Start a new run in the punchout tester.");
  return answer(404, "No such test run", "This hook address does not belong to a running test.");
}

function answer(status: number, title: string, intro: string) {
  return ociHtmlResponse(status, ociPage({ title, intro }));
}

/** The shop may frame the answer: a return form may target the tester's own iframe. */
function withFraming(response: Response) {
  for (const [name, value] of Object.entries(framingHeaders([]))) response.headers.set(name, value);
  return response;
}

export const POST = guarded(receive, () => answer(503, "The shop is temporarily unavailable", "The basket could not be stored. Start a new test run in a moment."));
