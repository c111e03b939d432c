"use client";

import { useActionState } from "react";
import { resetPasswordAction, setUserActiveAction, type PasswordFormState } from "@/app/admin/customers/actions";
import { FormStatus } from "@/components/admin/form-status";
import type { AdminFormState } from "@/lib/admin/form";
import { RowButton } from "./row-button";
import { ShownPassword } from "./shown-password";

type Row = { id: number; email: string; active: boolean; version: number };

function Hidden({ customerId, user }: { customerId: number; user: Row }) {
  return (
    <>
      <input type="hidden" name="customerId" value={customerId} />
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
      <input type="hidden" name="email" value={user.email} />
    </>
  );
}

/** A user row's buttons: disable or enable, and set a new password (shown once, in this row). */
export function UserRowActions({ customerId, user }: { customerId: number; user: Row }) {
  const [toggle, toggleAction] = useActionState<AdminFormState, FormData>(setUserActiveAction, {});
  const [reset, resetAction] = useActionState<PasswordFormState, FormData>(resetPasswordAction, {});
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <form action={toggleAction}>
          <Hidden customerId={customerId} user={user} />
          <input type="hidden" name="active" value={user.active ? "false" : "true"} />
          <RowButton label={user.active ? "Disable" : "Enable"} pendingLabel={user.active ? "Disabling…" : "Enabling…"} about={user.email} />
        </form>
        <form action={resetAction}>
          <Hidden customerId={customerId} user={user} />
          <RowButton label="Set a new password" pendingLabel="Setting…" about={user.email} />
        </form>
      </div>
      <FormStatus error={toggle.error ?? reset.error} saved={toggle.saved} />
      {reset.created ? <ShownPassword email={reset.created.email} password={reset.created.password} /> : null}
    </div>
  );
}
