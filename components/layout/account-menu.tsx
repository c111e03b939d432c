"use client";

import { Link } from "@/components/ui/link";
import { useFormStatus } from "react-dom";
import { logoutAction } from "@/app/actions/auth";
import { useViewer } from "@/components/viewer/use-viewer";

const item = "rounded-md px-3 py-2 hover:bg-brand-800";

/**
 * The account links of the cached header. Until the browser knows who is looking (and without
 * JavaScript) it offers the account page, which signs in whoever is not signed in yet.
 */
export function AccountMenu() {
  const { data, isPending } = useViewer();
  if (isPending || !data) {
    return (
      <Link href="/account" className={item}>
        Account
      </Link>
    );
  }
  if (!data.account) {
    return (
      <>
        <Link href="/login" className={item}>
          Sign in
        </Link>
        <Link href="/register" className={item}>
          Register
        </Link>
      </>
    );
  }
  return (
    <>
      {data.account.operator ? (
        <Link href="/admin" className={item}>
          Back office
        </Link>
      ) : null}
      <Link href="/account" className={`${item} max-w-40 truncate`}>
        <span className="sr-only">Signed in as </span>
        {data.account.name}
      </Link>
      <form action={logoutAction}>
        <SignOutButton />
      </form>
    </>
  );
}

/**
 * Disabled while signing out, so a double click posts once. The header learns who is looking from
 * the page the action lands on: it mounts again there and asks (also when that is the same page).
 */
function SignOutButton() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={item} disabled={pending}>
      Sign out
    </button>
  );
}
