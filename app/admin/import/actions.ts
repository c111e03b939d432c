"use server";

import { isImportKind } from "@/lib/admin/csv/columns";
import { requireAdmin } from "@/lib/admin/guard";
import { importCsv, type ImportResult } from "@/lib/admin/import";
import { getViewer } from "@/lib/auth/viewer";

export type ImportFormState = { result?: ImportResult; error?: string; fileName?: string };

/**
 * The form post without JavaScript (multipart): Next has read the whole file by now (server
 * action bodies are limited to 8 MB in next.config.ts); it goes through the same
 * import as the streaming upload route.
 */
export async function importAction(_prev: ImportFormState, form: FormData): Promise<ImportFormState> {
  await requireAdmin();
  const kind = form.get("kind");
  const file = form.get("file");
  if (!isImportKind(kind)) return { error: "Choose what to import." };
  if (!(file instanceof File) || file.size === 0) return { error: "Choose a CSV file to import." };
  const result = await importCsv(await getViewer(), kind, file.stream(), { fileName: file.name });
  return { result, fileName: file.name };
}
