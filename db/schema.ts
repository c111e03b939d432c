import { sql, type SQL } from "drizzle-orm";
import type { OciProfile } from "@/lib/oci/profile";
import {
  bigserial,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

// Money is numeric(14,4) everywhere and travels as a string: floats never touch prices.
const money = (name: string) => numeric(name, { precision: 14, scale: 4 });

const tsvector = customType<{ data: string }>({
  dataType: () => "tsvector",
});

// postgres.js answers a Buffer, PGlite a Uint8Array: both are Uint8Arrays.
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

export const customers = pgTable(
  "customers",
  {
    id: serial("id").primaryKey(),
    kind: text("kind", { enum: ["b2b", "consumer"] }).notNull(),
    debtorNumber: text("debtor_number").unique(),
    name: text("name").notNull(),
    priceListId: integer("price_list_id").references(() => priceLists.id),
    // Our supplier number in this customer's procurement system (OCI field VENDOR).
    ociVendorNumber: text("oci_vendor_number"),
    // standard: VAT as the product says; reverse_charge (EU business abroad) and export: 0 % VAT.
    vatMode: text("vat_mode", { enum: ["standard", "reverse_charge", "export"] }).notNull().default("standard"),
    billingAddress: jsonb("billing_address").$type<Address | null>(),
    shippingAddress: jsonb("shipping_address").$type<Address | null>(),
    active: boolean("active").notNull().default(true),
    // Optimistic concurrency for back-office edits: every save names the version it started from.
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("b2b_has_debtor_number", sql`${t.kind} <> 'b2b' or ${t.debtorNumber} is not null`),
    check("customers_vat_mode_known", sql`${t.vatMode} in ('standard', 'reverse_charge', 'export')`),
    index("customers_name_lower_idx").on(sql`lower(${t.name}) text_pattern_ops`),
  ],
);

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    customerId: integer("customer_id")
      .notNull()
      .references(() => customers.id),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ["buyer", "admin"] }).notNull().default("buyer"),
    // The user a debtor-number login signs in.
    isPrimary: boolean("is_primary").notNull().default(false),
    active: boolean("active").notNull().default(true),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`),
    index("users_customer_idx").on(t.customerId),
    uniqueIndex("users_one_primary_per_customer_idx").on(t.customerId).where(sql`${t.isPrimary}`),
  ],
);

export const categories = pgTable(
  "categories",
  {
    id: serial("id").primaryKey(),
    parentId: integer("parent_id"),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    position: integer("position").notNull().default(0),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("categories_parent_idx").on(t.parentId, t.position)],
);

export const products = pgTable(
  "products",
  {
    id: serial("id").primaryKey(),
    sku: text("sku").notNull().unique(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    manufacturer: text("manufacturer").notNull().default(""),
    manufacturerPartNumber: text("manufacturer_part_number").notNull().default(""),
    // ISO / UN-ECE unit code (C62, PCE, MTR, KGM, LTR, SET, BX …) as OCI expects it.
    unit: text("unit").notNull(),
    // Prices are quoted per this many units (1, 100, 1000).
    priceUnit: integer("price_unit").notNull().default(1),
    listPrice: money("list_price").notNull(),
    currency: text("currency").notNull().default("EUR"),
    vatRate: numeric("vat_rate", { precision: 5, scale: 2 }).notNull().default("19.00"),
    leadTimeDays: integer("lead_time_days").notNull().default(1),
    unspsc: text("unspsc").notNull().default(""),
    categoryId: integer("category_id")
      .notNull()
      .references(() => categories.id),
    stock: integer("stock").notNull().default(0),
    minQuantity: integer("min_quantity").notNull().default(1),
    packQuantity: integer("pack_quantity").notNull().default(1),
    active: boolean("active").notNull().default(true),
    featured: boolean("featured").notNull().default(false),
    version: integer("version").notNull().default(1),
    // 0: the generated picture; counted up by every upload, so picture URLs change with the picture
    // and can be cached for good.
    imageVersion: integer("image_version").notNull().default(0),
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('simple', coalesce(${products.name}, '') || ' ' || coalesce(${products.manufacturer}, '')), 'A') || setweight(to_tsvector('german', coalesce(${products.name}, '') || ' ' || coalesce(${products.description}, '')), 'B') || setweight(to_tsvector('english', coalesce(${products.name}, '') || ' ' || coalesce(${products.description}, '')), 'B')`,
    ),
    // The words of name and manufacturer alone (unstemmed, German and English stems): search takes its
    // first candidates from these, so the best matches are among the bounded candidate set.
    nameVector: tsvector("name_vector").generatedAlwaysAs(
      (): SQL =>
        sql`to_tsvector('simple', coalesce(${products.name}, '') || ' ' || coalesce(${products.manufacturer}, '')) || to_tsvector('german', coalesce(${products.name}, '')) || to_tsvector('english', coalesce(${products.name}, ''))`,
    ),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("products_price_unit_positive", sql`${t.priceUnit} > 0`),
    check("products_min_qty_positive", sql`${t.minQuantity} > 0 and ${t.packQuantity} > 0`),
    // Category listings walk one of these per category in the requested order and stop after the
    // page (lib/catalog/queries.ts): name or price order, optionally within one manufacturer.
    index("products_category_name_id_idx").on(t.categoryId, t.name, t.id).where(sql`${t.active}`),
    index("products_category_price_id_idx").on(t.categoryId, t.listPrice, t.id).where(sql`${t.active}`),
    index("products_category_mfr_name_id_idx").on(t.categoryId, t.manufacturer, t.name, t.id).where(sql`${t.active}`),
    index("products_category_mfr_price_id_idx").on(t.categoryId, t.manufacturer, t.listPrice, t.id).where(sql`${t.active}`),
    index("products_featured_idx").on(t.id).where(sql`${t.featured} and ${t.active}`),
    index("products_search_idx").using("gin", t.searchVector),
    index("products_name_search_idx").using("gin", t.nameVector),
    index("products_sku_lower_idx").on(sql`lower(${t.sku}) text_pattern_ops`),
    index("products_mpn_lower_idx").on(sql`lower(${t.manufacturerPartNumber}) text_pattern_ops`),
    // The back office lists every product (active or not) of one category by SKU, and the few
    // inactive ones on their own.
    index("products_category_sku_idx").on(t.categoryId, t.sku),
    index("products_inactive_sku_idx").on(t.sku).where(sql`not ${t.active}`),
    index("products_inactive_category_sku_idx").on(t.categoryId, t.sku).where(sql`not ${t.active}`),
  ],
);

// The distinct words of active products' names, manufacturers and descriptions (lower case, letters
// only, 3–40 characters): a small table whatever the catalogue's size, where a trigram index finds
// the few known words close to a mistyped one. A statement-level trigger on products (migration
// 0003) adds the words of every inserted or changed product; lib/catalog/search-words.ts rebuilds it.
export const searchWords = pgTable(
  "search_words",
  { word: text("word").primaryKey() },
  (t) => [index("search_words_trgm_idx").using("gin", t.word.op("gin_trgm_ops"))],
);

export const priceLists = pgTable("price_lists", {
  id: serial("id").primaryKey(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  currency: text("currency").notNull().default("EUR"),
  version: integer("version").notNull().default(1),
});

// Quantity tiers: the row with the highest min_quantity not above the ordered quantity applies.
export const priceListPrices = pgTable(
  "price_list_prices",
  {
    priceListId: integer("price_list_id")
      .notNull()
      .references(() => priceLists.id, { onDelete: "cascade" }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    minQuantity: integer("min_quantity").notNull().default(1),
    price: money("price").notNull(),
  },
  (t) => [primaryKey({ columns: [t.priceListId, t.productId, t.minQuantity] })],
);

export const customerPrices = pgTable(
  "customer_prices",
  {
    customerId: integer("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    minQuantity: integer("min_quantity").notNull().default(1),
    price: money("price").notNull(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.productId, t.minQuantity] })],
);

export const ociSessions = pgTable(
  "oci_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    customerId: integer("customer_id")
      .notNull()
      .references(() => customers.id),
    hookOrigin: text("hook_origin").notNull(),
    // Why the session ended; "active" while it is open.
    status: text("status", { enum: ["active", "transferred", "cancelled", "replaced", "expired", "signed_out"] })
      .notNull()
      .default("active"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    // Absolute end, whatever the activity (the idle limit lives in the cookie's expiry).
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull().default(sql`now() + interval '12 hours'`),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    // The "open in a new window" link for browsers that refuse cookies works once; it is also used
    // up as soon as the buyer's own browser passes /oci/start with its cookie.
    handoffUsedAt: timestamp("handoff_used_at", { withTimezone: true }),
    // How the procurement system came in and gets the basket back: an OCI call or a cXML setup.
    protocol: text("protocol", { enum: ["oci", "cxml"] }).notNull().default("oci"),
  },
  (t) => [index("oci_sessions_user_active_idx").on(t.userId).where(sql`${t.status} = 'active'`)],
);

// What the cart page rendered as the return form: the exact ordered fields plus the priced lines, so
// the hook, the buyer and the stored order see one list. The newest snapshot of a session is current.
export const ociSnapshots = pgTable(
  "oci_snapshots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seq: bigserial("seq", { mode: "number" }).notNull(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => ociSessions.id, { onDelete: "cascade" }),
    digest: text("digest").notNull(),
    fields: jsonb("fields").$type<[string, string][]>().notNull(),
    order: jsonb("order_draft").$type<OrderDraftData>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("oci_snapshots_session_seq_idx").on(t.sessionId, t.seq)],
);

/** The priced lines and totals frozen with a snapshot (money as exact decimal strings). */
export type OrderDraftData = {
  currency: string;
  pricesIncludeVat: boolean;
  subtotal: string;
  vatTotal: string;
  total: string;
  lines: { productId: number; sku: string; name: string; unit: string; priceUnit: number; unitPrice: string; quantity: number; lineTotal: string; vatRate: string }[];
};

export const carts = pgTable(
  "carts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: ["web", "oci"] }).notNull().default("web"),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    ociSessionId: uuid("oci_session_id").references(() => ociSessions.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("carts_one_web_cart_per_user_idx").on(t.userId).where(sql`${t.kind} = 'web'`),
    uniqueIndex("carts_oci_session_idx").on(t.ociSessionId),
  ],
);

export const cartLines = pgTable(
  "cart_lines",
  {
    cartId: uuid("cart_id")
      .notNull()
      .references(() => carts.id, { onDelete: "cascade" }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    quantity: integer("quantity").notNull(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.cartId, t.productId] }),
    check("cart_lines_quantity_positive", sql`${t.quantity} > 0`),
  ],
);

export type Address = {
  name: string;
  company?: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
};

export const orders = pgTable(
  "orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: serial("number").notNull().unique(),
    customerId: integer("customer_id")
      .notNull()
      .references(() => customers.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    channel: text("channel", { enum: ["web", "oci", "cxml"] }).notNull(),
    // Web orders: placed → confirmed → shipped, or cancelled. Punchout orders: transferred.
    status: text("status", { enum: ["placed", "confirmed", "shipped", "cancelled", "transferred"] }).notNull(),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }),
    // Set by the client per checkout attempt: a double submit finds the first order.
    idempotencyKey: text("idempotency_key").notNull().unique(),
    poReference: text("po_reference").notNull().default(""),
    note: text("note").notNull().default(""),
    paymentMethod: text("payment_method", { enum: ["invoice", "bank_transfer", "procurement"] }).notNull(),
    shippingAddress: jsonb("shipping_address").$type<Address | null>(),
    billingAddress: jsonb("billing_address").$type<Address | null>(),
    currency: text("currency").notNull(),
    pricesIncludeVat: boolean("prices_include_vat").notNull(),
    subtotal: money("subtotal").notNull(),
    vatTotal: money("vat_total").notNull(),
    total: money("total").notNull(),
    ociSessionId: uuid("oci_session_id")
      .references(() => ociSessions.id)
      .unique(),
    ociHookOrigin: text("oci_hook_origin"),
    // The transfer as it left: hook URL, form target, charset and the exact ordered name/value pairs.
    ociHookUrl: text("oci_hook_url"),
    ociTarget: text("oci_target"),
    ociCharset: text("oci_charset"),
    ociSnapshotId: uuid("oci_snapshot_id").unique(),
    ociFields: jsonb("oci_fields").$type<[string, string][] | null>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("orders_customer_created_idx").on(t.customerId, t.createdAt),
    // The back office's order list: newest first, optionally one status or channel.
    index("orders_created_idx").on(t.createdAt),
    index("orders_status_created_idx").on(t.status, t.createdAt),
    index("orders_channel_created_idx").on(t.channel, t.createdAt),
    check("orders_status_known", sql`${t.status} in ('placed', 'confirmed', 'shipped', 'cancelled', 'transferred')`),
  ],
);

export const orderLines = pgTable(
  "order_lines",
  {
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    lineNo: integer("line_no").notNull(),
    productId: integer("product_id").references(() => products.id, { onDelete: "set null" }),
    sku: text("sku").notNull(),
    name: text("name").notNull(),
    unit: text("unit").notNull(),
    priceUnit: integer("price_unit").notNull(),
    unitPrice: money("unit_price").notNull(),
    quantity: integer("quantity").notNull(),
    lineTotal: money("line_total").notNull(),
    vatRate: numeric("vat_rate", { precision: 5, scale: 2 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.lineNo] })],
);

// Sign-in and registration attempt counts live in the database so the limits hold across app
// instances (see lib/auth/throttle). The scope enum is TypeScript only: the column is plain text.
export const authThrottle = pgTable(
  "auth_throttle",
  {
    scope: text("scope", { enum: ["user-ip", "user", "ip", "register"] }).notNull(),
    key: text("key").notNull(),
    // Attempts in the current window, counted before the password is checked (the column keeps
    // its first name, "failures", so no migration is needed).
    attempts: integer("failures").notNull().default(0),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index("auth_throttle_window_idx").on(t.windowStart)],
);

// Server-side record of every web session (the JWT carries its id): signing out ends it here, so a
// copied cookie stops working at once.
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    method: text("method", { enum: ["password", "grant"] }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [index("auth_sessions_user_idx").on(t.userId)],
);

// Single-use, short-lived sign-in grants (a handoff link, an account-switch confirmation, a fresh
// registration): only the SHA-256 of the token is stored.
export const authGrants = pgTable("auth_grants", {
  tokenHash: text("token_hash").primaryKey(),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  // oci-test: the punchout tester's stand-in for a buyer's password (one call of /ocihome).
  purpose: text("purpose", { enum: ["oci-handoff", "oci-switch", "registration", "oci-test"] }).notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

// A product picture uploaded in the back office, kept in the shop's own database (no third-party
// host, and it works where the file system is not kept, as on serverless hosts). Without a row the
// generated picture is shown.
export const productImages = pgTable("product_images", {
  productId: integer("product_id")
    .primaryKey()
    .references(() => products.id, { onDelete: "cascade" }),
  contentType: text("content_type", { enum: ["image/png", "image/jpeg", "image/webp"] }).notNull(),
  bytes: bytea("bytes").notNull(),
  sha256: text("sha256").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

// A customer's OCI profile (lib/oci/profile.ts): how their procurement system wants our fields and
// which calls are accepted. No row: the defaults. Written by lib/admin/oci-profiles.ts only.
export const ociProfiles = pgTable("oci_profiles", {
  customerId: integer("customer_id")
    .primaryKey()
    .references(() => customers.id, { onDelete: "cascade" }),
  profile: jsonb("profile").$type<OciProfile>().notNull(),
  version: integer("version").notNull().default(1),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

// The back office's punchout tester: each run starts a real punchout whose hook is the shop's own
// receiver (/oci-tester/hook/<id>); what arrives there is kept as received. The last 20 are kept.
export const ociTestRuns = pgTable(
  "oci_test_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    adminUserId: integer("admin_user_id").references(() => users.id, { onDelete: "set null" }),
    customerId: integer("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // What the operator chose: method, charset, parameter case, echo fields, window, function.
    options: jsonb("options").$type<Record<string, unknown>>().notNull(),
    // SHA-256 of the secret in the hook URL: only the punchout this run started can deliver to it.
    hookKeyHash: text("hook_key_hash").notNull(),
    status: text("status", { enum: ["started", "received"] }).notNull().default("started"),
    receivedAt: timestamp("received_at", { withTimezone: true }),
    contentType: text("content_type"),
    charset: text("charset"),
    rawBody: bytea("raw_body"),
    fields: jsonb("fields").$type<[string, string][] | null>(),
  },
  (t) => [index("oci_test_runs_created_idx").on(t.createdAt)],
);

/** One changed attribute of an audited object, as displayed (money and dates as strings). */
export type AuditChange = { field: string; from: string | null; to: string | null };

// Every back-office change: who, when, which object, what changed. Written by lib/admin/audit.ts only.
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: integer("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    // Kept as written, so the entry still says who after the account is gone.
    actorEmail: text("actor_email").notNull(),
    entity: text("entity", { enum: ["product", "category", "price_list", "customer", "user", "order", "import"] }).notNull(),
    entityId: text("entity_id").notNull(),
    // A short label of the object at the time (SKU, debtor number, e-mail, order number).
    entityLabel: text("entity_label").notNull().default(""),
    action: text("action").notNull(),
    changes: jsonb("changes").$type<AuditChange[]>().notNull().default([]),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.entity, t.entityId, t.id),
    index("audit_log_kind_idx").on(t.entity, t.id),
    index("audit_log_actor_idx").on(t.actorUserId, t.id),
    // The audit list's search: an object's label (SKU, e-mail, order number) or who, as a prefix.
    index("audit_log_label_idx").on(sql`lower(${t.entityLabel}) text_pattern_ops`),
    index("audit_log_actor_email_idx").on(sql`lower(${t.actorEmail}) text_pattern_ops`),
  ],
);

/** One cXML credential: `<Credential domain="NetworkID"><Identity>AN01…</Identity></Credential>`. */
export type CxmlCredential = { domain: string; identity: string };

// A customer's cXML punchout settings: the identities their procurement system sends (From,
// Sender) and ours (To), the Sender's shared secret (hashed like a password), the user a setup
// signs in when it names none of the customer's users, and how the basket goes back. No row: cXML
// is off for the customer. Written by lib/cxml/settings-store.ts only.
export const cxmlSettings = pgTable(
  "cxml_settings",
  {
    customerId: integer("customer_id")
      .primaryKey()
      .references(() => customers.id, { onDelete: "cascade" }),
    enabled: boolean("enabled").notNull().default(true),
    fromDomain: text("from_domain").notNull(),
    fromIdentity: text("from_identity").notNull(),
    senderDomain: text("sender_domain").notNull(),
    senderIdentity: text("sender_identity").notNull(),
    toDomain: text("to_domain").notNull(),
    toIdentity: text("to_identity").notNull(),
    sharedSecretHash: text("shared_secret_hash").notNull(),
    defaultUserId: integer("default_user_id").references(() => users.id, { onDelete: "set null" }),
    returnField: text("return_field", { enum: ["cxml-urlencoded", "cxml-base64"] }).notNull().default("cxml-urlencoded"),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // A setup request is matched to its customer by the From credential: one customer per identity.
  (t) => [uniqueIndex("cxml_settings_from_idx").on(sql`lower(${t.fromDomain})`, sql`lower(${t.fromIdentity})`)],
);

/** What a cXML punchout needs to write its order message, fixed at setup. */
export type CxmlSessionData = {
  setupId: string;
  operation: "create" | "edit" | "inspect";
  buyerCookie: string;
  /** The setup's From: the buyer, our message's To. */
  buyer: CxmlCredential;
  /** The setup's To: us, our message's From and Sender. */
  supplier: CxmlCredential;
  field: "cxml-urlencoded" | "cxml-base64";
  lang: string;
};

/** An ItemOut line of an edit or inspect setup: the basket to start from. */
export type CxmlItemOut = { supplierPartId: string; auxiliaryId: string; quantity: number };

// Accepted PunchOutSetupRequests waiting for their StartPage to be opened: once, within minutes.
// Only the SHA-256 of the StartPage token is kept. Written by lib/cxml/setup-store.ts only.
export const cxmlSetups = pgTable(
  "cxml_setups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    customerId: integer("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // The request's payloadID, as the procurement system's own reference.
    payloadId: text("payload_id").notNull(),
    browserFormPostUrl: text("browser_form_post_url").notNull(),
    session: jsonb("session").$type<Omit<CxmlSessionData, "setupId">>().notNull(),
    items: jsonb("items").$type<CxmlItemOut[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    sessionId: uuid("session_id").references(() => ociSessions.id, { onDelete: "set null" }),
  },
  (t) => [index("cxml_setups_created_idx").on(t.createdAt)],
);
