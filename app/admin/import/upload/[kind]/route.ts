import { NextResponse } from "next/server";
import { MAX_IMPORT_BYTES, isImportKind } from "@/lib/admin/csv/columns";
import { adminOf } from "@/lib/admin/guard";
import { importCsv } from "@/lib/admin/import";
import { getViewer } from "@/lib/auth/viewer";
import { guarded } from "@/lib/http/guard";
import { isSameOriginRequest } from "@/lib/http/origin";

const NO_STORE = { "Cache-Control": "private, no-store" };

function answer(status: number, body: unknown) {
  return NextResponse.json(body, { status, headers: NO_STORE });
}

/**
 * The page's upload (JavaScript): the raw CSV as the request body, imported as it arrives, so a
 * file of any size up to the limit is never held in memory. The proxy does not run here (it would
 * buffer the body), so this route answers strangers itself, before reading a byte of the body.
 */
export const POST = guarded(async (request: Request, { params }: { params: Promise<{ kind: string }> }) => {
  const viewer = await getViewer();
  const { kind } = await params;
  if (!adminOf(viewer) || !isImportKind(kind)) return new Response("Not found", { status: 404, headers: { ...NO_STORE, "Content-Type": "text/plain" } });
  if (!isSameOriginRequest(request.headers)) return answer(403, { ok: false, message: "Cross-site requests are not allowed.", errors: [], more: 0 });
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "text/csv") return answer(415, { ok: false, message: "Send the file as text/csv.", errors: [], more: 0 });
  const length = request.headers.get("content-length");
  if (length !== null && (!/^\d+$/.test(length.trim()) || Number(length) > MAX_IMPORT_BYTES)) {
    return answer(413, { ok: false, message: `The file is larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB. Split it into smaller files.`, errors: [], more: 0 });
  }
  if (!request.body) return answer(422, { ok: false, message: "The file is empty: its first line must name the columns.", errors: [{ line: 1, message: "The file is empty." }], more: 0 });
  const result = await importCsv(viewer, kind, request.body, { fileName: fileNameOf(request.headers) });
  if (result.ok) return answer(200, result);
  return answer(result.code === "too_large" ? 413 : result.code === "not_found" ? 404 : 422, result);
});

/** The file's name for the audit log, as the page sends it (percent-encoded, so any name fits a header). */
function fileNameOf(headers: Headers): string | undefined {
  const raw = headers.get("x-file-name");
  if (!raw) return undefined;
  try {
    return decodeURIComponent(raw).replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 200);
  } catch {
    return undefined;
  }
}
