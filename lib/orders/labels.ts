export const ORDER_STATUS_LABELS = {
  placed: "Placed",
  confirmed: "Confirmed",
  shipped: "Shipped",
  transferred: "Transferred to procurement",
  cancelled: "Cancelled",
} as const;

export const PAYMENT_LABELS = {
  invoice: "On account (invoice)",
  bank_transfer: "Bank transfer before shipment",
  procurement: "Purchase order from your procurement system",
} as const;

export function formatDate(d: Date) {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Berlin" }).format(d);
}

export const CHANNEL_LABELS = {
  web: "Web",
  oci: "Punchout",
  cxml: "Punchout (cXML)",
} as const;
