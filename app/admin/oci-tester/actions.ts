"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { formValues, refusedState, type AdminFormState } from "@/lib/admin/form";
import { requireAdmin } from "@/lib/admin/guard";
import { startTestRun, type StartedRun } from "@/lib/admin/oci-tester";
import { testerOptionsSchema } from "@/lib/admin/oci-tester/call";
import { punchoutOrigin } from "@/lib/admin/oci-tester/origins";
import { getViewer } from "@/lib/auth/viewer";
import { fieldErrors } from "@/lib/http/json";

/** The tester form's answer: the call to send (once, in this response only) or what to correct. */
export type TesterFormState = AdminFormState & { launch?: StartedRun };

const TESTER_FIELDS = ["userId", "method", "charset", "paramCase", "echo", "window", "fn", "productId", "quantity", "searchString"] as const;

/**
 * The shop's own origin: AUTH_URL when the deployment pins it, else the Origin of this server action
 * post — Next refuses an action whose Origin does not match the host it was sent to.
 */
async function shopOrigin(): Promise<string | null> {
  if (process.env.AUTH_URL) return new URL(process.env.AUTH_URL).origin;
  const origin = (await headers()).get("origin");
  try {
    return origin ? new URL(origin).origin : null;
  } catch {
    return null;
  }
}

export async function startTestRunAction(_prev: TesterFormState, form: FormData): Promise<TesterFormState> {
  await requireAdmin();
  const values = formValues(form, TESTER_FIELDS);
  const userId = z.coerce.number().int().positive().max(2_147_483_647).safeParse(values.userId);
  const options = testerOptionsSchema.safeParse(values);
  if (!userId.success || !options.success) {
    return { error: "Please correct the marked fields.", fields: { ...(options.success ? {} : fieldErrors(options.error)), ...(userId.success ? {} : { userId: "Choose a customer's user." }) }, values };
  }
  const shop = await shopOrigin();
  if (!shop) return { error: "The shop's address is unknown: the browser sent no Origin. Set AUTH_URL.", values };
  const punchout = punchoutOrigin(shop, process.env.OCI_TESTER_PUNCHOUT_URL).origin;
  const result = await startTestRun(await getViewer(), { userId: userId.data, options: options.data }, { shop, punchout });
  if (!result.ok) return refusedState(result, values);
  // The list below the form shows the new run (waiting) at once.
  revalidatePath("/admin/oci-tester");
  return { values, saved: "Test run started: the punchout opens now.", launch: result };
}
