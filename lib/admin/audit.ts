import "server-only";
import { and, desc, eq, lt, or, sql, type SQL } from "drizzle-orm";
import { auditLog, type AuditChange } from "@/db/schema";
import { codePrefixPattern } from "@/lib/catalog/search-query";
import { getDb, type Tx } from "@/lib/db/client";
import type { Viewer } from "@/lib/auth/session-viewer";
import { adminOf, type Admin } from "./operator";

export type AuditEntity = (typeof auditLog.$inferInsert)["entity"];
export type AuditEntry = typeof auditLog.$inferSelect;

/** How a value is shown in the log: dates as ISO text, objects as JSON, empty as null. */
function shown(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** The attributes that differ between two versions of an object, in the order of `fields`. */
export function changesBetween<T extends Record<string, unknown>>(before: Partial<T> | null, after: Partial<T>, fields: readonly (keyof T & string)[]): AuditChange[] {
  const out: AuditChange[] = [];
  for (const field of fields) {
    const from = before ? shown(before[field]) : null;
    const to = shown(after[field]);
    if (from !== to) out.push({ field, from, to });
  }
  return out;
}

/**
 * The one writer of the audit log, inside the caller's transaction: an entry exists exactly when
 * the change was committed.
 */
export async function recordAudit(
  tx: Tx,
  admin: Admin,
  entry: { entity: AuditEntity; entityId: string | number; entityLabel?: string; action: string; changes?: AuditChange[] },
): Promise<void> {
  await tx.insert(auditLog).values({
    actorUserId: admin.userId,
    actorEmail: admin.email,
    entity: entry.entity,
    entityId: String(entry.entityId),
    entityLabel: entry.entityLabel ?? "",
    action: entry.action,
    changes: entry.changes ?? [],
  });
}

export const AUDIT_PAGE_SIZE = 50;

/**
 * Newest first, one page at a time (keyset on the id: deep pages cost the same as the first).
 * `entity` + `entityId` narrow it to one object's history.
 */
export async function listAudit(
  viewer: Viewer | null,
  filter: { entity?: AuditEntity; entityId?: string | number; q?: string; beforeId?: number; limit?: number } = {},
): Promise<{ entries: AuditEntry[]; nextBeforeId: number | null } | null> {
  if (!adminOf(viewer)) return null;
  const db = await getDb();
  const limit = Math.min(filter.limit ?? AUDIT_PAGE_SIZE, 200);
  const where: SQL[] = [];
  if (filter.entity) where.push(eq(auditLog.entity, filter.entity));
  if (filter.entity && filter.entityId !== undefined) where.push(eq(auditLog.entityId, String(filter.entityId)));
  if (filter.beforeId) where.push(lt(auditLog.id, filter.beforeId));
  if (filter.q?.trim()) {
    const pattern = codePrefixPattern(filter.q);
    where.push(or(sql`lower(${auditLog.entityLabel}) like ${pattern}`, sql`lower(${auditLog.actorEmail}) like ${pattern}`)!);
  }
  const rows = await db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const entries = rows.slice(0, limit);
  return { entries, nextBeforeId: rows.length > limit ? entries.at(-1)!.id : null };
}
