import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { customers, users } from "@/db/schema";
import { getDb } from "@/lib/db/client";
import { burnPasswordCheck, verifyPassword } from "./password";
import { clearFailures, isThrottled, recordFailure, throttleKeys } from "./throttle";

export const credentialsSchema = z.object({
  username: z.string().trim().min(1, "Enter your e-mail address or debtor number").max(254, "That is too long"),
  password: z.string().min(1, "Enter your password").max(1024, "That is too long"),
});

export type SignedInUser = { id: string; email: string; name: string };

export type CredentialsResult =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: "invalid" | "throttled" | "disabled" };

/** Finds the user a login name means: an e-mail, or a debtor number (that customer's primary buyer). */
export async function findUserByLogin(username: string) {
  const db = await getDb();
  const login = username.trim();
  const where = login.includes("@")
    ? sql`lower(${users.email}) = ${login.toLowerCase()}`
    : and(eq(customers.debtorNumber, login), eq(users.isPrimary, true));
  const [row] = await db
    .select({
      id: users.id,
      customerId: users.customerId,
      email: users.email,
      name: users.name,
      passwordHash: users.passwordHash,
      active: users.active,
      customerActive: customers.active,
    })
    .from(users)
    .innerJoin(customers, eq(customers.id, users.customerId))
    .where(where)
    .limit(1);
  return row ?? null;
}

/** The single credentials check behind /login and /ocihome. */
export async function verifyCredentials(input: unknown, ip: string | null): Promise<CredentialsResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { username, password } = parsed.data;
  const keys = throttleKeys(username, ip);
  if (await isThrottled(keys)) return { ok: false, reason: "throttled" };

  const user = await findUserByLogin(username);
  const valid = user ? await verifyPassword(password, user.passwordHash) : (await burnPasswordCheck(password), false);
  if (!user || !valid) {
    await recordFailure(keys);
    return { ok: false, reason: "invalid" };
  }
  // Only someone who knows the password learns that the account is disabled.
  if (!user.active || !user.customerActive) return { ok: false, reason: "disabled" };
  await clearFailures(username);
  return { ok: true, user: { id: String(user.id), email: user.email, name: user.name } };
}
