import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { customers, users } from "@/db/schema";
import { getDb } from "@/lib/db/client";
import { burnPasswordCheck, PasswordHashBusyError, verifyPassword } from "./password";
import { countAttempt, forgetAttempt, loginThrottleKeys, loginUserKey, takeBackAttempt } from "./throttle";

// No control characters (U+0000–U+001F, U+007F): a NUL would reach PostgreSQL (which refuses it in
// text), and scrypt's HMAC pads short keys with zero bytes, so "pass\0" would open "pass". Checked on
// the raw value, before trimming, so none is quietly dropped either.
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]*$/;
const noControlCharacters = (what: string) => `Remove the control characters (such as line breaks) from ${what}`;

export const credentialsSchema = z.object({
  username: z
    .string()
    .regex(NO_CONTROL_CHARACTERS, noControlCharacters("the e-mail address or debtor number"))
    .trim()
    .min(1, "Enter your e-mail address or debtor number")
    .max(254, "That is too long"),
  password: z
    .string()
    .regex(NO_CONTROL_CHARACTERS, noControlCharacters("the password"))
    .min(1, "Enter your password")
    .max(1024, "That is too long"),
});

export type SignedInUser = { id: string; email: string; name: string };

export type CredentialsResult =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: "invalid" | "disabled" }
  | { ok: false; reason: "throttled" | "busy"; retryAfterSeconds: number };

// Every hashing slot taken usually clears within a second or two.
const BUSY_RETRY_SECONDS = 5;

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

/**
 * The single credentials check behind /login and /ocihome. The attempt is counted before the
 * password is checked (see ./throttle), and only a wrong password stays counted.
 */
export async function verifyCredentials(input: unknown, ip: string | null): Promise<CredentialsResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { username, password } = parsed.data;

  const user = await findUserByLogin(username);
  const keys = loginThrottleKeys(loginUserKey(user?.id ?? null, username), ip);
  const attempt = await countAttempt(keys);
  if (!attempt.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: attempt.retryAfterSeconds };

  let valid: boolean;
  try {
    valid = user ? await verifyPassword(password, user.passwordHash) : (await burnPasswordCheck(password), false);
  } catch (error) {
    if (!(error instanceof PasswordHashBusyError)) throw error;
    // Nothing was checked, so it was no guess.
    await takeBackAttempt(keys);
    return { ok: false, reason: "busy", retryAfterSeconds: BUSY_RETRY_SECONDS };
  }
  if (!user || !valid) return { ok: false, reason: "invalid" };

  // The right password is no guess, also for a disabled account.
  await forgetAttempt(keys);
  // Only someone who knows the password learns that the account is disabled.
  if (!user.active || !user.customerActive) return { ok: false, reason: "disabled" };
  return { ok: true, user: { id: String(user.id), email: user.email, name: user.name } };
}
