import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clientIp } from "@/lib/http/client-ip";

// Every case starts from "no deployment hints at all", then sets only what it is about.
beforeEach(() => {
  vi.stubEnv("SHOP_PEER_HEADERS", undefined);
  vi.stubEnv("TRUST_PROXY_HOPS", undefined);
  vi.stubEnv("VERCEL", undefined);
});
afterEach(() => vi.unstubAllEnvs());

const h = (entries: Record<string, string>) => new Headers(entries);

describe("client address without a known deployment", () => {
  it("is unknown, whatever forwarding headers the client sends", () => {
    expect(clientIp(h({}))).toBeNull();
    expect(clientIp(h({ "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.9" }))).toBeNull();
    // Launcher headers mean nothing unless the launcher says it set them.
    expect(clientIp(h({ "x-shop-peer-address": "203.0.113.9" }))).toBeNull();
  });
});

describe("client address behind the shop's own launcher", () => {
  beforeEach(() => vi.stubEnv("SHOP_PEER_HEADERS", "1"));

  it("is the TCP peer when no proxy is trusted, however the client spoofs forwarding headers", () => {
    expect(clientIp(h({ "x-shop-peer-address": "198.51.100.7" }))).toBe("198.51.100.7");
    const spoofed = h({
      "x-shop-peer-address": "198.51.100.7",
      "x-shop-forwarded-for": "6.6.6.6, 7.7.7.7",
      "x-forwarded-for": "6.6.6.6",
      "x-real-ip": "6.6.6.6",
    });
    expect(clientIp(spoofed)).toBe("198.51.100.7");
  });

  it("with one trusted proxy takes the entry that proxy appended, not the client's leftmost", () => {
    vi.stubEnv("TRUST_PROXY_HOPS", "1");
    // The client sent "X-Forwarded-For: 6.6.6.6"; the proxy (10.0.0.2) appended the real client.
    const headers = h({ "x-shop-peer-address": "10.0.0.2", "x-shop-forwarded-for": "6.6.6.6, 198.51.100.7" });
    expect(clientIp(headers)).toBe("198.51.100.7");
    expect(clientIp(h({ "x-shop-peer-address": "10.0.0.2", "x-shop-forwarded-for": "198.51.100.7" }))).toBe("198.51.100.7");
  });

  it("counts hops from the right and stops at the first entry", () => {
    const headers = h({ "x-shop-peer-address": "10.0.0.2", "x-shop-forwarded-for": " 192.0.2.1 ,, 192.0.2.2 , 10.0.0.3" });
    const at = (hops: string) => (vi.stubEnv("TRUST_PROXY_HOPS", hops), clientIp(headers));
    expect(at("0")).toBe("10.0.0.2");
    expect(at("1")).toBe("10.0.0.3");
    expect(at("2")).toBe("192.0.2.2");
    expect(at("3")).toBe("192.0.2.1");
    expect(at("9")).toBe("192.0.2.1");
    // Proxy trusted but nothing forwarded (a direct connection): the peer is all there is.
    vi.stubEnv("TRUST_PROXY_HOPS", "2");
    expect(clientIp(h({ "x-shop-peer-address": "198.51.100.7" }))).toBe("198.51.100.7");
  });

  it("treats an invalid hop count as no trusted proxy", () => {
    const headers = h({ "x-shop-peer-address": "10.0.0.2", "x-shop-forwarded-for": "6.6.6.6" });
    for (const hops of ["", "abc", "-1", "1.5", "1e1", " 1"]) {
      vi.stubEnv("TRUST_PROXY_HOPS", hops);
      expect(clientIp(headers), hops).toBe("10.0.0.2");
    }
  });

  it("normalises IPv4-mapped IPv6, ports, brackets and case", () => {
    expect(clientIp(h({ "x-shop-peer-address": "::ffff:198.51.100.7" }))).toBe("198.51.100.7");
    expect(clientIp(h({ "x-shop-peer-address": "2001:DB8::1" }))).toBe("2001:db8::1");
    vi.stubEnv("TRUST_PROXY_HOPS", "1");
    expect(clientIp(h({ "x-shop-peer-address": "10.0.0.2", "x-shop-forwarded-for": "198.51.100.7:4711" }))).toBe("198.51.100.7");
    expect(clientIp(h({ "x-shop-peer-address": "10.0.0.2", "x-shop-forwarded-for": "[2001:db8::2]:443" }))).toBe("2001:db8::2");
    expect(clientIp(h({ "x-shop-peer-address": "10.0.0.2", "x-shop-forwarded-for": "::FFFF:192.0.2.8" }))).toBe("192.0.2.8");
  });

  it("ends trust at an entry that is no address, answering with the nearest valid one to its right", () => {
    const headers = h({ "x-shop-peer-address": "10.0.0.2", "x-shop-forwarded-for": "192.0.2.1, unknown, 192.0.2.4" });
    vi.stubEnv("TRUST_PROXY_HOPS", "2"); // would be "unknown"
    expect(clientIp(headers)).toBe("192.0.2.4");
    vi.stubEnv("TRUST_PROXY_HOPS", "3"); // would be 192.0.2.1, but trust ended at "unknown"
    expect(clientIp(headers)).toBe("192.0.2.4");
    vi.stubEnv("TRUST_PROXY_HOPS", "1");
    expect(clientIp(headers)).toBe("192.0.2.4");
    const bad = h({ "x-shop-peer-address": "10.0.0.2", "x-shop-forwarded-for": "192.0.2.1, 1.2.3.4.5, 300.1.1.1" });
    vi.stubEnv("TRUST_PROXY_HOPS", "2");
    expect(clientIp(bad)).toBe("10.0.0.2");
  });

  it("is unknown when the peer itself is missing or not an address", () => {
    expect(clientIp(h({}))).toBeNull();
    expect(clientIp(h({ "x-shop-forwarded-for": "198.51.100.7" }))).toBeNull();
    expect(clientIp(h({ "x-shop-peer-address": "localhost" }))).toBeNull();
    vi.stubEnv("TRUST_PROXY_HOPS", "1");
    expect(clientIp(h({ "x-shop-forwarded-for": "198.51.100.7" }))).toBeNull();
  });

  it("takes precedence over a Vercel environment", () => {
    vi.stubEnv("VERCEL", "1");
    expect(clientIp(h({ "x-shop-peer-address": "198.51.100.7", "x-vercel-forwarded-for": "203.0.113.9" }))).toBe("198.51.100.7");
  });
});

describe("client address on Vercel", () => {
  beforeEach(() => vi.stubEnv("VERCEL", "1"));

  it("uses Vercel's own headers and never X-Forwarded-For", () => {
    expect(clientIp(h({ "x-vercel-forwarded-for": "203.0.113.9, 10.1.1.1", "x-forwarded-for": "6.6.6.6" }))).toBe("203.0.113.9");
    expect(clientIp(h({ "x-real-ip": "203.0.113.10", "x-forwarded-for": "6.6.6.6" }))).toBe("203.0.113.10");
    expect(clientIp(h({ "x-forwarded-for": "6.6.6.6" }))).toBeNull();
  });

  it("ignores a header that holds no address", () => {
    expect(clientIp(h({ "x-vercel-forwarded-for": "nonsense", "x-real-ip": "203.0.113.10" }))).toBe("203.0.113.10");
    expect(clientIp(h({ "x-real-ip": "nonsense" }))).toBeNull();
  });
});

describe("throttle address keys", () => {
  it("count an IPv6 /64 as one address and leave IPv4 as it is", async () => {
    const { addressKey } = await import("@/lib/auth/throttle");
    expect(addressKey("203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("2001:db8:abcd:12:1::5")).toBe("2001:db8:abcd:12::/64");
    expect(addressKey("2001:db8:abcd:12:ffff:1:2:3")).toBe("2001:db8:abcd:12::/64");
    expect(addressKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
  });
});
