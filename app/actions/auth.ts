"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { credentialsSchema } from "@/lib/auth/credentials";
import { registrationSchema } from "@/lib/auth/register";
import { fieldErrors, type FieldErrors } from "@/lib/http/json";
import { safeRedirectPath } from "@/lib/http/redirect";
import { registerShopper, signInShopper, signOutShopper } from "@/lib/shopper/session";

export type FormState = { error?: string; fields?: FieldErrors; values?: Record<string, string> };

const SIGNIN_MESSAGES: Record<string, string> = {
  throttled: "Too many failed attempts. Wait 15 minutes and try again.",
  busy: "Signing in is busy right now. Please try again in a few seconds.",
  disabled: "This account is disabled. Please contact our customer service.",
  credentials: "The e-mail address, debtor number or password is not correct.",
};

export async function loginAction(_prev: FormState, form: FormData): Promise<FormState> {
  const raw = { username: String(form.get("username") ?? ""), password: String(form.get("password") ?? "") };
  const values = { username: raw.username };
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return { fields: fieldErrors(parsed.error), values };
  try {
    await signInShopper(parsed.data.username, parsed.data.password);
  } catch (error) {
    if (error instanceof AuthError) {
      if (error.type !== "CredentialsSignin") return { error: "Signing in is not possible right now. Please try again in a moment.", values };
      const code = (error as { code?: string }).code ?? "credentials";
      return { error: SIGNIN_MESSAGES[code] ?? SIGNIN_MESSAGES.credentials, values };
    }
    throw error;
  }
  redirect(safeRedirectPath(form.get("next"), "/account"));
}

export async function registerAction(_prev: FormState, form: FormData): Promise<FormState> {
  const raw = Object.fromEntries(["name", "email", "password", "passwordConfirm"].map((k) => [k, String(form.get(k) ?? "")]));
  const values = { name: raw.name!, email: raw.email! };
  const parsed = registrationSchema.safeParse(raw);
  if (!parsed.success) return { fields: fieldErrors(parsed.error), values };
  try {
    const result = await registerShopper(parsed.data);
    if (!result.ok) return result.field ? { fields: { [result.field]: result.message }, values } : { error: result.message, values };
  } catch (error) {
    if (error instanceof AuthError) return { error: "Your account was created. Please sign in.", values };
    throw error;
  }
  redirect("/account?welcome=1");
}

export async function logoutAction() {
  await signOutShopper();
  redirect("/");
}
