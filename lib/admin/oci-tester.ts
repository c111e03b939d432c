import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { and, asc, desc, eq, notInArray, sql } from "drizzle-orm";
import { customers, ociTestRuns, users } from "@/db/schema";
import { mintGrant } from "@/lib/auth/grants";
import type { Viewer } from "@/lib/auth/session-viewer";
import { getDb } from "@/lib/db/client";
import { TEST_PASSWORD_PREFIX, TESTER_HOOK_PATH } from "@/lib/oci/entry-rules";
import { checkOciFields, type OutboundCheck } from "@/lib/oci/outbound-checks";
import { ociProfileOf } from "@/lib/oci/profile-store";
import { normalizeCharset, type OciCharset } from "@/lib/oci/text-rules";
import { buildTestCall, type TestCall, type TesterOptions } from "./oci-tester/call";
import { decodeHookBody, rawBodyText } from "./oci-tester/received";
import { adminOf } from "./operator";
import { invalid, NOT_FOUND, type WriteResult } from "./result";

/**
 * The punchout tester's runs (the one writer of oci_test_runs). A run starts a real punchout through
 * /ocihome for one B2B user, with a single-use test credential instead of the user's password and
 * the tester's own hook receiver as hook_url; the basket the shop posts there is kept as received.
 */

/** How many runs are kept; older ones go when a new one starts. */
export const KEPT_RUNS = 20;
/** The test credential's lifetime: long enough to open the punchout, not to keep. */
const CREDENTIAL_SECONDS = 300;
/** The pick list of users: more would make an unusable select; the operator narrows by customer. */
const MAX_USERS = 500;

const keyHash = (key: string) => createHash("sha256").update(key).digest("hex");
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type TesterCustomer = { id: number; name: string; debtorNumber: string | null; users: { id: number; email: string; name: string }[] };

/** B2B customers that have active users, each with those users (the tester's pick list). */
export async function listTesterCustomers(viewer: Viewer | null): Promise<TesterCustomer[] | null> {
  if (!adminOf(viewer)) return null;
  const db = await getDb();
  const rows = await db
    .select({ customerId: customers.id, customerName: customers.name, debtorNumber: customers.debtorNumber, userId: users.id, email: users.email, userName: users.name })
    .from(users)
    .innerJoin(customers, eq(customers.id, users.customerId))
    .where(and(eq(customers.kind, "b2b"), eq(customers.active, true), eq(users.active, true)))
    .orderBy(asc(sql`lower(${customers.name})`), asc(customers.id), desc(users.isPrimary), asc(users.email))
    .limit(MAX_USERS);
  const out: TesterCustomer[] = [];
  for (const r of rows) {
    let c = out.at(-1);
    if (!c || c.id !== r.customerId) out.push((c = { id: r.customerId, name: r.customerName, debtorNumber: r.debtorNumber, users: [] }));
    c.users.push({ id: r.userId, email: r.email, name: r.userName });
  }
  return out;
}

/** The options as stored with the run: what the operator chose, plus the charset the hook expects. */
type StoredOptions = TesterOptions & { expectedCharset: OciCharset };

export type StartedRun = { id: string; call: TestCall; window: TesterOptions["window"] };

/**
 * Starts a run. `origins.shop`: the shop's own origin (the hook lives there, and the run page the
 * hook answers with); `origins.punchout`: where the call goes — the same shop, possibly under a
 * second host name so the punchout runs with cookies of its own.
 */
export async function startTestRun(viewer: Viewer | null, input: { userId: number; options: TesterOptions }, origins: { shop: string; punchout: string }): Promise<WriteResult<StartedRun>> {
  const admin = adminOf(viewer);
  if (!admin) return NOT_FOUND;
  const db = await getDb();
  const [user] = await db
    .select({ id: users.id, email: users.email, customerId: users.customerId })
    .from(users)
    .innerJoin(customers, eq(customers.id, users.customerId))
    .where(and(eq(users.id, input.userId), eq(users.active, true), eq(customers.kind, "b2b"), eq(customers.active, true)))
    .limit(1);
  if (!user) return invalid({ userId: "Choose an active user of a B2B customer." });

  const { profile } = await ociProfileOf(user.customerId, db);
  const expectedCharset = input.options.charset === "default" ? profile.defaultCharset : normalizeCharset(input.options.charset);
  const stored: StoredOptions = { ...input.options, expectedCharset };
  const key = randomBytes(32).toString("base64url");

  const id = await db.transaction(async (tx) => {
    const [run] = await tx
      .insert(ociTestRuns)
      .values({ adminUserId: admin.userId, customerId: user.customerId, userId: user.id, options: stored, hookKeyHash: keyHash(key) })
      .returning({ id: ociTestRuns.id });
    const kept = tx.select({ id: ociTestRuns.id }).from(ociTestRuns).orderBy(desc(ociTestRuns.createdAt), desc(ociTestRuns.id)).limit(KEPT_RUNS);
    await tx.delete(ociTestRuns).where(and(notInArray(ociTestRuns.id, kept), sql`${ociTestRuns.id} <> ${run!.id}`));
    return run!.id;
  });

  // Minted last: a run that failed to save leaves no usable credential behind.
  const token = await mintGrant(user.id, "oci-test", CREDENTIAL_SECONDS);
  const hookUrl = new URL(`${TESTER_HOOK_PATH}${id}`, origins.shop);
  hookUrl.searchParams.set("key", key);
  const call = buildTestCall(input.options, { punchoutOrigin: origins.punchout, username: user.email, password: `${TEST_PASSWORD_PREFIX}${token}`, hookUrl: hookUrl.toString() });
  return { ok: true, id, call, window: input.options.window };
}

/**
 * The hook receiver's write. Not an operator action: the secret in the hook URL authorizes it (the
 * punchout window posting here carries no back-office session, often not even cookies). One delivery
 * per run: a second one — or a replay of the first — is refused.
 */
export async function receiveTestRun(runId: string, key: string, body: Uint8Array, contentType: string | null): Promise<{ ok: true } | { ok: false; code: "not_found" | "conflict" }> {
  if (!UUID.test(runId) || !key) return { ok: false, code: "not_found" };
  const db = await getDb();
  const [run] = await db.select({ hookKeyHash: ociTestRuns.hookKeyHash, options: ociTestRuns.options }).from(ociTestRuns).where(eq(ociTestRuns.id, runId)).limit(1);
  // Both are SHA-256 hex digests of equal length: the comparison takes the same time for any key.
  if (!run || !timingSafeEqual(Buffer.from(keyHash(key)), Buffer.from(run.hookKeyHash))) return { ok: false, code: "not_found" };
  const expected = normalizeCharset((run.options as Partial<StoredOptions>).expectedCharset);
  const { charset, fields } = decodeHookBody(body, contentType, expected);
  const [updated] = await db
    .update(ociTestRuns)
    .set({ status: "received", receivedAt: sql`now()`, contentType: contentType?.slice(0, 200) ?? null, charset, rawBody: body, fields })
    .where(and(eq(ociTestRuns.id, runId), eq(ociTestRuns.status, "started")))
    .returning({ id: ociTestRuns.id });
  return updated ? { ok: true } : { ok: false, code: "conflict" };
}

export type TestRunSummary = { id: string; createdAt: Date; status: "started" | "received"; receivedAt: Date | null; customerName: string; debtorNumber: string | null; userEmail: string; adminEmail: string | null; options: StoredOptions };

const summaryColumns = {
  id: ociTestRuns.id,
  createdAt: ociTestRuns.createdAt,
  status: ociTestRuns.status,
  receivedAt: ociTestRuns.receivedAt,
  customerName: customers.name,
  debtorNumber: customers.debtorNumber,
  userEmail: users.email,
  adminEmail: sql<string | null>`(select ${users.email} from ${users} where ${users.id} = ${ociTestRuns.adminUserId})`,
  options: ociTestRuns.options,
};

/** The kept runs, newest first. */
export async function listTestRuns(viewer: Viewer | null): Promise<TestRunSummary[] | null> {
  if (!adminOf(viewer)) return null;
  const db = await getDb();
  const rows = await db
    .select(summaryColumns)
    .from(ociTestRuns)
    .innerJoin(users, eq(users.id, ociTestRuns.userId))
    .innerJoin(customers, eq(customers.id, ociTestRuns.customerId))
    .orderBy(desc(ociTestRuns.createdAt), desc(ociTestRuns.id))
    .limit(KEPT_RUNS);
  return rows.map((r) => ({ ...r, options: r.options as StoredOptions }));
}

export type TestRunDetail = TestRunSummary & {
  contentType: string | null;
  charset: string | null;
  fields: [string, string][] | null;
  rawBodyText: string | null;
  rawBodyBytes: number | null;
  /** The OCI verdict on the received fields; null while nothing arrived. */
  checks: OutboundCheck | null;
};

export async function getTestRun(viewer: Viewer | null, id: string): Promise<TestRunDetail | null> {
  if (!adminOf(viewer) || !UUID.test(id)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ ...summaryColumns, contentType: ociTestRuns.contentType, charset: ociTestRuns.charset, fields: ociTestRuns.fields, rawBody: ociTestRuns.rawBody })
    .from(ociTestRuns)
    .innerJoin(users, eq(users.id, ociTestRuns.userId))
    .innerJoin(customers, eq(customers.id, ociTestRuns.customerId))
    .where(eq(ociTestRuns.id, id))
    .limit(1);
  if (!row) return null;
  const { rawBody, ...rest } = row;
  return {
    ...rest,
    options: row.options as StoredOptions,
    rawBodyText: rawBody ? rawBodyText(rawBody, row.charset) : null,
    rawBodyBytes: rawBody ? rawBody.byteLength : null,
    checks: row.fields ? checkOciFields(row.fields, { charset: row.charset }) : null,
  };
}
