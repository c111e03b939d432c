import { productsCsv } from "@/lib/admin/export";
import { csvDownload } from "@/lib/admin/csv/download";
import { getViewer } from "@/lib/auth/viewer";
import { guarded } from "@/lib/http/guard";

export const GET = guarded(async () => csvDownload(productsCsv(await getViewer()), "products"));
