"use client";

import { Link } from "@/components/ui/link";
import { useCartCount } from "@/components/viewer/use-viewer";

export function CartCount() {
  const count = useCartCount();
  return (
    <Link href="/cart" className="relative inline-flex items-center gap-2 rounded-md px-3 py-2 text-sm font-semibold hover:bg-brand-800" data-testid="header-cart">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M3 3h2l2.4 12.2a2 2 0 0 0 2 1.8h7.7a2 2 0 0 0 2-1.6L21 8H6" />
        <circle cx="10" cy="21" r="1" />
        <circle cx="18" cy="21" r="1" />
      </svg>
      <span>Cart</span>
      {count === undefined ? null : (
        <span className="rounded-full bg-white px-2 py-0.5 text-xs text-brand-800" aria-live="polite">
          <span data-testid="cart-count">{count}</span>
          <span className="sr-only"> items</span>
        </span>
      )}
    </Link>
  );
}
