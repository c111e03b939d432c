import "server-only";
import { and, asc, desc, eq, ne, or, sql, type SQL } from "drizzle-orm";
import { customers, priceLists, users, type Address } from "@/db/schema";
import type { Viewer } from "@/lib/auth/session-viewer";
import { PasswordHashBusyError, hashPassword } from "@/lib/auth/password";
import { catalogChanged, customerTag } from "@/lib/catalog/cache-policy";
import { codePrefixPattern } from "@/lib/catalog/search-query";
import { getDb, type Tx } from "@/lib/db/client";
import { changesBetween, recordAudit } from "./audit";
import { canonicalAddress, type CustomerFields, type NewCustomerFields } from "./customer-schema";
import { adminOf } from "./operator";
import { generatePassword } from "./new-password";
import { conflict, invalid, NOT_FOUND, refused, type WriteResult } from "./result";
import { USER_AUDITED, emailTakenMessage, isUniqueViolation, Rollback, userAuditView } from "./user-rules";

export const CUSTOMER_PAGE_SIZE = 50;
// Counting stops here: the list prints "more than 1000" rather than counting every customer.
export const CUSTOMER_COUNT_CAP = 1000;

/** The attributes the audit log follows, in its order; price list by code, addresses as one line. */
const AUDITED = ["kind", "name", "debtorNumber", "priceList", "vatMode", "ociVendorNumber", "billingAddress", "shippingAddress", "active"] as const;

export type CustomerListFilter = { q?: string; kind?: "b2b" | "consumer"; page?: number };
export type CustomerListRow = { id: number; kind: "b2b" | "consumer"; name: string; debtorNumber: string | null; priceListName: string | null; vatMode: "standard" | "reverse_charge" | "export"; active: boolean };

/**
 * The back office's customer list, by name. A search matches the start of the name (through
 * customers_name_lower_idx) or the whole debtor number (its unique index), never a scan of names.
 */
export async function listCustomers(viewer: Viewer | null, filter: CustomerListFilter) {
  if (!adminOf(viewer)) return null;
  const db = await getDb();
  const where: SQL[] = [];
  const q = filter.q?.trim() ?? "";
  if (q) where.push(or(sql`lower(${customers.name}) like ${codePrefixPattern(q)}`, eq(customers.debtorNumber, q))!);
  if (filter.kind) where.push(eq(customers.kind, filter.kind));
  const condition = where.length ? and(...where) : undefined;
  const page = Math.max(1, Math.min(filter.page ?? 1, Math.ceil(CUSTOMER_COUNT_CAP / CUSTOMER_PAGE_SIZE)));
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: customers.id,
        kind: customers.kind,
        name: customers.name,
        debtorNumber: customers.debtorNumber,
        priceListName: priceLists.name,
        vatMode: customers.vatMode,
        active: customers.active,
      })
      .from(customers)
      .leftJoin(priceLists, eq(priceLists.id, customers.priceListId))
      .where(condition)
      .orderBy(asc(sql`lower(${customers.name})`), asc(customers.id))
      .limit(CUSTOMER_PAGE_SIZE)
      .offset((page - 1) * CUSTOMER_PAGE_SIZE),
    db.select({ n: sql<number>`count(*)::int` }).from(db.select({ one: sql`1` }).from(customers).where(condition).limit(CUSTOMER_COUNT_CAP + 1).as("capped")),
  ]);
  const total = Math.min(counted?.n ?? 0, CUSTOMER_COUNT_CAP);
  return { rows: rows as CustomerListRow[], page, total, totalIsCapped: (counted?.n ?? 0) > CUSTOMER_COUNT_CAP, pageCount: Math.max(1, Math.ceil(total / CUSTOMER_PAGE_SIZE)) };
}

/** One customer with its users (never their password hashes). */
export async function getCustomer(viewer: Viewer | null, id: number) {
  if (!adminOf(viewer)) return null;
  const db = await getDb();
  const [customer] = await db.select().from(customers).where(eq(customers.id, id)).limit(1);
  if (!customer) return null;
  const members = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active, isPrimary: users.isPrimary, version: users.version })
    .from(users)
    .where(eq(users.customerId, id))
    .orderBy(desc(users.isPrimary), asc(users.email));
  return { ...customer, users: members };
}

export type CustomerDetail = NonNullable<Awaited<ReturnType<typeof getCustomer>>>;

/** The price lists a customer can be given, for the form's select. */
export async function priceListChoices(viewer: Viewer | null): Promise<{ id: number; code: string; name: string }[] | null> {
  if (!adminOf(viewer)) return null;
  const db = await getDb();
  return db.select({ id: priceLists.id, code: priceLists.code, name: priceLists.name }).from(priceLists).orderBy(asc(priceLists.code));
}

/** An address as one line in the audit log. */
function addressLine(a: Address | null): string | null {
  if (!a) return null;
  return [a.name, a.company, a.street, `${a.postalCode} ${a.city}`, a.country].filter(Boolean).join(", ");
}

type AuditedCustomer = Omit<CustomerFields, "priceListId" | "billingAddress" | "shippingAddress"> & { kind: string; priceList: string | null; billingAddress: string | null; shippingAddress: string | null };

function auditView(c: Omit<CustomerFields, "billingAddress" | "shippingAddress"> & { kind: string; billingAddress: Address | null; shippingAddress: Address | null }, priceListCode: string | null): AuditedCustomer {
  return {
    kind: c.kind,
    name: c.name,
    debtorNumber: c.debtorNumber,
    priceList: priceListCode,
    vatMode: c.vatMode,
    ociVendorNumber: c.ociVendorNumber,
    billingAddress: addressLine(c.billingAddress),
    shippingAddress: addressLine(c.shippingAddress),
    active: c.active,
  };
}

async function priceListCode(tx: Tx, id: number | null): Promise<string | null | undefined> {
  if (id === null) return null;
  const [row] = await tx.select({ code: priceLists.code }).from(priceLists).where(eq(priceLists.id, id)).limit(1);
  return row?.code; // undefined: no such price list
}

/** The debtor number belongs to another customer: that customer's name, for the message. */
async function debtorNumberOwner(tx: Tx, debtorNumber: string | null, exceptId: number | null): Promise<string | null> {
  if (!debtorNumber) return null;
  const [row] = await tx
    .select({ name: customers.name })
    .from(customers)
    .where(exceptId === null ? eq(customers.debtorNumber, debtorNumber) : and(eq(customers.debtorNumber, debtorNumber), ne(customers.id, exceptId)))
    .limit(1);
  return row?.name ?? null;
}

const debtorTaken = (owner: string) => invalid({ debtorNumber: `Already used by ${owner}` });
const UNKNOWN_PRICE_LIST = invalid({ priceListId: "That price list does not exist (any more)" });
const HASH_BUSY = refused("The server is busy right now. Please try again in a few seconds.");

function stored(fields: CustomerFields) {
  const { priceListId, billingAddress, shippingAddress, ...rest } = fields;
  return { ...rest, priceListId, billingAddress: canonicalAddress(billingAddress), shippingAddress: canonicalAddress(shippingAddress) };
}

/**
 * A new customer together with its first buyer (the primary user, who can also sign in with the
 * debtor number), in one transaction. The buyer's generated password is in the answer and nowhere
 * else: only its hash is stored, and it is never logged.
 */
export async function createCustomer(viewer: Viewer | null, fields: NewCustomerFields): Promise<WriteResult<{ id: number; userId: number; email: string; password: string }>> {
  const admin = adminOf(viewer);
  if (!admin) return NOT_FOUND;
  const input = { ...stored(fields), kind: fields.kind };
  const password = generatePassword();
  let passwordHash: string;
  try {
    // Hashed before the transaction: scrypt takes a while and needs no lock.
    passwordHash = await hashPassword(password);
  } catch (error) {
    if (error instanceof PasswordHashBusyError) return HASH_BUSY;
    throw error;
  }
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const code = await priceListCode(tx, input.priceListId);
      if (code === undefined) return UNKNOWN_PRICE_LIST;
      const owner = await debtorNumberOwner(tx, input.debtorNumber, null);
      if (owner) return debtorTaken(owner);
      const [customer] = await tx
        .insert(customers)
        .values({ kind: input.kind, name: input.name, debtorNumber: input.debtorNumber, priceListId: input.priceListId, vatMode: input.vatMode, ociVendorNumber: input.ociVendorNumber, billingAddress: input.billingAddress, shippingAddress: input.shippingAddress, active: input.active })
        .returning();
      const buyer = { email: fields.buyerEmail, name: fields.buyerName, role: "buyer" as const, active: true };
      const [user] = await tx
        .insert(users)
        .values({ customerId: customer!.id, ...buyer, passwordHash, isPrimary: true })
        .onConflictDoNothing()
        .returning({ id: users.id });
      // The e-mail is taken: the customer inserted above must not stay without its buyer.
      if (!user) throw new Rollback(invalid({ buyerEmail: await emailTakenMessage(tx, fields.buyerEmail) }));
      await recordAudit(tx, admin, { entity: "customer", entityId: customer!.id, entityLabel: input.debtorNumber ?? input.name, action: "create", changes: changesBetween(null, auditView(input, code), AUDITED) });
      await recordAudit(tx, admin, { entity: "user", entityId: user.id, entityLabel: buyer.email, action: "create", changes: changesBetween(null, userAuditView(buyer), USER_AUDITED) });
      return { ok: true as const, id: customer!.id, userId: user.id, email: buyer.email, password };
    });
  } catch (error) {
    if (error instanceof Rollback) return error.result;
    // Another operator saved the same debtor number a moment earlier.
    if (isUniqueViolation(error, "customers_debtor_number_unique")) return debtorTaken("another customer");
    throw error;
  }
}

/** Saves an edit made from `version`; the kind stays what it was created as. */
export async function updateCustomer(viewer: Viewer | null, id: number, version: number, fields: CustomerFields): Promise<WriteResult<{ id: number }>> {
  const admin = adminOf(viewer);
  if (!admin) return NOT_FOUND;
  const input = stored(fields);
  const db = await getDb();
  try {
    const result = await db.transaction(async (tx): Promise<WriteResult<{ id: number }>> => {
      const [before] = await tx.select().from(customers).where(eq(customers.id, id)).for("update").limit(1);
      if (!before) return NOT_FOUND;
      if (before.version !== version) return conflict("customer");
      if (before.kind === "b2b" && !input.debtorNumber) return invalid({ debtorNumber: "A business customer needs a debtor number" });
      const code = await priceListCode(tx, input.priceListId);
      if (code === undefined) return UNKNOWN_PRICE_LIST;
      if (input.debtorNumber !== before.debtorNumber) {
        const owner = await debtorNumberOwner(tx, input.debtorNumber, id);
        if (owner) return debtorTaken(owner);
      }
      const changes = changesBetween(auditView(before, (await priceListCode(tx, before.priceListId)) ?? null), auditView({ ...input, kind: before.kind }, code), AUDITED);
      if (changes.length === 0) return { ok: true, id };
      await tx.update(customers).set({ ...input, version: before.version + 1 }).where(eq(customers.id, id));
      await recordAudit(tx, admin, { entity: "customer", entityId: id, entityLabel: input.debtorNumber ?? input.name, action: "update", changes });
      return { ok: true, id };
    });
    // Pages cached with this customer's prices show its price list, VAT treatment and active flag.
    if (result.ok) catalogChanged(customerTag(id));
    return result;
  } catch (error) {
    if (isUniqueViolation(error, "customers_debtor_number_unique")) return debtorTaken("another customer");
    throw error;
  }
}
