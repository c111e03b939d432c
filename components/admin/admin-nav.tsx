"use client";

import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";

export const ADMIN_SECTIONS = [
  { href: "/admin", label: "Dashboard" },
  { href: "/admin/products", label: "Products" },
  { href: "/admin/categories", label: "Categories" },
  { href: "/admin/price-lists", label: "Price lists" },
  { href: "/admin/customers", label: "Customers" },
  { href: "/admin/orders", label: "Orders" },
  { href: "/admin/import", label: "Import/Export" },
  { href: "/admin/oci-tester", label: "Punchout tester" },
  { href: "/admin/audit", label: "Audit log" },
] as const;

/** The back office's sections; the current one is marked for screen readers too. */
export function AdminNav() {
  const path = usePathname();
  return (
    <nav aria-label="Back office" className="md:w-48 md:shrink-0">
      <ul className="flex flex-wrap gap-1 md:flex-col">
        {ADMIN_SECTIONS.map((s) => {
          const current = s.href === "/admin" ? path === "/admin" : path === s.href || path.startsWith(`${s.href}/`);
          return (
            <li key={s.href}>
              <Link
                href={s.href}
                aria-current={current ? "page" : undefined}
                className={`block rounded px-3 py-2 text-sm ${current ? "bg-brand-700 font-semibold text-white" : "text-slate-800 hover:bg-slate-100"}`}
              >
                {s.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
