import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { requireAdmin } from "@/lib/admin/guard";

export const metadata: Metadata = { title: { default: "Back office", template: "%s · Back office" }, robots: { index: false, follow: false } };

// Per operator and per request, rendered in full before it is sent (works without JavaScript).
export const instant = false;

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdmin();
  return (
    <div className="flex flex-col gap-6 md:flex-row">
      <AdminNav />
      <div className="min-w-0 flex-1 space-y-6">{children}</div>
    </div>
  );
}
