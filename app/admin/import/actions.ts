"use server";

import { redirect } from "next/navigation";
import { isImportKind } from "@/lib/admin/csv/columns";
import { resultQuery } from "@/lib/admin/csv/result-url";
import { requireAdmin } from "@/lib/admin/guard";
import { importCsv } from "@/lib/admin/import";
import { getViewer } from "@/lib/auth/viewer";

/**
 * The form post without JavaScript (multipart): Next has read the whole file by now (server
 * action bodies are limited to 8 MB in next.config.ts); it goes through the same import as the
 * streaming upload route, then back to the page with the outcome in its address.
 */
export async function importAction(form: FormData): Promise<void> {
  await requireAdmin();
  const kind = form.get("kind");
  const file = form.get("file");
  if (!isImportKind(kind)) redirect("/admin/import");
  if (!(file instanceof File) || file.size === 0) redirect(`/admin/import?${resultQuery(kind, { error: "Choose a CSV file to import." })}`);
  const result = await importCsv(await getViewer(), kind, file.stream(), { fileName: file.name });
  redirect(`/admin/import?${resultQuery(kind, { result, fileName: file.name })}`);
}
