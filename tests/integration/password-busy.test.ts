import { eq, like, or } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";

// The production gate, configured the way an operator would (before the module loads): one scrypt
// at a time, one waiting. The wait is generous so that only the queue bound decides who is refused,
// even on a loaded machine where one scrypt takes over a second.
vi.hoisted(() => {
  process.env.AUTH_HASH_CONCURRENCY = "1";
  process.env.AUTH_HASH_QUEUE = "1";
  process.env.AUTH_HASH_WAIT_MS = "30000";
});

import { authThrottle } from "@/db/schema";
import { verifyCredentials } from "@/lib/auth/credentials";
import { HASH_LIMITS, PasswordHashBusyError, verifyPassword } from "@/lib/auth/password";
import { makeWorld } from "../support/fixtures";

describe("bounded password hashing", () => {
  it("reads its limits from the environment", () => {
    expect(HASH_LIMITS).toEqual({ concurrency: 1, queue: 1, waitMs: 30000 });
  });

  it("refuses verifications beyond the running one and the queued one; those it runs are right", async () => {
    const w = await makeWorld();
    const settled = await Promise.allSettled([
      verifyPassword("secret-pass-1", w.buyer.passwordHash),
      verifyPassword("wrong", w.buyer.passwordHash),
      verifyPassword("secret-pass-1", w.buyer.passwordHash),
      verifyPassword("secret-pass-1", w.buyer.passwordHash),
    ]);
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "fulfilled", "rejected", "rejected"]);
    expect(settled.slice(0, 2).map((s) => (s as PromiseFulfilledResult<boolean>).value)).toEqual([true, false]);
    for (const s of settled.slice(2)) expect((s as PromiseRejectedResult).reason).toBeInstanceOf(PasswordHashBusyError);
    // Nothing stays taken: a verification afterwards runs normally.
    expect(await verifyPassword("secret-pass-1", w.buyer.passwordHash)).toBe(true);
  });

  it("answers a sign-in that finds the gate full with 'busy', and takes its attempt back", async () => {
    const w = await makeWorld();
    const ips = ["192.0.2.201", "192.0.2.202", "192.0.2.203", "192.0.2.204"];
    const results = await Promise.all(ips.map((ip) => verifyCredentials({ username: w.buyer.email, password: "secret-pass-1" }, ip)));
    const busy = results.filter((r) => !r.ok && r.reason === "busy");
    const ok = results.filter((r) => r.ok);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    expect(busy.length + ok.length).toBe(4);
    for (const r of busy) expect(r).toEqual({ ok: false, reason: "busy", retryAfterSeconds: 5 });
    for (const r of ok) expect(r).toMatchObject({ ok: true, user: { id: String(w.buyer.id) } });

    // Neither a sign-in nor a refusal for want of a hashing slot is a guess: no counter moved.
    const counters = await w.db
      .select({ scope: authThrottle.scope, attempts: authThrottle.attempts })
      .from(authThrottle)
      .where(or(eq(authThrottle.key, `u:${w.buyer.id}`), like(authThrottle.key, `u:${w.buyer.id}|%`)));
    expect(counters.filter((c) => c.attempts > 0)).toEqual([]);
    const addressCounters = await w.db.select({ attempts: authThrottle.attempts }).from(authThrottle).where(eq(authThrottle.key, ips[0]!));
    expect(addressCounters.every((c) => c.attempts === 0)).toBe(true);
  });
});
