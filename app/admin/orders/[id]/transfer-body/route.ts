import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/admin/guard";
import { transferBodyOf } from "@/lib/admin/orders";
import { getViewer } from "@/lib/auth/viewer";
import { guarded } from "@/lib/http/guard";

// "Download as sent": the exact form body the procurement system's hook received for the order.
export const GET = guarded(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  await requireAdmin();
  const { id } = await params;
  const download = await transferBodyOf(await getViewer(), id);
  if (!download) notFound();
  return new Response(download.body as BodyInit, {
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "Content-Disposition": `attachment; filename="${download.filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
