import type { ReactNode } from "react";

/**
 * The search box of a back-office list: a plain GET form, so a search is a link that can be shared
 * and works without JavaScript. `children` holds the list's own filters (selects, checkboxes).
 */
export function ListSearch({ action, q, placeholder, children }: { action: string; q?: string; placeholder?: string; children?: ReactNode }) {
  return (
    <form action={action} method="get" role="search" className="card flex flex-wrap items-end gap-3 p-4">
      <div className="min-w-48 flex-1">
        <label htmlFor="q" className="label">Search</label>
        <input id="q" name="q" type="search" className="input" defaultValue={q} placeholder={placeholder} maxLength={100} />
      </div>
      {children}
      <button type="submit" className="btn-primary">Search</button>
    </form>
  );
}
