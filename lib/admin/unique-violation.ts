/**
 * Whether a failed statement broke a unique constraint (SQLSTATE 23505). Drizzle wraps the driver's
 * error, so the code may sit on the error or on its cause (postgres.js and PGlite alike).
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint_name, constraint: pgliteConstraint } = e as { code?: string; constraint_name?: string; constraint?: string };
    if (code === "23505") return !constraint || constraint === (constraint_name ?? pgliteConstraint);
  }
  return false;
}
