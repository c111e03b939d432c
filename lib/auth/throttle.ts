import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { authThrottle } from "@/db/schema";
import { getDb } from "@/lib/db/client";

// Counts live in the database so every app instance enforces the same limits. Each attempt is
// counted *before* the password is checked, in one statement, so parallel guesses cannot all slip
// through between a check and a count.
const limit = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

export const THROTTLE = {
  windowSeconds: 15 * 60,
  login: limit(process.env.AUTH_THROTTLE_LOGIN_LIMIT, 5), // guesses per username from one address
  user: limit(process.env.AUTH_THROTTLE_USER_LIMIT, 50), // guesses per username from all addresses
  ip: limit(process.env.AUTH_THROTTLE_IP_LIMIT, 30), // guesses per address for all usernames
  register: limit(process.env.AUTH_THROTTLE_REGISTER_LIMIT, 10), // registration attempts per address
} as const;

export type ThrottleScope = (typeof authThrottle.$inferSelect)["scope"];
export type ThrottleKey = { scope: ThrottleScope; key: string };
export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const LIMITS: Record<ThrottleScope, number> = { "user-ip": THROTTLE.login, user: THROTTLE.user, ip: THROTTLE.ip, register: THROTTLE.register };

/**
 * The counter a login name belongs to: the user it resolves to when there is one, so a user's
 * e-mail address and its customer's debtor number are one username; else the name as typed.
 */
export function loginUserKey(userId: number | string | null, login: string): string {
  return userId === null ? `n:${login.trim().toLowerCase()}` : `u:${userId}`;
}

/**
 * Per username and address (so a stranger's guesses do not lock the owner out elsewhere), per
 * username across addresses (a higher ceiling against distributed guessing), per address.
 */
export function loginThrottleKeys(userKey: string, address: string | null): ThrottleKey[] {
  const ip = address === null ? null : addressKey(address);
  const keys: ThrottleKey[] = [
    { scope: "user-ip", key: `${userKey}|${ip ?? "unknown"}` },
    { scope: "user", key: userKey },
  ];
  // Without a known address there is no address counter: one shared by every such request would
  // let anyone lock out everyone.
  if (ip) keys.push({ scope: "ip", key: ip });
  return inLockOrder(keys);
}

/**
 * The counter an address belongs to. One IPv6 subscriber routinely holds a whole /64, so those count
 * as one address; anything else is counted as given.
 */
export function addressKey(ip: string): string {
  if (!ip.includes(":")) return ip;
  const [head = "", tail = ""] = ip.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

// Every multi-row statement here locks its rows in VALUES order; one fixed order (scope names sort
// the same in JS and in the "C" collation) means two statements can never wait for each other.
function inLockOrder(keys: ThrottleKey[]): ThrottleKey[] {
  return [...keys].sort((a, b) => (a.scope < b.scope ? -1 : a.scope > b.scope ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

const windowLength = sql`make_interval(secs => ${THROTTLE.windowSeconds})`;

/**
 * Counts one attempt on every key in one statement. Allowed iff every key's new count is within its
 * limit; a refused attempt is taken back at once, so refusals never pile up (hammering from one
 * address must not push the shared per-user count towards its ceiling).
 */
export async function countAttempt(keys: ThrottleKey[]): Promise<ThrottleDecision> {
  const db = await getDb();
  await pruneNowAndThen();
  // A row whose fixed window has ended starts again at 1.
  const expired = sql`${authThrottle.windowStart} <= now() - ${windowLength}`;
  const rows = await db
    .insert(authThrottle)
    .values(inLockOrder(keys).map((k) => ({ scope: k.scope, key: k.key, attempts: 1 })))
    .onConflictDoUpdate({
      target: [authThrottle.scope, authThrottle.key],
      set: {
        attempts: sql`case when ${expired} then 1 else ${authThrottle.attempts} + 1 end`,
        windowStart: sql`case when ${expired} then now() else ${authThrottle.windowStart} end`,
      },
    })
    .returning({
      scope: authThrottle.scope,
      attempts: authThrottle.attempts,
      retryAfterSeconds: sql<number>`greatest(1, ceil(extract(epoch from ${authThrottle.windowStart} + ${windowLength} - now())))::int`,
    });
  const over = rows.filter((r) => r.attempts > LIMITS[r.scope]);
  if (over.length === 0) return { allowed: true };
  await takeBackAttempt(keys);
  return { allowed: false, retryAfterSeconds: Math.max(...over.map((r) => Number(r.retryAfterSeconds))) };
}

// Rows whose window has ended are worth nothing; clearing them on a small share of attempts keeps
// the table bounded without a job (an indexed range delete).
let untilPrune = 0;
async function pruneNowAndThen() {
  if (--untilPrune > 0) return;
  untilPrune = 200;
  const db = await getDb();
  await db.delete(authThrottle).where(sql`${authThrottle.windowStart} < now() - ${windowLength} - interval '1 minute'`);
}

/**
 * Undoes one counted attempt on every key, in one statement. Same statement shape as the count, so
 * the same row-lock order. A row another request removed meanwhile comes back at 0, which counts
 * nothing; a window that restarted meanwhile loses one count, which errs towards the user.
 */
export async function takeBackAttempt(keys: ThrottleKey[]): Promise<void> {
  if (keys.length === 0) return;
  const db = await getDb();
  await db
    .insert(authThrottle)
    .values(inLockOrder(keys).map((k) => ({ scope: k.scope, key: k.key, attempts: 0 })))
    .onConflictDoUpdate({
      target: [authThrottle.scope, authThrottle.key],
      set: { attempts: sql`greatest(${authThrottle.attempts} - 1, 0)` },
    });
}

/**
 * After the right password (a sign-in, or a disabled account): it was no guess, so it counts against
 * no limit, and this address's count for the user starts afresh.
 */
export async function forgetAttempt(keys: ThrottleKey[]): Promise<void> {
  await takeBackAttempt(keys.filter((k) => k.scope !== "user-ip"));
  const db = await getDb();
  for (const k of keys.filter((k) => k.scope === "user-ip")) {
    await db.delete(authThrottle).where(and(eq(authThrottle.scope, k.scope), eq(authThrottle.key, k.key)));
  }
}

/**
 * Counts a registration attempt (successful ones too: every one costs a password hash and may
 * create an account). Requests without a known address share one counter, so a deployment that
 * cannot tell addresses apart still has a bound.
 */
export function countRegistrationAttempt(ip: string | null): Promise<ThrottleDecision> {
  return countAttempt([{ scope: "register", key: ip === null ? "unknown" : addressKey(ip) }]);
}
