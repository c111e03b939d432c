"use client";

import { Link } from "@/components/ui/link";
import { useEffect, useState } from "react";
import { Totals } from "@/components/orders/totals";
import { checkQuantity } from "@/lib/cart/quantity-rules";
import type { CartView as CartDto } from "@/lib/shopper/cart-view-types";
import { OciTransferForm } from "./oci-transfer-form";
import { QuantityInput } from "./quantity-input";
import { setCartCount } from "@/components/viewer/use-viewer";
import { CartQueryProvider } from "./cart-query-provider";
import { useCart, useCartMutation } from "./use-cart";

function QuantityCell({ line, disabled }: { line: CartDto["lines"][number]; disabled: boolean }) {
  const [value, setValue] = useState(String(line.quantity));
  const [error, setError] = useState<string | null>(null);
  const mutation = useCartMutation();
  const id = `qty-${line.productId}`;
  const rules = { minQuantity: line.minQuantity, packQuantity: line.packQuantity };

  // The same check as "Add to cart" before anything is sent; the server checks again.
  function commit() {
    const checked = checkQuantity(value, rules);
    if (!checked.ok) {
      setError(checked.message);
      return;
    }
    const { quantity } = checked;
    setError(null);
    if (quantity === line.quantity) return;
    mutation.mutate(
      { type: "set", productId: line.productId, quantity },
      {
        onError: (e) => {
          setError(e.message);
          setValue(String(line.quantity));
        },
      },
    );
  }

  return (
    <div>
      <label htmlFor={id} className="sr-only">
        Quantity of {line.name}
      </label>
      <QuantityInput
        id={id}
        rules={rules}
        value={value}
        disabled={disabled}
        onChange={(e) => setValue(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            commit();
          }
        }}
        invalid={Boolean(error)}
        describedBy={`${id}-error`}
        className="input w-28"
      />
      <p id={`${id}-error`} role="alert" className="field-error">
        {error ?? line.problem}
      </p>
    </div>
  );
}

/** The cart table; in a punchout session the OCI return form replaces the checkout button. */
export function CartView({ initialCart }: { initialCart: CartDto }) {
  return (
    <CartQueryProvider>
      <CartEditor initialCart={initialCart} />
    </CartQueryProvider>
  );
}

function CartEditor({ initialCart }: { initialCart: CartDto }) {
  const { data: cart = initialCart } = useCart(initialCart);
  // The header's count follows every change made here (optimistic ones included).
  useEffect(() => setCartCount(cart.itemCount), [cart.itemCount]);
  const mutation = useCartMutation();
  const blocked = cart.lines.some((l) => l.problem);
  // A cXML inspect shows the requisition's basket; nothing in it may change.
  const readOnly = Boolean(cart.oci?.readOnly);
  const ociActions = cart.oci ? <OciTransferForm oci={cart.oci} disabled={mutation.isPending || blocked} hasItems={cart.lines.length > 0} /> : null;
  if (cart.lines.length === 0) {
    return (
      <div className="card p-6">
        <p>Your cart is empty.</p>
        <Link href="/" className="mt-3 inline-block text-brand-700 underline">
          Continue shopping
        </Link>
        {ociActions ? <div className="mt-6 max-w-sm">{ociActions}</div> : null}
      </div>
    );
  }
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <div className="card overflow-x-auto">
        <table className="w-full text-sm" data-testid="cart-table">
          <caption className="sr-only">Products in your cart</caption>
          <thead className="border-b border-slate-200 text-left">
            <tr>
              <th scope="col" className="p-3">Product</th>
              <th scope="col" className="p-3">Price</th>
              <th scope="col" className="p-3">Quantity</th>
              <th scope="col" className="p-3 text-right">Total</th>
              <th scope="col" className="p-3"><span className="sr-only">Remove</span></th>
            </tr>
          </thead>
          <tbody>
            {cart.lines.map((line) => (
              <tr key={line.productId} className="border-b border-slate-100 align-top" data-testid="cart-line">
                <td className="p-3">
                  <Link href={`/products/${line.slug}`} className="font-medium text-brand-700 hover:underline">
                    {line.name}
                  </Link>
                  <div className="fine-print">Art. {line.sku}</div>
                </td>
                <td className="p-3 whitespace-nowrap">{line.unitPrice}</td>
                <td className="p-3">
                  {readOnly ? <span data-testid="cart-line-quantity">{line.quantity}</span> : <QuantityCell key={line.quantity} line={line} disabled={mutation.isPending} />}
                </td>
                <td className="p-3 text-right whitespace-nowrap" data-testid="line-total">{line.lineTotal}</td>
                <td className="p-3">
                  {readOnly ? null : (
                    <button type="button" className="text-sm text-red-700 underline" onClick={() => mutation.mutate({ type: "remove", productId: line.productId })}>
                      Remove<span className="sr-only"> {line.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="p-3">
          {readOnly ? (
            <p className="text-sm text-slate-700" data-testid="cart-read-only">Opened for viewing from your procurement system: this basket cannot be changed here.</p>
          ) : (
            <button type="button" className="text-sm text-slate-700 underline" onClick={() => mutation.mutate({ type: "clear" })}>
              Empty cart
            </button>
          )}
        </div>
      </div>
      <aside className="card h-fit p-4" aria-labelledby="summary-heading">
        <h2 id="summary-heading" className="text-lg font-semibold">Summary</h2>
        <Totals totals={cart.totals} testIdPrefix="cart" className="mt-3" />
        {mutation.error ? <p role="alert" className="field-error">{mutation.error.message}</p> : null}
        <div className="mt-4">
          {ociActions ? (
            <>
              {blocked ? <p className="mb-2 text-sm text-red-700">Fix the marked lines to transfer the basket.</p> : null}
              {ociActions}
            </>
          ) : blocked ? (
            <p className="text-sm text-red-700">Fix the marked lines to continue.</p>
          ) : (
            <Link href="/checkout" className="btn-primary w-full">Checkout</Link>
          )}
        </div>
      </aside>
    </div>
  );
}
