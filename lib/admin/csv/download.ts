/**
 * An export as a download: a stream that the caller's permission check already produced (null for
 * anyone but an operator, who gets the 404 everyone else gets), named after the export and the day.
 */
export function csvDownload(stream: ReadableStream<Uint8Array> | null, name: string, now = new Date()): Response {
  if (!stream) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain", "Cache-Control": "private, no-store" } });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}-${now.toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
