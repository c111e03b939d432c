"use client";

import { useActionState } from "react";
import { createUserAction, updateUserAction, type PasswordFormState } from "@/app/admin/customers/actions";
import { FormStatus } from "@/components/admin/form-status";
import { SaveButton } from "@/components/admin/save-button";
import { Field } from "@/components/ui/field";
import type { AdminFormState } from "@/lib/admin/form";
import { SelectField } from "./select-field";
import { ShownPassword } from "./shown-password";

const ROLES = [
  ["buyer", "Buyer (shops for the customer)"],
  ["admin", "Operator (back office access)"],
] as const;

function UserInputs({ state, defaults }: { state: AdminFormState; defaults: { email: string; name: string; role: string } }) {
  const f = state.fields ?? {};
  const v = (name: "email" | "name" | "role") => (state.values ? (state.values[name] ?? "") : defaults[name]);
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      <Field name="email" label="E-mail address" type="email" autoComplete="off" required maxLength={254} defaultValue={v("email")} error={f.email} />
      <Field name="name" label="Full name" autoComplete="off" required maxLength={100} defaultValue={v("name")} error={f.name} />
      <SelectField name="role" label="Role" options={ROLES} defaultValue={v("role")} error={f.role} />
    </div>
  );
}

/** Adds a user to the customer; the generated password is shown once after saving. */
export function AddUserForm({ customerId }: { customerId: number }) {
  const [state, action] = useActionState<PasswordFormState, FormData>(createUserAction, {});
  return (
    <form action={action} noValidate className="card space-y-4 p-4" aria-labelledby="add-user-heading">
      <h3 id="add-user-heading" className="font-semibold">Add a user</h3>
      <FormStatus error={state.error} saved={state.saved} />
      {state.created ? <ShownPassword email={state.created.email} password={state.created.password} /> : null}
      <input type="hidden" name="customerId" value={customerId} />
      <UserInputs state={state} defaults={{ email: "", name: "", role: "buyer" }} />
      <SaveButton label="Add user" pendingLabel="Adding…" />
    </form>
  );
}

/** Name, e-mail and role of one user, saved against the version it was loaded at. */
export function EditUserForm({ customerId, user }: { customerId: number; user: { id: number; email: string; name: string; role: string; version: number } }) {
  const [state, action] = useActionState<AdminFormState, FormData>(updateUserAction, {});
  return (
    <form action={action} noValidate className="card space-y-4 p-6">
      <FormStatus error={state.error} saved={state.saved} />
      <input type="hidden" name="customerId" value={customerId} />
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="version" value={state.values?.version || user.version} />
      <UserInputs state={state} defaults={user} />
      <SaveButton />
    </form>
  );
}
