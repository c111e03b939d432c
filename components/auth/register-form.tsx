"use client";

import { useActionState } from "react";
import { registerAction, type FormState } from "@/app/actions/auth";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";

export function RegisterForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(registerAction, {});
  const f = state.fields ?? {};
  return (
    <form action={action} noValidate className="card space-y-4 p-6">
      <FormError message={state.error} />
      <Field name="name" label="Full name" autoComplete="name" defaultValue={state.values?.name} error={f.name} required />
      <Field name="email" label="E-mail address" type="email" autoComplete="email" defaultValue={state.values?.email} error={f.email} required />
      <Field name="password" label="Password (at least 10 characters, with a digit or symbol)" type="password" autoComplete="new-password" error={f.password} required />
      <Field name="passwordConfirm" label="Repeat password" type="password" autoComplete="new-password" error={f.passwordConfirm} required />
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? "Creating account…" : "Create account"}
      </button>
    </form>
  );
}
