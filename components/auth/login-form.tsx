"use client";

import { useActionState } from "react";
import { loginAction, type FormState } from "@/app/actions/auth";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";

export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(loginAction, {});
  return (
    <form action={action} noValidate className="card space-y-4 p-6">
      <FormError message={state.error} />
      <input type="hidden" name="next" value={next} />
      <Field name="username" label="E-mail address or debtor number" autoComplete="username" defaultValue={state.values?.username} error={state.fields?.username} required />
      <Field name="password" label="Password" type="password" autoComplete="current-password" error={state.fields?.password} required />
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
