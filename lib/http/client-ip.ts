import { isIP } from "node:net";

/**
 * The address a request came from, as far as this deployment can know it, or null when it cannot.
 * Never a client-chosen header: X-Forwarded-For as received starts with whatever the client wrote,
 * so only the entries appended by proxies we trust (and the TCP peer) count.
 *
 * - SHOP_PEER_HEADERS=1: the shop's own server launcher replaced any client-sent
 *   x-shop-peer-address / x-shop-forwarded-for with the TCP peer and X-Forwarded-For as received.
 *   TRUST_PROXY_HOPS (default 0) says how many proxies in front of us append to it.
 * - VERCEL: Vercel overwrites x-vercel-forwarded-for and x-real-ip; clients cannot choose them.
 * - otherwise (e.g. `next dev`): unknown.
 */
export function clientIp(headers: Headers): string | null {
  if (process.env.SHOP_PEER_HEADERS === "1") {
    const forwarded = (headers.get("x-shop-forwarded-for") ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    return fromTrustedChain([...forwarded, headers.get("x-shop-peer-address") ?? ""], trustedHops());
  }
  if (process.env.VERCEL) {
    return normaliseAddress(headers.get("x-vercel-forwarded-for")?.split(",")[0] ?? "") ?? normaliseAddress(headers.get("x-real-ip") ?? "");
  }
  return null;
}

function trustedHops(): number {
  const value = process.env.TRUST_PROXY_HOPS ?? "";
  return /^\d+$/.test(value) ? Number(value) : 0;
}

/**
 * Walks from the peer leftwards through the entries each trusted proxy appended. An entry that is no
 * address means the chain is not what we expected: trust ends there, at the last good one.
 */
function fromTrustedChain(chain: string[], hops: number): string | null {
  const stop = Math.max(0, chain.length - 1 - hops);
  let found: string | null = null;
  for (let i = chain.length - 1; i >= stop; i--) {
    const address = normaliseAddress(chain[i]!);
    if (!address) break;
    found = address;
  }
  return found;
}

/** "1.2.3.4:80", "[2001:db8::1]:443", "::ffff:1.2.3.4" → the bare, lower-case address; else null. */
function normaliseAddress(raw: string): string | null {
  let value = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(value);
  if (mapped) value = mapped[1]!;
  return isIP(value) ? value : null;
}
