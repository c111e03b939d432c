import { sql } from "drizzle-orm";
import {
  categories,
  customerPrices,
  customers,
  ociProfiles,
  priceListPrices,
  priceLists,
  products,
  users,
} from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { saveCxmlSettings } from "@/lib/cxml/settings-store";
import { DEFAULT_PROFILE, type OciProfile } from "@/lib/oci/profile";
import type { Db, Tx } from "@/lib/db/client";
import { DEMO_ANCHORS } from "./anchors";
import { generateCatalog } from "./catalog";
import type { ProductSeed } from "./types";

// Demo data for development, the browser tests and load tests: catalogue, price lists, customers
// and users. Everything goes in as one transaction with multi-row inserts of at most CHUNK rows.

export const DEMO_PASSWORD = "demo1234";

/** Müller Maschinenbau's cXML punchout (README): their identities, ours, the shared secret. */
export const DEMO_CXML = {
  customer: "industry",
  from: { domain: "NetworkID", identity: "AN01000010001" },
  to: { domain: "NetworkID", identity: "AN02000000100" },
  sender: { domain: "NetworkID", identity: "AN01000010001" },
  sharedSecret: "demo-cxml-secret",
  defaultUser: "buyer@example.com",
} as const;
export const DEFAULT_DEMO_PRODUCTS = 300;
const CHUNK = 1000;

export const DEMO_CUSTOMERS = {
  industry: { kind: "b2b", debtorNumber: "10001", name: "Müller Maschinenbau GmbH", priceList: "B2B-A", ociVendorNumber: "4711" },
  installer: { kind: "b2b", debtorNumber: "10002", name: "Van Dijk Installatietechniek B.V.", priceList: "B2B-B", ociVendorNumber: "V-2002" },
  consumer: { kind: "consumer", debtorNumber: null, name: "Sabine Schröder", priceList: null, ociVendorNumber: null },
  shop: { kind: "consumer", debtorNumber: null, name: "Shop administration", priceList: null, ociVendorNumber: null },
} as const;

type CustomerKey = keyof typeof DEMO_CUSTOMERS;

export const DEMO_USERS = {
  buyer: { email: "buyer@example.com", name: "Jan Müller", debtorNumber: "10001", customer: "industry", role: "buyer", isPrimary: true, active: true },
  buyer2: { email: "buyer2@example.com", name: "Eva de Vries", debtorNumber: "10002", customer: "installer", role: "buyer", isPrimary: true, active: true },
  purchasing: { email: "purchasing@example.com", name: "Thomas Becker", debtorNumber: "10001", customer: "industry", role: "buyer", isPrimary: false, active: true },
  shopper: { email: "shopper@example.com", name: "Sabine Schröder", debtorNumber: null, customer: "consumer", role: "buyer", isPrimary: false, active: true },
  admin: { email: "admin@example.com", name: "Shop Admin", debtorNumber: null, customer: "shop", role: "admin", isPrimary: false, active: true },
  disabled: { email: "disabled@example.com", name: "Klaus Weber", debtorNumber: "10001", customer: "industry", role: "buyer", isPrimary: false, active: false },
} as const satisfies Record<
  string,
  { email: string; name: string; debtorNumber: string | null; customer: CustomerKey; role: "buyer" | "admin"; isPrimary: boolean; active: boolean }
>;

export const DEMO_PRICE_LISTS = {
  "B2B-A": "Industrie A",
  "B2B-B": "Installateur B",
} as const;

type Tier = { minQuantity: number; price: string };

/** Fixed tiers the browser tests rely on. */
const ANCHOR_TIERS: Record<"B2B-A", Record<string, Tier[]>> = {
  "B2B-A": {
    [DEMO_ANCHORS.perHundred.sku]: [
      { minQuantity: 100, price: "9.8000" },
      { minQuantity: 1000, price: "8.9000" },
    ],
    [DEMO_ANCHORS.umlaut.sku]: [
      { minQuantity: 1, price: "109.0000" },
      { minQuantity: 5, price: "99.0000" },
    ],
  },
};

const ANCHOR_CUSTOMER_PRICES: Record<string, Tier[]> = {
  [DEMO_ANCHORS.dutch.sku]: [{ minQuantity: 1, price: "9.9000" }],
};

const ANCHOR_SKUS: Set<string> = new Set(Object.values(DEMO_ANCHORS).map((a) => a.sku));

// ---------------------------------------------------------------------------------------------

/** "12.5000" → 1250 cents. List prices are whole cents. */
function toCents(value: string): number {
  const [whole = "0", frac = ""] = value.split(".");
  return Number(whole) * 100 + Number((frac + "00").slice(0, 2));
}

function fromCents(cents: number): string {
  const c = Math.max(1, Math.round(cents));
  return `${Math.floor(c / 100)}.${String(c % 100).padStart(2, "0")}00`;
}

/** Small deterministic hash of a SKU → [0, 1). */
function unit(sku: string, salt: number): number {
  let h = 2166136261 ^ salt;
  for (let i = 0; i < sku.length; i++) h = Math.imul(h ^ sku.charCodeAt(i), 16777619);
  h ^= h >>> 13;
  h = Math.imul(h, 0x5bd1e995);
  h ^= h >>> 15;
  return (h >>> 0) / 4294967296;
}

/** Tiers for a product on a price list: 8–25 % under list from the minimum quantity, more for volume. */
function generatedTiers(p: ProductSeed, salt: number, share: number): Tier[] {
  if (unit(p.sku, salt) >= share) return [];
  const list = toCents(p.listPrice);
  const discount = 0.08 + unit(p.sku, salt + 1) * 0.17;
  const base = list * (1 - discount);
  const tiers: Tier[] = [{ minQuantity: p.minQuantity, price: fromCents(base) }];
  if (unit(p.sku, salt + 2) < 0.5) {
    const step = p.priceUnit > 1 ? p.priceUnit : p.packQuantity;
    const [second, third] = p.priceUnit === 100 ? [1000, 5000] : p.priceUnit === 1000 ? [10000, 50000] : [step * 10, step * 50];
    tiers.push({ minQuantity: Math.max(second, p.minQuantity * 2), price: fromCents(base * 0.96) });
    tiers.push({ minQuantity: Math.max(third, p.minQuantity * 10), price: fromCents(base * 0.92) });
  }
  // Tiny prices must still fall from tier to tier, never rise.
  return tiers.filter((t, i) => i === 0 || toCents(t.price) < toCents(tiers[i - 1]!.price));
}

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

async function hashUsers() {
  const entries = Object.values(DEMO_USERS);
  // One after another: the shop bounds parallel password hashing, and the seed is no exception.
  const hashed = [];
  for (const u of entries) hashed.push({ ...u, passwordHash: await hashPassword(DEMO_PASSWORD) });
  return hashed;
}

async function seedInto(tx: Tx, productCount: number, hashedUsers: Awaited<ReturnType<typeof hashUsers>>) {
  const catalog = generateCatalog({ products: productCount });

  // Categories: top level first, then their children.
  const categoryIds = new Map<string, number>();
  const tops = catalog.categories.filter((c) => c.parentSlug === null);
  const insertedTops = await tx
    .insert(categories)
    .values(tops.map((c) => ({ slug: c.slug, name: c.name, description: c.description, position: c.position, parentId: null })))
    .returning({ id: categories.id, slug: categories.slug });
  for (const c of insertedTops) categoryIds.set(c.slug, c.id);
  const children = catalog.categories.filter((c) => c.parentSlug !== null);
  const insertedChildren = await tx
    .insert(categories)
    .values(
      children.map((c) => ({
        slug: c.slug,
        name: c.name,
        description: c.description,
        position: c.position,
        parentId: categoryIds.get(c.parentSlug!)!,
      })),
    )
    .returning({ id: categories.id, slug: categories.slug });
  for (const c of insertedChildren) categoryIds.set(c.slug, c.id);

  // Products.
  const productIds = new Map<string, number>();
  await insertChunks(catalog.products, async (chunk) => {
    const rows = await tx
      .insert(products)
      .values(
        chunk.map(({ categorySlug, ...p }) => {
          const categoryId = categoryIds.get(categorySlug);
          if (categoryId === undefined) throw new Error(`Unknown category ${categorySlug}`);
          return { ...p, categoryId };
        }),
      )
      .returning({ id: products.id, sku: products.sku });
    for (const r of rows) productIds.set(r.sku, r.id);
  });
  const idOf = (sku: string) => {
    const id = productIds.get(sku);
    if (id === undefined) throw new Error(`Product ${sku} was not seeded`);
    return id;
  };

  // Price lists with tiers.
  const lists = await tx
    .insert(priceLists)
    .values(Object.entries(DEMO_PRICE_LISTS).map(([code, name]) => ({ code, name, currency: "EUR" })))
    .returning({ id: priceLists.id, code: priceLists.code });
  const listId = new Map(lists.map((l) => [l.code, l.id]));
  const priceRows: (typeof priceListPrices.$inferInsert)[] = [];
  for (const [code, salt, share] of [
    ["B2B-A", 11, 0.6],
    ["B2B-B", 23, 0.45],
  ] as const) {
    const priceListId = listId.get(code)!;
    for (const p of catalog.products) {
      // Anchors get only the fixed tiers, so the tests know exactly which price applies.
      const tiers = ANCHOR_SKUS.has(p.sku) ? (code === "B2B-A" ? ANCHOR_TIERS["B2B-A"][p.sku] ?? [] : []) : generatedTiers(p, salt, share);
      for (const t of tiers) priceRows.push({ priceListId, productId: idOf(p.sku), minQuantity: t.minQuantity, price: t.price });
    }
  }
  await insertChunks(priceRows, (chunk) => tx.insert(priceListPrices).values(chunk));

  // Customers.
  const customerRows = await tx
    .insert(customers)
    .values(
      (Object.keys(DEMO_CUSTOMERS) as CustomerKey[]).map((key) => {
        const c = DEMO_CUSTOMERS[key];
        return {
          kind: c.kind,
          debtorNumber: c.debtorNumber,
          name: c.name,
          priceListId: c.priceList ? listId.get(c.priceList)! : null,
          ociVendorNumber: c.ociVendorNumber,
        };
      }),
    )
    .returning({ id: customers.id, name: customers.name });
  const customerId = new Map<CustomerKey, number>();
  for (const key of Object.keys(DEMO_CUSTOMERS) as CustomerKey[]) {
    customerId.set(key, customerRows.find((r) => r.name === DEMO_CUSTOMERS[key].name)!.id);
  }

  // Van Dijk's procurement system wants its own codes: an operator sees what a mapped OCI profile
  // does (Müller keeps the defaults). Fasteners and everything below them are FAST.
  const vanDijk: OciProfile = {
    ...DEFAULT_PROFILE,
    vendorNumber: DEMO_CUSTOMERS.installer.ociVendorNumber,
    unitCodes: { C62: "PCE", PR: "PAA" },
    matgroup: { source: "category", codes: categoryIds.has("fasteners") ? { [String(categoryIds.get("fasteners"))]: "FAST" } : {} },
    custFields: [{ kind: "attribute", attribute: "manufacturer" }, { kind: "none" }, { kind: "none" }, { kind: "none" }, { kind: "none" }],
    allowedHooks: ["http://127.0.0.1:", "http://localhost:"],
  };
  await tx.insert(ociProfiles).values({ customerId: customerId.get("installer")!, profile: vanDijk });

  // Customer-specific prices for Müller Maschinenbau: the Dutch anchor plus a few generated articles.
  const special: (typeof customerPrices.$inferInsert)[] = [];
  const industry = customerId.get("industry")!;
  for (const [sku, tiers] of Object.entries(ANCHOR_CUSTOMER_PRICES)) {
    if (!productIds.has(sku)) continue;
    for (const t of tiers) special.push({ customerId: industry, productId: idOf(sku), minQuantity: t.minQuantity, price: t.price });
  }
  const candidates = catalog.products.filter((p) => !ANCHOR_SKUS.has(p.sku) && p.active && p.priceUnit === 1).slice(0, 40);
  for (const p of candidates.filter((_, i) => i % 8 === 5)) {
    special.push({ customerId: industry, productId: idOf(p.sku), minQuantity: p.minQuantity, price: fromCents(toCents(p.listPrice) * 0.7) });
  }
  if (special.length) await insertChunks(special, (chunk) => tx.insert(customerPrices).values(chunk));

  // Users.
  await tx.insert(users).values(
    hashedUsers.map((u) => ({
      customerId: customerId.get(u.customer)!,
      email: u.email,
      name: u.name,
      passwordHash: u.passwordHash,
      role: u.role,
      isPrimary: u.isPrimary,
      active: u.active,
    })),
  );

  const [defaultUser] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${DEMO_CXML.defaultUser}`).limit(1);
  await saveCxmlSettings(tx, customerId.get(DEMO_CXML.customer)!, {
    enabled: true,
    from: DEMO_CXML.from,
    sender: DEMO_CXML.sender,
    to: DEMO_CXML.to,
    sharedSecret: DEMO_CXML.sharedSecret,
    defaultUserId: defaultUser?.id ?? null,
    returnField: "cxml-urlencoded",
  });

  return catalog.products.length;
}

/** Seeds the demo data in one transaction. Expects empty tables (see `seedDemoDataIfEmpty`). */
export async function seedDemoData(db: Db, options: { products?: number } = {}): Promise<{ products: number; ms: number }> {
  const started = performance.now();
  const hashed = await hashUsers();
  const count = await db.transaction((tx) => seedInto(tx, options.products ?? DEFAULT_DEMO_PRODUCTS, hashed));
  return { products: count, ms: Math.round(performance.now() - started) };
}

async function hasProducts(db: Db | Tx): Promise<boolean> {
  const rows = await db.select({ id: products.id }).from(products).limit(1);
  return rows.length > 0;
}

/**
 * Seeds the demo data unless the catalogue already has products. Safe when several app instances
 * start at once: a transaction-scoped advisory lock lets exactly one of them seed.
 * Returns true when this call seeded.
 */
export async function seedDemoDataIfEmpty(db: Db, options: { products?: number } = {}): Promise<boolean> {
  if (await hasProducts(db)) return false;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('oci-shop:seed'))`);
    if (await hasProducts(tx)) return false;
    const hashed = await hashUsers();
    await seedInto(tx, options.products ?? DEFAULT_DEMO_PRODUCTS, hashed);
    return true;
  });
}
