"use client";

import Link from "next/link";
import { logoutAction } from "@/app/actions/auth";
import { forgetViewer, useViewer } from "@/components/viewer/use-viewer";

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
      <Link href="/account" className={item}>
        <span className="sr-only">Signed in as </span>
        {data.account.name}
      </Link>
      <form action={logoutAction} onSubmit={forgetViewer}>
        <button type="submit" className={item}>
          Sign out
        </button>
      </form>
    </>
  );
}
