import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { authSessions, customers, users } from "@/db/schema";
import { getDb } from "@/lib/db/client";
import { isSessionId } from "./sessions";

export type Viewer = {
  userId: number;
  email: string;
  name: string;
  role: "buyer" | "admin";
  customer: {
    id: number;
    kind: "b2b" | "consumer";
    name: string;
    debtorNumber: string | null;
    priceListId: number | null;
    ociVendorNumber: string | null;
    /** How VAT applies to this customer's purchases (see PriceContext.vatExempt). */
    vatMode: "standard" | "reverse_charge" | "export";
  };
};

/** The same check for a session already decoded (the proxy decodes the cookie itself). */
export async function viewerOfSession(userId: unknown, sid: unknown): Promise<Viewer | null> {
  const id = Number(userId);
  if (!Number.isSafeInteger(id) || id <= 0 || !isSessionId(sid)) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      active: users.active,
      customerActive: customers.active,
      customer: {
        id: customers.id,
        kind: customers.kind,
        name: customers.name,
        debtorNumber: customers.debtorNumber,
        priceListId: customers.priceListId,
        ociVendorNumber: customers.ociVendorNumber,
        vatMode: customers.vatMode,
      },
    })
    .from(users)
    .innerJoin(customers, eq(customers.id, users.customerId))
    // The session must still be open on the server: a signed-out cookie copy finds no row.
    .innerJoin(authSessions, and(eq(authSessions.id, sid), eq(authSessions.userId, users.id), isNull(authSessions.endedAt), gt(authSessions.expiresAt, sql`now()`)))
    .where(eq(users.id, id))
    .limit(1);
  if (!row || !row.active || !row.customerActive) return null;
  const { active: _a, customerActive: _c, ...viewer } = row;
  return viewer;
}
