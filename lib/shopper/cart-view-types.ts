import type { CartDto } from "@/lib/cart/dto";
import type { OciForm } from "@/lib/oci/basket";

/** The cart as the browser gets it; in a punchout session with the frozen return form. */
export type CartView = CartDto & { oci?: OciForm };
