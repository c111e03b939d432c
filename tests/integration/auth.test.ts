import { describe, expect, it, vi } from "vitest";

// Smaller ceilings than production so the ceilings themselves can be reached in a few seconds (each
// wrong guess is one real scrypt). The hashing gate may queue without giving up here: these tests
// are about counting; the gate's own refusals are tested in password-busy.test.ts.
vi.hoisted(() => {
  process.env.AUTH_THROTTLE_USER_LIMIT = "8";
  process.env.AUTH_THROTTLE_IP_LIMIT = "12";
  process.env.AUTH_HASH_QUEUE = "100";
  process.env.AUTH_HASH_WAIT_MS = "600000";
});

import { eq, like } from "drizzle-orm";
import { authThrottle, users } from "@/db/schema";
import { credentialsSchema, verifyCredentials } from "@/lib/auth/credentials";
import { registerConsumer } from "@/lib/auth/register";
import { countRegistrationAttempt, THROTTLE } from "@/lib/auth/throttle";
import { makeWorld } from "../support/fixtures";

const RIGHT = "secret-pass-1";
let lastOctet = 0;
/** A fresh address per use, so tests in this file never share an address counter. */
const newIp = () => `198.51.${100 + Math.floor(++lastOctet / 250)}.${lastOctet % 250}`;
const throttled = { ok: false, reason: "throttled", retryAfterSeconds: expect.any(Number) };

describe("credentials", () => {
  it("uses the smaller test ceilings", () => {
    expect(THROTTLE).toMatchObject({ login: 5, user: 8, ip: 12, register: 10, windowSeconds: 900 });
  });

  it("signs in by e-mail (any case) and by debtor number (the primary buyer)", async () => {
    const w = await makeWorld();
    const byEmail = await verifyCredentials({ username: w.buyer.email.toUpperCase(), password: RIGHT }, "10.0.0.1");
    expect(byEmail).toMatchObject({ ok: true, user: { id: String(w.buyer.id) } });
    const byDebtor = await verifyCredentials({ username: w.b2b.debtorNumber, password: RIGHT }, "10.0.0.1");
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
    expect(await verifyCredentials({ username: w.buyer.email, password: RIGHT }, null)).toEqual({ ok: false, reason: "disabled" });
  });

  it("does not count the right password of a disabled account as a guess", async () => {
    const w = await makeWorld();
    await w.db.update(users).set({ active: false }).where(eq(users.id, w.buyer.id));
    const ip = newIp();
    for (let i = 0; i <= THROTTLE.login; i++) {
      expect(await verifyCredentials({ username: w.buyer.email, password: RIGHT }, ip)).toEqual({ ok: false, reason: "disabled" });
    }
  });
});

describe("credentials input", () => {
  it("refuses control characters with a sentence, before anything else", () => {
    const username = credentialsSchema.safeParse({ username: "a\u0000@example.com", password: "x" });
    expect(username.success).toBe(false);
    expect(username.error?.issues[0]).toMatchObject({ path: ["username"], message: expect.stringMatching(/^Remove the control characters \(such as line breaks\) from/) });
    const password = credentialsSchema.safeParse({ username: "a@example.com", password: "x\ty" });
    expect(password.error?.issues[0]).toMatchObject({ path: ["password"], message: expect.stringMatching(/^Remove the control characters/) });
    expect(credentialsSchema.safeParse({ username: " a@example.com ", password: "pass with spaces" }).success).toBe(true);
  });

  it("never signs in with a NUL appended to the right password, nor lets a NUL reach the database", async () => {
    const w = await makeWorld();
    const ip = newIp();
    // HMAC pads short keys with zero bytes, so to scrypt "secret-pass-1\0" *is* "secret-pass-1".
    expect(await verifyCredentials({ username: w.buyer.email, password: `${RIGHT}\u0000` }, ip)).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials({ username: w.buyer.email, password: `${RIGHT}\n` }, ip)).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials({ username: `${w.buyer.email}\u0000`, password: RIGHT }, ip)).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials({ username: "\u0000", password: RIGHT }, ip)).toEqual({ ok: false, reason: "invalid" });
    // Refused before any query: not even an attempt was counted.
    expect(await w.db.select().from(authThrottle).where(like(authThrottle.key, `%${ip}`))).toEqual([]);
    expect(await verifyCredentials({ username: w.buyer.email, password: RIGHT }, ip)).toMatchObject({ ok: true });
  });
});

describe("sign-in throttling", () => {
  it("checks at most the limit's worth of wrong passwords sent in parallel; another address still signs in", async () => {
    const w = await makeWorld();
    const ip = newIp();
    const results = await Promise.all(Array.from({ length: 12 }, () => verifyCredentials({ username: w.buyer.email, password: "wrong" }, ip)));
    const checked = results.filter((r) => !r.ok && r.reason === "invalid");
    const refused = results.filter((r) => !r.ok && r.reason === "throttled");
    expect(checked.length).toBeGreaterThanOrEqual(1);
    expect(checked.length).toBeLessThanOrEqual(THROTTLE.login);
    expect(checked.length + refused.length).toBe(12);
    for (const r of refused) expect(r).toEqual(throttled);
    for (const r of refused) expect((r as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);

    // The right password a moment later from the same address is refused too ...
    const same = await verifyCredentials({ username: w.buyer.email, password: RIGHT }, ip);
    expect(same).toEqual(throttled);
    expect((same as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(THROTTLE.windowSeconds);
    // ... but a stranger's guesses do not lock the owner out from elsewhere.
    expect(await verifyCredentials({ username: w.buyer.email, password: RIGHT }, newIp())).toMatchObject({ ok: true });
  });

  it("throttles repeated failures per username from an unknown address, even when they arrive in parallel", async () => {
    const w = await makeWorld();
    await Promise.all(Array.from({ length: THROTTLE.login }, () => verifyCredentials({ username: w.shopper.email, password: "wrong" }, null)));
    // Even the right password is refused while the limit holds.
    expect(await verifyCredentials({ username: w.shopper.email, password: RIGHT }, null)).toEqual(throttled);
    // Other users are not affected.
    expect((await verifyCredentials({ username: w.buyer.email, password: RIGHT }, null)).ok).toBe(true);
  });

  it("counts a user's e-mail address and debtor number as one username", async () => {
    const w = await makeWorld();
    const ip = newIp();
    for (let i = 0; i < 3; i++) expect(await verifyCredentials({ username: w.buyer.email, password: "wrong" }, ip)).toMatchObject({ reason: "invalid" });
    for (let i = 0; i < 2; i++) expect(await verifyCredentials({ username: w.b2b.debtorNumber, password: "wrong" }, ip)).toMatchObject({ reason: "invalid" });
    expect(await verifyCredentials({ username: w.buyer.email.toUpperCase(), password: RIGHT }, ip)).toEqual(throttled);
    expect(await verifyCredentials({ username: w.b2b.debtorNumber, password: RIGHT }, ip)).toEqual(throttled);
  });

  it("does not count a successful sign-in, and starts the address's count for that user afresh", async () => {
    const w = await makeWorld();
    const ip = newIp();
    const wrong = () => verifyCredentials({ username: w.buyer.email, password: "wrong" }, ip);
    for (let i = 0; i < THROTTLE.login - 1; i++) expect(await wrong()).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials({ username: w.buyer.email, password: RIGHT }, ip)).toMatchObject({ ok: true });
    // 4 wrong + 1 right + 4 wrong = 8 = the per-user ceiling: all four are still checked, which
    // fails if the success stayed counted, per address (5th attempt) or per user (9th).
    for (let i = 0; i < THROTTLE.user - (THROTTLE.login - 1); i++) expect(await wrong()).toEqual({ ok: false, reason: "invalid" });
  });

  it("stops guesses spread over many addresses at a higher per-user ceiling", async () => {
    const w = await makeWorld();
    for (let i = 0; i < THROTTLE.user; i++) {
      expect(await verifyCredentials({ username: w.buyer.email, password: "wrong" }, newIp())).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await verifyCredentials({ username: w.buyer.email, password: RIGHT }, newIp())).toEqual(throttled);
    // By debtor number too: it is the same user.
    expect(await verifyCredentials({ username: w.b2b.debtorNumber, password: RIGHT }, newIp())).toEqual(throttled);
  });

  it("does not let refusals from one throttled address push the per-user ceiling", async () => {
    const w = await makeWorld();
    const ip = newIp();
    for (let i = 0; i < THROTTLE.login; i++) await verifyCredentials({ username: w.buyer.email, password: "wrong" }, ip);
    const hammering = await Promise.all(Array.from({ length: 60 }, () => verifyCredentials({ username: w.buyer.email, password: "wrong" }, ip)));
    expect(hammering.every((r) => !r.ok && r.reason === "throttled")).toBe(true);
    expect(await verifyCredentials({ username: w.buyer.email, password: RIGHT }, newIp())).toMatchObject({ ok: true });
  });

  it("throttles one address trying many usernames", async () => {
    const w = await makeWorld();
    const ip = newIp();
    for (let i = 0; i < THROTTLE.ip; i++) {
      expect(await verifyCredentials({ username: `guess-${i}-${ip}@example.com`, password: "x" }, ip)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await verifyCredentials({ username: `another-${ip}@example.com`, password: "x" }, ip)).toEqual(throttled);
    // The address limit holds for real users too; other addresses are not affected.
    expect(await verifyCredentials({ username: w.buyer.email, password: RIGHT }, ip)).toEqual(throttled);
    expect(await verifyCredentials({ username: w.buyer.email, password: RIGHT }, newIp())).toMatchObject({ ok: true });
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

  it("limits attempts per address, also when they arrive in parallel, and only for that address", async () => {
    const ip = newIp();
    const results = await Promise.all(Array.from({ length: THROTTLE.register + 5 }, () => countRegistrationAttempt(ip)));
    expect(results.filter((r) => r.allowed)).toHaveLength(THROTTLE.register);
    const refused = results.filter((r) => !r.allowed);
    expect(refused).toHaveLength(5);
    for (const r of refused) expect(r.retryAfterSeconds).toBeGreaterThan(0);
    // Refusals are not counted, so the address is free again when the window ends, not later.
    expect(await countRegistrationAttempt(ip)).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) });
    expect(await countRegistrationAttempt(newIp())).toEqual({ allowed: true });
  });
});
