import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";

/** A back-office page title, with an optional "back" link above it and actions beside it. */
export function AdminHeading({ title, back, children }: { title: string; back?: { href: string; label: string }; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div>
        {back ? (
          <Link href={back.href} className="text-sm text-brand-700 underline">
            ← {back.label}
          </Link>
        ) : null}
        <h1 className="text-2xl font-bold">{title}</h1>
      </div>
      {children ? <div className="flex flex-wrap gap-2">{children}</div> : null}
    </div>
  );
}
