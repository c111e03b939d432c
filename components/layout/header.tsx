import Link from "next/link";
import { AccountMenu } from "./account-menu";
import { CartCount } from "./cart-count";

/** The same for every visitor (it is part of cached pages); the account and cart parts fill in client-side. */
export function Header() {
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
            maxLength={200}
            placeholder="Search by name, article or part number"
            className="w-full min-w-0 rounded-l-md border-0 px-3 py-2 text-sm text-slate-900"
          />
          <button type="submit" className="rounded-r-md bg-brand-800 px-4 text-sm font-semibold hover:bg-slate-900">
            Search
          </button>
        </form>
        <nav aria-label="Account" className="flex items-center gap-2 text-sm">
          <AccountMenu />
          <CartCount />
        </nav>
      </div>
    </header>
  );
}
