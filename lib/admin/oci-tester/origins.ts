/**
 * Where the tester's punchout runs. Pure.
 *
 * The hook and the run page live at the shop's own origin, where the operator is signed in. The call
 * itself goes to the same shop under a second host name when there is one: there the punchout has
 * cookies of its own — in an iframe it is a cross-site frame (partitioned cookies), as with a real
 * procurement system, and in the same window or a popup it does not replace the operator's session.
 * Without one the call goes to the shop's own origin, where the entry asks the operator to switch
 * accounts (the punchout then signs the operator out).
 */
export function punchoutOrigin(shopOrigin: string, configured: string | undefined): { origin: string; separate: boolean } {
  const shop = new URL(shopOrigin);
  if (configured?.trim()) {
    const origin = new URL(configured.trim()).origin;
    return { origin, separate: new URL(origin).hostname !== shop.hostname };
  }
  // On a developer's machine the shop answers to both names: a second site for free.
  const twin = shop.hostname === "localhost" ? "127.0.0.1" : shop.hostname === "127.0.0.1" ? "localhost" : null;
  if (!twin) return { origin: shop.origin, separate: false };
  const url = new URL(shop.origin);
  url.hostname = twin;
  return { origin: url.origin, separate: true };
}
