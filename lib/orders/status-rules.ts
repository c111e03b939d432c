/**
 * Which status changes an operator may make. Web orders go placed → confirmed → shipped and may be
 * cancelled until they ship; a punchout order is the procurement system's from the moment it was
 * transferred, so it never changes here. Pure.
 */
export type OrderStatus = "placed" | "confirmed" | "shipped" | "cancelled" | "transferred";
export type OrderChannel = "web" | "oci" | "cxml";

export const STATUS_ACTIONS = {
  confirm: { to: "confirmed", from: ["placed"], label: "Confirm" },
  ship: { to: "shipped", from: ["confirmed"], label: "Mark as shipped" },
  cancel: { to: "cancelled", from: ["placed", "confirmed"], label: "Cancel order" },
} as const satisfies Record<string, { to: OrderStatus; from: readonly OrderStatus[]; label: string }>;

export type StatusAction = keyof typeof STATUS_ACTIONS;
export const STATUS_ACTION_NAMES = Object.keys(STATUS_ACTIONS) as StatusAction[];

/** The actions open to an order as it is now, in the order the buttons show them. */
export function allowedActions(order: { channel: OrderChannel; status: OrderStatus }): StatusAction[] {
  if (order.channel !== "web") return [];
  return STATUS_ACTION_NAMES.filter((a) => (STATUS_ACTIONS[a].from as readonly OrderStatus[]).includes(order.status));
}
