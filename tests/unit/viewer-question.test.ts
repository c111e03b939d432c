import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// The visitor question of a page view: the root layout's parts that show the visitor (account
// links, cart count, punchout notice) share one /api/viewer request, and the header asks again when
// it mounts again after the answer (a server action that lands on the same page remounts it).

const answer = { account: null, punchout: null, cartCount: 0 };

describe("the viewer question", () => {
  let calls: string[];

  beforeEach(() => {
    vi.resetModules();
    calls = [];
    vi.stubGlobal("fetch", async (url: string) => {
      calls.push(url);
      return new Response(JSON.stringify(answer), { headers: { "content-type": "application/json" } });
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  const answered = () => new Promise((r) => setTimeout(r, 0));

  it("is shared by every part that asks while it is on its way", async () => {
    const { askOnNavigation } = await import("@/components/viewer/use-viewer");
    askOnNavigation("/products/a");
    askOnNavigation("/products/a");
    askOnNavigation("/products/a");
    await answered();
    expect(calls).toEqual(["/api/viewer"]);
  });

  it("is asked again by a header mounted again after the answer, and on the next page", async () => {
    const { askOnNavigation } = await import("@/components/viewer/use-viewer");
    askOnNavigation("/");
    await answered();
    askOnNavigation("/");
    await answered();
    askOnNavigation("/cart");
    await answered();
    expect(calls).toEqual(["/api/viewer", "/api/viewer", "/api/viewer"]);
  });
});
