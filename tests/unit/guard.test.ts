import { describe, expect, it } from "vitest";
import { guarded } from "@/lib/http/guard";

describe("route guard", () => {
  it("turns an unexpected failure into a 503 with a sentence", async () => {
    const handler = guarded(async () => {
      throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
    });
    const res = await handler();
    expect(res.status).toBe(503);
    const body = (await res.json()) as { error: string };
    expect(body.error).toMatch(/temporarily unavailable/);
    expect(JSON.stringify(body)).not.toContain("ECONNREFUSED");
  });

  it("passes answers through untouched", async () => {
    const res = await guarded(async () => new Response("ok", { status: 201 }))();
    expect(res.status).toBe(201);
  });
});
