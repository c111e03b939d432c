import { describe, expect, it } from "vitest";
// @ts-expect-error plain ESM script without types
import { stampPeer, tooLarge } from "../../scripts/peer-headers.mjs";

type FakeReq = { headers: Record<string, string | string[]>; rawHeaders: string[]; socket: { remoteAddress?: string; destroySoon?: () => void } };

function req(headers: [string, string][], remoteAddress = "203.0.113.7"): FakeReq {
  return { headers: Object.fromEntries(headers.map(([k, v]) => [k.toLowerCase(), v])), rawHeaders: headers.flat(), socket: { remoteAddress } };
}

describe("the production launcher's request stamp", () => {
  it("replaces client-sent peer headers with the socket's address, everywhere Next could read them", () => {
    const r = req([["Host", "shop"], ["X-Shop-Peer-Address", "6.6.6.6"], ["x-shop-forwarded-for", "6.6.6.6"], ["X-Forwarded-For", "1.2.3.4, 10.0.0.1"]]);
    stampPeer(r);
    expect(r.headers["x-shop-peer-address"]).toBe("203.0.113.7");
    expect(r.headers["x-shop-forwarded-for"]).toBe("1.2.3.4, 10.0.0.1");
    expect(r.rawHeaders.filter((_, i) => i % 2 === 0).map((h) => h.toLowerCase())).toEqual(["host", "x-forwarded-for", "x-shop-peer-address", "x-shop-forwarded-for"]);
    expect(r.rawHeaders).not.toContain("6.6.6.6");
  });

  it("leaves x-shop-forwarded-for absent when no X-Forwarded-For arrived", () => {
    const r = req([["x-shop-forwarded-for", "6.6.6.6"]]);
    stampPeer(r);
    expect(r.headers["x-shop-forwarded-for"]).toBeUndefined();
  });

  it("answers a body declared over the limit with 413 before reading it", () => {
    let status = 0;
    const res = { writeHead: (s: number) => void (status = s), end: () => {} };
    expect(tooLarge(req([["Content-Length", "50000000"]]), res)).toBe(true);
    expect(status).toBe(413);
    expect(tooLarge(req([["Content-Length", "2000"]]), res)).toBe(false);
    expect(tooLarge(req([]), res)).toBe(false);
  });
});
