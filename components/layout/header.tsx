import { Link } from "@/components/ui/link";
import { AccountMenu } from "./account-menu";
import { CartCount } from "./cart-count";

/**
 * The same for every visitor (it is part of cached pages); the account and cart parts fill in
 * client-side. A fixed grid, so that filling them in never wraps the header onto another line and
 * pushes the page down: logo and account links share the first row on a phone, the search the second.
 */
export function Header() {
  return (
    <header className="bg-brand-700 text-white">
      <div className="mx-auto grid max-w-7xl grid-cols-[minmax(0,1fr)_auto] items-center gap-x-6 gap-y-3 px-4 py-3 sm:grid-cols-[auto_minmax(0,1fr)_auto]">
        <Link href="/" className="truncate text-lg font-bold tracking-tight">
          Nordwerk <span className="font-normal">Industrial Supply</span>
        </Link>
        <form action="/search" method="get" role="search" className="col-span-2 row-start-2 flex sm:col-span-1 sm:col-start-2 sm:row-start-1">
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
        <nav aria-label="Account" className="col-start-2 row-start-1 flex items-center gap-2 whitespace-nowrap text-sm sm:col-start-3">
          <AccountMenu />
          <CartCount />
        </nav>
      </div>
    </header>
  );
}
