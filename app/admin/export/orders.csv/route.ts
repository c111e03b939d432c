import { ordersCsv } from "@/lib/admin/export";
import { csvDownload } from "@/lib/admin/csv/download";
import { getViewer } from "@/lib/auth/viewer";
import { guarded } from "@/lib/http/guard";

export const GET = guarded(async () => csvDownload(ordersCsv(await getViewer()), "orders"));
