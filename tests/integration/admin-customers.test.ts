import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, authSessions, customers, orderLines, orders, users } from "@/db/schema";
import { listAudit } from "@/lib/admin/audit";
import { customerFields, newCustomerFields, userFields, type CustomerFields } from "@/lib/admin/customer-schema";
import { createCustomer, getCustomer, listCustomers, updateCustomer } from "@/lib/admin/customers";
import { createUser, getUserForAdmin, resetUserPassword, setUserActive, updateUser } from "@/lib/admin/users";
import { verifyCredentials } from "@/lib/auth/credentials";
import { viewerOfSession } from "@/lib/auth/session-viewer";
import { openAuthSession } from "@/lib/auth/sessions";
import { addToCart, ensureCartId, readCart } from "@/lib/cart/store";
import { startPunchout } from "@/lib/oci/punchout-session";
import type { CookieJar, CookieSpec } from "@/lib/oci/punchout-cookie";
import { recordTransfer, returnFormFor } from "@/lib/oci/transfer";
import { placeWebOrder } from "@/lib/orders/checkout";
import { amount } from "@/lib/money/decimal";
import { priceContextFor } from "@/lib/pricing/context";
import { makeWorld } from "../support/fixtures";

type World = Awaited<ReturnType<typeof makeWorld>>;

let n = 0;
const uniq = () => `${process.pid}${++n}${Math.random().toString(36).slice(2, 6)}`;

const NO_ADDRESS = { name: "", company: "", street: "", postalCode: "", city: "", country: "" };

function newCustomer(overrides: Record<string, unknown> = {}) {
  const u = uniq();
  return newCustomerFields.parse({
    kind: "b2b",
    name: `Acme ${u}`,
    debtorNumber: `A${u}`,
    priceListId: "",
    vatMode: "standard",
    ociVendorNumber: "",
    billingAddress: NO_ADDRESS,
    shippingAddress: NO_ADDRESS,
    active: true,
    buyerEmail: `first-${u}@example.com`,
    buyerName: "First Buyer",
    ...overrides,
  });
}

/** The edit form of the world's B2B customer as it is now. */
function formOf(c: World["b2b"], overrides: Record<string, unknown> = {}): CustomerFields {
  return customerFields.parse({
    name: c.name,
    debtorNumber: c.debtorNumber ?? "",
    priceListId: c.priceListId ? String(c.priceListId) : "",
    vatMode: c.vatMode,
    ociVendorNumber: c.ociVendorNumber ?? "",
    billingAddress: c.billingAddress ?? NO_ADDRESS,
    shippingAddress: c.shippingAddress ?? NO_ADDRESS,
    active: c.active,
    ...overrides,
  });
}

const auditCount = async (w: World) => (await w.db.select({ id: auditLog.id }).from(auditLog)).length;
const userRow = async (w: World, id: number) => (await w.db.select().from(users).where(eq(users.id, id)))[0]!;
const customerRow = async (w: World, id: number) => (await w.db.select().from(customers).where(eq(customers.id, id)))[0]!;

describe("back-office customers: authorization", () => {
  it("answers nobody but an operator, and writes nothing for them", async () => {
    const w = await makeWorld();
    const before = await auditCount(w);
    const input = newCustomer();
    for (const viewer of [null, w.buyerViewer, w.shopperViewer]) {
      expect(await listCustomers(viewer, {})).toBeNull();
      expect(await getCustomer(viewer, w.b2b.id)).toBeNull();
      expect(await getUserForAdmin(viewer, w.buyer.id)).toBeNull();
      expect(await createCustomer(viewer, input)).toMatchObject({ ok: false, code: "not_found" });
      expect(await updateCustomer(viewer, w.b2b.id, 1, formOf(w.b2b, { name: "Hacked" }))).toMatchObject({ ok: false, code: "not_found" });
      expect(await createUser(viewer, w.b2b.id, userFields.parse({ email: `x-${uniq()}@example.com`, name: "X", role: "admin" }))).toMatchObject({ ok: false, code: "not_found" });
      expect(await updateUser(viewer, w.buyer.id, 1, userFields.parse({ email: w.buyer.email, name: "Hacked", role: "admin" }))).toMatchObject({ ok: false, code: "not_found" });
      expect(await setUserActive(viewer, w.buyer.id, 1, false)).toMatchObject({ ok: false, code: "not_found" });
      expect(await resetUserPassword(viewer, w.buyer.id, 1)).toMatchObject({ ok: false, code: "not_found" });
    }
    expect(await w.db.select().from(customers).where(eq(customers.name, input.name))).toHaveLength(0);
    expect(await customerRow(w, w.b2b.id)).toMatchObject({ name: w.b2b.name, version: 1 });
    expect(await userRow(w, w.buyer.id)).toMatchObject({ name: "Jan", role: "buyer", active: true, passwordHash: w.buyer.passwordHash, version: 1 });
    expect(await w.db.select().from(users).where(eq(users.customerId, w.b2b.id))).toHaveLength(1);
    expect(await auditCount(w)).toBe(before);
  });
});

describe("back-office customers: list and detail", () => {
  it("finds customers by name prefix or debtor number, by kind, and never shows a password hash", async () => {
    const w = await makeWorld();
    const u = uniq();
    const made = await createCustomer(w.adminViewer, newCustomer({ name: `Zeppelin ${u} AG`, debtorNumber: `Z${u}` }));
    expect(made.ok).toBe(true);
    const byName = await listCustomers(w.adminViewer, { q: `zeppelin ${u}` });
    expect(byName!.rows.map((r) => r.debtorNumber)).toEqual([`Z${u}`]);
    const byDebtor = await listCustomers(w.adminViewer, { q: `Z${u}` });
    expect(byDebtor!.rows.map((r) => r.name)).toEqual([`Zeppelin ${u} AG`]);
    // A prefix, not a substring; LIKE wildcards are taken literally.
    expect((await listCustomers(w.adminViewer, { q: `eppelin ${u}` }))!.rows).toHaveLength(0);
    expect((await listCustomers(w.adminViewer, { q: "%" }))!.rows).toHaveLength(0);
    const consumers = await listCustomers(w.adminViewer, { kind: "consumer" });
    expect(consumers!.rows.every((r) => r.kind === "consumer")).toBe(true);
    expect(consumers!.rows.some((r) => r.id === w.consumer.id)).toBe(true);

    const detail = await getCustomer(w.adminViewer, w.b2b.id);
    expect(detail).toMatchObject({ id: w.b2b.id, name: "Müller GmbH", users: [{ id: w.buyer.id, email: w.buyer.email, role: "buyer", active: true, isPrimary: true }] });
    expect(JSON.stringify(detail)).not.toContain("scrypt$");
    expect(JSON.stringify(await getUserForAdmin(w.adminViewer, w.buyer.id))).not.toContain("scrypt$");
  });
});

describe("back-office customers: create with the first buyer", () => {
  it("creates both in one go; the shown password signs in by e-mail and debtor number, and only its hash is kept", async () => {
    const w = await makeWorld();
    const input = newCustomer({ vatMode: "export", ociVendorNumber: "V-42", priceListId: String(w.priceList.id), billingAddress: { name: "Ann", company: "", street: "Main St 1", postalCode: "10001", city: "New York", country: "us" } });
    const result = await createCustomer(w.adminViewer, input);
    if (!result.ok) throw new Error(result.message);
    expect(result.password.length).toBeGreaterThanOrEqual(16);
    const customer = await customerRow(w, result.id);
    expect(customer).toMatchObject({ kind: "b2b", debtorNumber: input.debtorNumber, vatMode: "export", ociVendorNumber: "V-42", priceListId: w.priceList.id, billingAddress: { country: "US", city: "New York" }, shippingAddress: null, version: 1 });
    const [buyer] = await w.db.select().from(users).where(eq(users.customerId, result.id));
    expect(buyer).toMatchObject({ id: result.userId, email: input.buyerEmail, name: "First Buyer", role: "buyer", isPrimary: true, active: true });
    expect(buyer!.passwordHash).not.toContain(result.password);
    expect(await verifyCredentials({ username: input.buyerEmail, password: result.password }, null)).toMatchObject({ ok: true, user: { id: String(result.userId) } });
    expect(await verifyCredentials({ username: input.debtorNumber, password: result.password }, null)).toMatchObject({ ok: true });

    const log = await w.db.select().from(auditLog).where(sql`${auditLog.entityId} in (${String(result.id)}, ${String(result.userId)})`);
    expect(log.map((e) => [e.entity, e.action])).toEqual(expect.arrayContaining([["customer", "create"], ["user", "create"]]));
    expect(JSON.stringify(log)).not.toContain(result.password);
    expect(JSON.stringify(log)).not.toContain("scrypt$");
  });

  it("is all-or-nothing: a taken buyer e-mail leaves no customer behind", async () => {
    const w = await makeWorld();
    const before = await auditCount(w);
    const input = newCustomer({ buyerEmail: w.buyer.email.toUpperCase() });
    const result = await createCustomer(w.adminViewer, input);
    expect(result).toMatchObject({ ok: false, fields: { buyerEmail: expect.stringMatching(/already used/) } });
    expect(await w.db.select().from(customers).where(eq(customers.name, input.name))).toHaveLength(0);
    expect(await auditCount(w)).toBe(before);
  });

  it("refuses a debtor number that is already used, naming its customer", async () => {
    const w = await makeWorld();
    const result = await createCustomer(w.adminViewer, newCustomer({ debtorNumber: w.b2b.debtorNumber }));
    expect(result).toMatchObject({ ok: false, fields: { debtorNumber: "Already used by Müller GmbH" } });
    const other = await createCustomer(w.adminViewer, newCustomer());
    if (!other.ok) throw new Error(other.message);
    const row = await customerRow(w, other.id);
    const clash = await updateCustomer(w.adminViewer, other.id, row.version, formOf(row, { debtorNumber: w.b2b.debtorNumber }));
    expect(clash).toMatchObject({ ok: false, fields: { debtorNumber: "Already used by Müller GmbH" } });
    expect((await customerRow(w, other.id)).debtorNumber).toBe(row.debtorNumber);
  });

  it("explains invalid input next to the field", () => {
    const check = (overrides: Record<string, unknown>) => {
      const r = newCustomerFields.safeParse({ ...newCustomer(), billingAddress: NO_ADDRESS, shippingAddress: NO_ADDRESS, priceListId: "", debtorNumber: "D1", ociVendorNumber: "", ...overrides });
      return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
    };
    expect(check({ debtorNumber: "" })).toMatchObject({ debtorNumber: "A business customer needs a debtor number" });
    expect(check({ kind: "consumer", debtorNumber: "" })).toEqual({});
    expect(check({ ociVendorNumber: "12345678901" })).toMatchObject({ ociVendorNumber: expect.stringMatching(/at most 10/) });
    expect(check({ ociVendorNumber: "47\t11" })).toMatchObject({ ociVendorNumber: expect.stringMatching(/printable/) });
    expect(check({ vatMode: "none" })).toHaveProperty("vatMode");
    expect(check({ billingAddress: { ...NO_ADDRESS, city: "Stuttgart" } })).toMatchObject({ "billingAddress.name": expect.any(String), "billingAddress.country": expect.any(String) });
    expect(check({ shippingAddress: { name: "A", street: "B 1", postalCode: "1", city: "C", country: "XX" } })).toMatchObject({ "shippingAddress.country": expect.stringMatching(/ISO/) });
    expect(check({ buyerEmail: "nope" })).toHaveProperty("buyerEmail");
  });
});

describe("back-office customers: edit", () => {
  it("saves with old → new in the audit log, keeps the kind, and refuses a stale version", async () => {
    const w = await makeWorld();
    const address = { name: "Jan Müller", company: "Müller GmbH", street: "Hauptstraße 1", postalCode: "70173", city: "Stuttgart", country: "DE" };
    const saved = await updateCustomer(w.adminViewer, w.b2b.id, 1, formOf(w.b2b, { name: "Müller Maschinenbau GmbH", vatMode: "reverse_charge", priceListId: "", shippingAddress: address }));
    expect(saved).toMatchObject({ ok: true, id: w.b2b.id });
    expect(await customerRow(w, w.b2b.id)).toMatchObject({ kind: "b2b", name: "Müller Maschinenbau GmbH", vatMode: "reverse_charge", priceListId: null, shippingAddress: address, version: 2 });
    const history = await listAudit(w.adminViewer, { entity: "customer", entityId: w.b2b.id });
    expect(history!.entries[0]).toMatchObject({ action: "update", actorEmail: w.operator.email, entityLabel: w.b2b.debtorNumber });
    expect(history!.entries[0]!.changes).toEqual([
      { field: "name", from: "Müller GmbH", to: "Müller Maschinenbau GmbH" },
      { field: "priceList", from: w.priceList.code, to: null },
      { field: "vatMode", from: "standard", to: "reverse_charge" },
      { field: "shippingAddress", from: null, to: "Jan Müller, Müller GmbH, Hauptstraße 1, 70173 Stuttgart, DE" },
    ]);

    const before = await auditCount(w);
    const stale = await updateCustomer(w.adminViewer, w.b2b.id, 1, formOf(w.b2b, { name: "Someone else's edit" }));
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    expect((await customerRow(w, w.b2b.id)).name).toBe("Müller Maschinenbau GmbH");
    expect(await auditCount(w)).toBe(before);
    // Saving the same values again is no change: no version bump, no entry.
    const row = await customerRow(w, w.b2b.id);
    expect(await updateCustomer(w.adminViewer, w.b2b.id, 2, formOf(row))).toMatchObject({ ok: true });
    expect((await customerRow(w, w.b2b.id)).version).toBe(2);
    expect(await auditCount(w)).toBe(before);
  });

  it("keeps a business customer's debtor number required and refuses an unknown price list", async () => {
    const w = await makeWorld();
    expect(await updateCustomer(w.adminViewer, w.b2b.id, 1, formOf(w.b2b, { debtorNumber: "" }))).toMatchObject({ ok: false, fields: { debtorNumber: expect.any(String) } });
    expect(await updateCustomer(w.adminViewer, w.b2b.id, 1, formOf(w.b2b, { priceListId: "999999" }))).toMatchObject({ ok: false, fields: { priceListId: expect.any(String) } });
    expect((await customerRow(w, w.b2b.id)).version).toBe(1);
  });
});

describe("back-office users", () => {
  it("adds a user with a shown-once password, refusing an e-mail taken in any case", async () => {
    const w = await makeWorld();
    const taken = await createUser(w.adminViewer, w.b2b.id, userFields.parse({ email: w.buyer.email.toUpperCase(), name: "Copy", role: "buyer" }));
    expect(taken).toMatchObject({ ok: false, fields: { email: expect.stringMatching(/already used/) } });
    const email = `second-${uniq()}@example.com`;
    const added = await createUser(w.adminViewer, w.b2b.id, userFields.parse({ email, name: "Second", role: "buyer" }));
    if (!added.ok) throw new Error(added.message);
    expect(await userRow(w, added.id)).toMatchObject({ customerId: w.b2b.id, email, isPrimary: false, active: true });
    expect(await verifyCredentials({ username: email, password: added.password }, null)).toMatchObject({ ok: true });
    const history = await listAudit(w.adminViewer, { entity: "user", entityId: added.id });
    expect(history!.entries.map((e) => [e.action, e.entityLabel])).toEqual([["create", email]]);
    expect(JSON.stringify(history)).not.toContain(added.password);
  });

  it("edits name, e-mail and role with old → new, and refuses a stale version or a taken e-mail", async () => {
    const w = await makeWorld();
    const email = `jan-${uniq()}@example.com`;
    expect(await updateUser(w.adminViewer, w.buyer.id, 1, userFields.parse({ email, name: "Jan Müller", role: "buyer" }))).toMatchObject({ ok: true });
    expect(await userRow(w, w.buyer.id)).toMatchObject({ email, name: "Jan Müller", version: 2 });
    const history = await listAudit(w.adminViewer, { entity: "user", entityId: w.buyer.id });
    expect(history!.entries[0]).toMatchObject({ action: "update", entityLabel: email, changes: [{ field: "email", from: w.buyer.email, to: email }, { field: "name", from: "Jan", to: "Jan Müller" }] });
    expect(await updateUser(w.adminViewer, w.buyer.id, 1, userFields.parse({ email, name: "Stale", role: "admin" }))).toMatchObject({ ok: false, code: "conflict" });
    expect(await updateUser(w.adminViewer, w.buyer.id, 2, userFields.parse({ email: w.shopper.email, name: "Jan", role: "buyer" }))).toMatchObject({ ok: false, fields: { email: expect.stringMatching(/already used/) } });
    expect(await userRow(w, w.buyer.id)).toMatchObject({ email, name: "Jan Müller", role: "buyer", version: 2 });
  });

  it("disabling ends the user's web sessions and their viewer; enabling lets them sign in again", async () => {
    const w = await makeWorld();
    const sid = await openAuthSession(w.buyer.id, "password", 3600);
    expect(await viewerOfSession(w.buyer.id, sid)).not.toBeNull();
    expect(await setUserActive(w.adminViewer, w.buyer.id, 1, false)).toMatchObject({ ok: true });
    expect(await viewerOfSession(w.buyer.id, sid)).toBeNull();
    expect(await w.db.select().from(authSessions).where(and(eq(authSessions.userId, w.buyer.id), isNull(authSessions.endedAt)))).toHaveLength(0);
    expect(await verifyCredentials({ username: w.buyer.email, password: "secret-pass-1" }, null)).toEqual({ ok: false, reason: "disabled" });
    expect(await setUserActive(w.adminViewer, w.buyer.id, 1, true)).toMatchObject({ ok: false, code: "conflict" });

    expect(await setUserActive(w.adminViewer, w.buyer.id, 2, true)).toMatchObject({ ok: true });
    expect(await viewerOfSession(w.buyer.id, sid)).toBeNull(); // the ended session stays ended
    expect(await verifyCredentials({ username: w.buyer.email, password: "secret-pass-1" }, null)).toMatchObject({ ok: true });
    const history = await listAudit(w.adminViewer, { entity: "user", entityId: w.buyer.id });
    expect(history!.entries.map((e) => e.action)).toEqual(["enable", "disable"]);
    expect(history!.entries[1]!.changes).toEqual([{ field: "active", from: "true", to: "false" }]);
  });

  it("does not let an operator disable themself or give up their own admin role", async () => {
    const w = await makeWorld();
    const self = await setUserActive(w.adminViewer, w.operator.id, 1, false);
    expect(self).toMatchObject({ ok: false, code: "refused", message: expect.stringMatching(/your own account/) });
    const demote = await updateUser(w.adminViewer, w.operator.id, 1, userFields.parse({ email: w.operator.email, name: w.operator.name, role: "buyer" }));
    expect(demote).toMatchObject({ ok: false, fields: { role: expect.any(String) } });
    expect(await userRow(w, w.operator.id)).toMatchObject({ active: true, role: "admin", version: 1 });
  });

  it("sets a new password: only the hash is stored, the old one stops working, sessions end, the log holds no password", async () => {
    const w = await makeWorld();
    const sid = await openAuthSession(w.buyer.id, "password", 3600);
    const result = await resetUserPassword(w.adminViewer, w.buyer.id, 1);
    if (!result.ok) throw new Error(result.message);
    const row = await userRow(w, w.buyer.id);
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(row.passwordHash).not.toContain(result.password);
    expect(row.version).toBe(2);
    expect(await verifyCredentials({ username: w.buyer.email, password: "secret-pass-1" }, null)).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials({ username: w.buyer.email, password: result.password }, null)).toMatchObject({ ok: true });
    expect(await viewerOfSession(w.buyer.id, sid)).toBeNull();
    const [entry] = (await listAudit(w.adminViewer, { entity: "user", entityId: w.buyer.id }))!.entries;
    expect(entry).toMatchObject({ action: "password", changes: [] });
    expect(JSON.stringify(entry)).not.toContain(result.password);
    expect(JSON.stringify(entry)).not.toContain("scrypt$");
  });
});

/** A browser's cookie store, as the punchout module sees it. */
function jar(): CookieJar {
  const values = new Map<string, CookieSpec>();
  return { get: (name) => values.get(name)?.value, set: (c) => void values.set(c.name, c), delete: (name) => void values.delete(name) };
}

describe("VAT handling", () => {
  it("a reverse-charge customer pays 0 % VAT on the cart, the web order and its lines", async () => {
    const w = await makeWorld();
    expect(await updateCustomer(w.adminViewer, w.b2b.id, 1, formOf(w.b2b, { vatMode: "reverse_charge" }))).toMatchObject({ ok: true });
    const sid = await openAuthSession(w.buyer.id, "password", 3600);
    const viewer = await viewerOfSession(w.buyer.id, sid);
    expect(viewer!.customer.vatMode).toBe("reverse_charge");
    const cartId = await ensureCartId({ kind: "user", userId: w.buyer.id });
    await addToCart(cartId, w.products[1]!.id, 1);
    await addToCart(cartId, w.products[2]!.id, 2);
    const cart = await readCart(cartId, priceContextFor(viewer));
    expect(cart.totals.vatTotal).toBe(0n);
    const placed = await placeWebOrder(viewer!, cartId, { idempotencyKey: randomUUID(), paymentMethod: "invoice" });
    if (!placed.ok) throw new Error(placed.message);
    const [order] = await w.db.select().from(orders).where(eq(orders.id, placed.id));
    expect(order).toMatchObject({ subtotal: "178.8000", vatTotal: "0.0000", total: "178.8000", pricesIncludeVat: false });
    const lines = await w.db.select().from(orderLines).where(eq(orderLines.orderId, placed.id));
    expect(lines.map((l) => l.vatRate)).toEqual(["0.00", "0.00"]);
  });

  it("a standard customer still pays the product's VAT", async () => {
    const w = await makeWorld();
    const cartId = await ensureCartId({ kind: "user", userId: w.buyer.id });
    await addToCart(cartId, w.products[1]!.id, 1);
    const cart = await readCart(cartId, priceContextFor(w.buyerViewer));
    expect(cart.totals.vatTotal).toBe(amount("24.51")); // 19 % of 129.00
  });

  it("an export consumer sees net prices as the gross prices (0 % VAT)", async () => {
    const w = await makeWorld();
    const cartId = await ensureCartId({ kind: "user", userId: w.shopper.id });
    await addToCart(cartId, w.products[1]!.id, 1);
    const cart = await readCart(cartId, priceContextFor({ ...w.shopperViewer, customer: { ...w.shopperViewer.customer, vatMode: "export" } }));
    expect(cart.totals).toMatchObject({ includesVat: true, vatTotal: 0n });
    expect(cart.totals.total).toBe(cart.lines[0]!.netUnitPrice);
  });

  it("a punchout order of an export customer is recorded with 0 % VAT", async () => {
    const w = await makeWorld();
    const viewer = { ...w.buyerViewer, customer: { ...w.buyerViewer.customer, vatMode: "export" as const } };
    const started = await startPunchout(jar(), { id: w.buyer.id, customerId: w.b2b.id }, { hookUrl: "https://srm.example.com/hook", target: "_top", echoFields: [], charset: "utf-8" });
    const basket = await ensureCartId({ kind: "oci", userId: w.buyer.id, ociSessionId: started.session.sid });
    await addToCart(basket, w.products[1]!.id, 1);
    const form = await returnFormFor(started.session, viewer, await readCart(basket, priceContextFor(viewer)));
    const result = await recordTransfer(viewer, form.snapshotId!, started.session, "confirm");
    if (!result.ok) throw new Error(result.reason);
    const [order] = await w.db.select().from(orders).where(eq(orders.id, result.record.orderId));
    expect(order).toMatchObject({ channel: "oci", vatTotal: "0.0000", total: order!.subtotal });
  });
});
