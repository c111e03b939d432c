import "server-only";
import { and, eq, or, sql } from "drizzle-orm";
import { authThrottle } from "@/db/schema";
import { getDb } from "@/lib/db/client";

// Counts live in the database so every app instance enforces the same limit.
const limit = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

export const THROTTLE = {
  windowSeconds: 15 * 60,
  login: limit(process.env.AUTH_THROTTLE_LOGIN_LIMIT, 5), // failures per username
  ip: limit(process.env.AUTH_THROTTLE_IP_LIMIT, 30), // failures per client address
} as const;

export type ThrottleKey = { scope: "login" | "ip"; key: string };

export function throttleKeys(username: string, ip: string | null): ThrottleKey[] {
  const keys: ThrottleKey[] = [{ scope: "login", key: username.trim().toLowerCase() }];
  if (ip) keys.push({ scope: "ip", key: ip });
  return keys;
}

export async function isThrottled(keys: ThrottleKey[]): Promise<boolean> {
  const db = await getDb();
  const rows = await db
    .select({ scope: authThrottle.scope, failures: authThrottle.failures })
    .from(authThrottle)
    .where(
      and(
        or(...keys.map((k) => and(eq(authThrottle.scope, k.scope), eq(authThrottle.key, k.key)))),
        sql`${authThrottle.windowStart} > now() - make_interval(secs => ${THROTTLE.windowSeconds})`,
      ),
    );
  return rows.some((r) => r.failures >= THROTTLE[r.scope]);
}

export async function recordFailure(keys: ThrottleKey[]): Promise<void> {
  const db = await getDb();
  const expired = sql`${authThrottle.windowStart} <= now() - make_interval(secs => ${THROTTLE.windowSeconds})`;
  // One atomic upsert per key: parallel failures are all counted.
  for (const k of keys) {
    await db
      .insert(authThrottle)
      .values({ scope: k.scope, key: k.key, failures: 1 })
      .onConflictDoUpdate({
        target: [authThrottle.scope, authThrottle.key],
        set: {
          failures: sql`case when ${expired} then 1 else ${authThrottle.failures} + 1 end`,
          windowStart: sql`case when ${expired} then now() else ${authThrottle.windowStart} end`,
        },
      });
  }
}

export async function clearFailures(username: string): Promise<void> {
  const db = await getDb();
  await db
    .delete(authThrottle)
    .where(and(eq(authThrottle.scope, "login"), eq(authThrottle.key, username.trim().toLowerCase())));
}
