import Link from "next/link";
import { logoutAction } from "@/app/actions/auth";
import type { Viewer } from "@/lib/auth/viewer";
import { CartCount } from "./cart-count";

export function Header({ viewer, cartCount, searchQuery }: { viewer: Viewer | null; cartCount: number; searchQuery?: string }) {
  return (
    <header className="bg-brand-700 text-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
        <Link href="/" className="text-lg font-bold tracking-tight">
          Nordwerk <span className="font-normal">Industrial Supply</span>
        </Link>
        <form action="/search" method="get" role="search" className="order-3 flex w-full flex-1 sm:order-none sm:w-auto">
          <label htmlFor="header-search" className="sr-only">
            Search products
          </label>
          <input
            id="header-search"
            name="q"
            type="search"
            defaultValue={searchQuery}
            maxLength={200}
            placeholder="Search by name, article or part number"
            className="w-full min-w-0 rounded-l-md border-0 px-3 py-2 text-sm text-slate-900"
          />
          <button type="submit" className="rounded-r-md bg-brand-800 px-4 text-sm font-semibold hover:bg-slate-900">
            Search
          </button>
        </form>
        <nav aria-label="Account" className="flex items-center gap-2 text-sm">
          {viewer ? (
            <>
              <Link href="/account" className="rounded-md px-3 py-2 hover:bg-brand-800">
                <span className="sr-only">Signed in as </span>
                {viewer.name}
              </Link>
              <form action={logoutAction}>
                <button type="submit" className="rounded-md px-3 py-2 hover:bg-brand-800">
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <>
              <Link href="/login" className="rounded-md px-3 py-2 hover:bg-brand-800">
                Sign in
              </Link>
              <Link href="/register" className="rounded-md px-3 py-2 hover:bg-brand-800">
                Register
              </Link>
            </>
          )}
          <CartCount initialCount={cartCount} />
        </nav>
      </div>
    </header>
  );
}
