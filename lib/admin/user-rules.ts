import "server-only";
import { eq, sql } from "drizzle-orm";
import { customers, users } from "@/db/schema";
import type { Tx } from "@/lib/db/client";
import type { WriteResult } from "./result";

/** A user's attributes the audit log follows (never the password or its hash). */
export const USER_AUDITED = ["email", "name", "role", "active"] as const;

export function userAuditView(u: { email: string; name: string; role: string; active: boolean }) {
  return { email: u.email, name: u.name, role: u.role, active: u.active };
}

/** Who has this e-mail address already (any case), for the message next to the field. */
export async function emailTakenMessage(tx: Tx, email: string): Promise<string> {
  const [owner] = await tx
    .select({ name: users.name, customer: customers.name })
    .from(users)
    .innerJoin(customers, eq(customers.id, users.customerId))
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return owner ? `This e-mail address is already used by ${owner.name} (${owner.customer})` : "This e-mail address is already used by another account";
}

/** A unique index refused the write (PostgreSQL and PGlite both report SQLSTATE 23505). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint: c, constraint_name: cn } = e as { code?: string; constraint?: string; constraint_name?: string };
    if (code === "23505") return c === constraint || cn === constraint || String((e as Error).message ?? "").includes(constraint);
  }
  return false;
}

/** Thrown inside a transaction to undo what it wrote and answer `result` instead. */
export class Rollback extends Error {
  constructor(readonly result: Extract<WriteResult, { ok: false }>) {
    super(result.message);
  }
}
