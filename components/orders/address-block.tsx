import type { Address } from "@/db/schema";

/** An order's shipping or billing address; `emptyText` says what shows when there is none (else nothing). */
export function AddressBlock({ title, address, emptyText }: { title: string; address: Address | null; emptyText?: string }) {
  if (!address && !emptyText) return null;
  return (
    <div>
      <h2 className="font-semibold">{title}</h2>
      {address ? (
        <address className="mt-1 text-sm not-italic">
          {address.name}<br />
          {address.company ? <>{address.company}<br /></> : null}
          {address.street}<br />
          {address.postalCode} {address.city}<br />
          {address.country}
        </address>
      ) : (
        <p className="mt-1 text-sm text-slate-700">{emptyText}</p>
      )}
    </div>
  );
}
