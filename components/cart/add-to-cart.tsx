"use client";

import { useId, useState } from "react";
import { addToCartFormAction } from "@/app/actions/cart";
import { checkQuantity, firstValidQuantity, quantityHint } from "@/lib/cart/quantity-rules";
import { unitLabel } from "@/lib/money/format";
import { QuantityInput } from "./quantity-input";
import { setCartCount } from "@/components/viewer/use-viewer";
import { cartRequest } from "./cart-request";

export function AddToCart({ productId, slug, minQuantity, packQuantity, unit, initialError }: { productId: number; slug: string; minQuantity: number; packQuantity: number; unit: string; initialError?: string }) {
  const id = useId();
  const rules = { minQuantity, packQuantity };
  const [value, setValue] = useState(String(firstValidQuantity(rules)));
  const [message, setMessage] = useState<{ kind: "error" | "ok"; text: string } | null>(initialError ? { kind: "error", text: initialError } : null);
  const [pending, setPending] = useState(false);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const checked = checkQuantity(value, rules);
    if (!checked.ok) {
      setMessage({ kind: "error", text: checked.message });
      return;
    }
    const { quantity } = checked;
    setMessage(null);
    setPending(true);
    cartRequest("POST", "/api/cart/lines", { productId, quantity })
      .then((cart) => {
        setCartCount(cart.itemCount);
        setMessage({ kind: "ok", text: `Added ${quantity} ${unitLabel(unit, quantity)} to your cart.` });
      })
      .catch((error: Error) => setMessage({ kind: "error", text: error.message }))
      .finally(() => setPending(false));
  }

  return (
    // Without script the form posts to a server action (progressive enhancement); with script the
    // submit handler adds optimistically through the cart API.
    <form action={addToCartFormAction} onSubmit={submit} noValidate className="mt-6 flex flex-wrap items-end gap-3">
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="slug" value={slug} />
      <div>
        <label htmlFor={`${id}-qty`} className="label">
          Quantity
        </label>
        <QuantityInput
          id={`${id}-qty`}
          name="quantity"
          rules={rules}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          invalid={message?.kind === "error"}
          describedBy={`${id}-msg ${id}-hint`}
          className="input w-32"
        />
      </div>
      <button type="submit" className="btn-primary" disabled={pending}>
        Add to cart
      </button>
      <p id={`${id}-hint`} className="fine-print w-full">
        {quantityHint(rules)}
      </p>
      <p id={`${id}-msg`} role={message?.kind === "error" ? "alert" : "status"} className={message?.kind === "error" ? "field-error w-full" : "w-full text-sm text-green-800"}>
        {message?.text}
      </p>
    </form>
  );
}
