import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { verifyCredentials } from "@/lib/auth/credentials";
import { registerConsumer } from "@/lib/auth/register";
import { THROTTLE } from "@/lib/auth/throttle";
import { eq } from "drizzle-orm";
import { makeWorld } from "../support/fixtures";

describe("credentials", () => {
  it("signs in by e-mail (any case) and by debtor number (the primary buyer)", async () => {
    const w = await makeWorld();
    const byEmail = await verifyCredentials({ username: w.buyer.email.toUpperCase(), password: "secret-pass-1" }, "10.0.0.1");
    expect(byEmail).toMatchObject({ ok: true, user: { id: String(w.buyer.id) } });
    const byDebtor = await verifyCredentials({ username: w.b2b.debtorNumber, password: "secret-pass-1" }, "10.0.0.1");
    expect(byDebtor).toMatchObject({ ok: true, user: { id: String(w.buyer.id) } });
  });

  it("gives the same answer for an unknown user and a wrong password", async () => {
    const w = await makeWorld();
    expect(await verifyCredentials({ username: w.buyer.email, password: "wrong" }, null)).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials({ username: "nobody@example.com", password: "wrong" }, null)).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials({ username: "", password: "" }, null)).toEqual({ ok: false, reason: "invalid" });
  });

  it("tells a disabled account apart only to someone who knows the password", async () => {
    const w = await makeWorld();
    await w.db.update(users).set({ active: false }).where(eq(users.id, w.buyer.id));
    expect(await verifyCredentials({ username: w.buyer.email, password: "wrong" }, null)).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials({ username: w.buyer.email, password: "secret-pass-1" }, null)).toEqual({ ok: false, reason: "disabled" });
  });

  it("throttles repeated failures per username, even when they arrive in parallel", async () => {
    const w = await makeWorld();
    await Promise.all(Array.from({ length: THROTTLE.login }, () => verifyCredentials({ username: w.shopper.email, password: "wrong" }, null)));
    // Even the right password is refused while the limit holds.
    expect(await verifyCredentials({ username: w.shopper.email, password: "secret-pass-1" }, null)).toEqual({ ok: false, reason: "throttled" });
    // Other users are not affected.
    expect((await verifyCredentials({ username: w.buyer.email, password: "secret-pass-1" }, null)).ok).toBe(true);
  });

  it("throttles one address trying many usernames", async () => {
    await makeWorld();
    const ip = `192.0.2.${Math.floor(Math.random() * 200)}`;
    for (let i = 0; i < THROTTLE.ip; i++) await verifyCredentials({ username: `guess-${i}@example.com`, password: "x" }, ip);
    expect(await verifyCredentials({ username: "another@example.com", password: "x" }, ip)).toEqual({ ok: false, reason: "throttled" });
  });
});

describe("registration", () => {
  it("creates a consumer and refuses a taken e-mail, also when two arrive at once", async () => {
    const email = `reg-${Date.now()}@example.com`;
    const input = { name: "Pieter Jansen", email, password: "correct-horse-1", passwordConfirm: "correct-horse-1" };
    const results = await Promise.all([registerConsumer(input), registerConsumer(input)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ message: expect.stringMatching(/already exists/) });
  });
});
