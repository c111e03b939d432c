import "server-only";
import { documentOfField } from "@/lib/cxml/outbound-order";
import { and, asc, desc, eq, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { customers, orderLines, orders, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/session-viewer";
import { getDb } from "@/lib/db/client";
import { checkOciFields, type OutboundCheck } from "@/lib/oci/outbound-checks";
import { encodeFormBody } from "@/lib/oci/form-body";
import { ORDER_STATUS_LABELS } from "@/lib/orders/labels";
import { allowedActions, STATUS_ACTIONS, type OrderChannel, type OrderStatus, type StatusAction } from "@/lib/orders/status-rules";
import { lockOrderStatus, setOrderStatus } from "@/lib/orders/store";
import { berlinDayStart, parseDay } from "@/lib/time/berlin-day";
import { changesBetween, listAudit, recordAudit, type AuditEntry } from "./audit";
import { adminOf } from "./operator";
import { NOT_FOUND, refused, type WriteResult } from "./result";

export const ORDERS_PAGE_SIZE = 50;
/** Counting stops here: beyond it the list says "more than 1000". */
const COUNT_CAP = 1000;
/** Offset paging goes this deep (10,000 orders); older ones are found with the filters. */
export const ORDERS_MAX_PAGE = 200;
/** A name prefix like "M" matches many customers: their orders are looked up for this many. */
const MAX_CUSTOMERS = 500;

export type OrderListFilter = {
  /** An order number, a debtor number (both exactly) or the beginning of a customer's name. */
  q?: string;
  status?: OrderStatus;
  channel?: OrderChannel;
  /** Calendar days ("YYYY-MM-DD") in Berlin time, both included. */
  from?: string;
  to?: string;
  page?: number;
};

export type AdminOrderRow = {
  id: string;
  number: number;
  createdAt: Date;
  customerId: number;
  customerName: string;
  debtorNumber: string | null;
  channel: OrderChannel;
  status: OrderStatus;
  poReference: string;
  total: string;
  currency: string;
};

export type AdminOrderList = {
  rows: AdminOrderRow[];
  page: number;
  pageCount: number;
  /** The count stopped at the cap: there may always be a next page. */
  open: boolean;
  countLabel: string;
  /** The search matched more customers than are looked up. */
  customersCapped: boolean;
};

const isUuid = (id: string) => z.uuid().safeParse(id).success;
const likePrefix = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Customers by debtor number (exactly) or name prefix: customers_name_lower_idx serves the prefix. */
async function customerIdsMatching(term: string): Promise<{ ids: number[]; capped: boolean }> {
  const db = await getDb();
  const rows = await db
    .select({ id: customers.id })
    .from(customers)
    .where(or(eq(customers.debtorNumber, term), sql`lower(${customers.name}) like ${likePrefix(term.toLowerCase())}`))
    .limit(MAX_CUSTOMERS + 1);
  return { ids: rows.slice(0, MAX_CUSTOMERS).map((r) => r.id), capped: rows.length > MAX_CUSTOMERS };
}

/**
 * All orders, newest first, 50 a page. Each filter narrows along one of the orders indexes (created,
 * status + created, channel + created, customer + created); a search first resolves customers,
 * then asks for their orders (or the order of that number) in the one page query.
 */
export async function listAdminOrders(viewer: Viewer | null, filter: OrderListFilter): Promise<AdminOrderList | null> {
  if (!adminOf(viewer)) return null;
  const db = await getDb();
  const page = Math.min(Math.max(1, Math.trunc(filter.page ?? 1)), ORDERS_MAX_PAGE);
  const empty: AdminOrderList = { rows: [], page, pageCount: 0, open: false, countLabel: "0 orders", customersCapped: false };

  const where: SQL[] = [];
  if (filter.status) where.push(eq(orders.status, filter.status));
  if (filter.channel) where.push(eq(orders.channel, filter.channel));
  if (filter.from && parseDay(filter.from)) where.push(gte(orders.createdAt, berlinDayStart(filter.from)));
  if (filter.to && parseDay(filter.to)) where.push(lt(orders.createdAt, berlinDayStart(filter.to, 1)));
  let customersCapped = false;
  const term = filter.q?.trim() ?? "";
  if (term) {
    const matched = await customerIdsMatching(term);
    customersCapped = matched.capped;
    const either: SQL[] = [];
    if (/^\d{1,9}$/.test(term)) either.push(eq(orders.number, Number(term)));
    if (matched.ids.length) either.push(inArray(orders.customerId, matched.ids));
    if (either.length === 0) return empty;
    where.push(or(...either)!);
  }
  const condition = where.length ? and(...where) : undefined;

  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: orders.id,
        number: orders.number,
        createdAt: orders.createdAt,
        customerId: orders.customerId,
        customerName: customers.name,
        debtorNumber: customers.debtorNumber,
        channel: orders.channel,
        status: orders.status,
        poReference: orders.poReference,
        total: orders.total,
        currency: orders.currency,
      })
      .from(orders)
      .innerJoin(customers, eq(customers.id, orders.customerId))
      .where(condition)
      .orderBy(desc(orders.createdAt), desc(orders.number))
      .limit(ORDERS_PAGE_SIZE + 1)
      .offset((page - 1) * ORDERS_PAGE_SIZE),
    db.select({ n: sql<number>`count(*)::int` }).from(db.select({ one: sql`1` }).from(orders).where(condition).limit(COUNT_CAP + 1).as("capped")),
  ]);
  const count = Number(counted?.n ?? 0);
  const more = count > COUNT_CAP;
  const hasNext = rows.length > ORDERS_PAGE_SIZE;
  const pageCount = more ? Math.max(page, ORDERS_MAX_PAGE) : Math.ceil(count / ORDERS_PAGE_SIZE);
  return {
    rows: rows.slice(0, ORDERS_PAGE_SIZE),
    page,
    pageCount: more && !hasNext ? page : Math.min(pageCount, ORDERS_MAX_PAGE),
    open: more && hasNext && page < ORDERS_MAX_PAGE,
    countLabel: more ? `more than ${COUNT_CAP} orders` : `${count} ${count === 1 ? "order" : "orders"}`,
    customersCapped,
  };
}

export type AdminTransfer = {
  hookOrigin: string | null;
  hookUrl: string | null;
  target: string | null;
  charset: string | null;
  sentAt: Date;
  checks: OutboundCheck;
};

/** A cXML transfer as it left: the form field and the PunchOutOrderMessage it carried. */
export type AdminCxmlTransfer = Omit<AdminTransfer, "checks"> & { field: string; document: string };

export type AdminOrder = NonNullable<Awaited<ReturnType<typeof loadOrder>>> & {
  actions: StatusAction[];
  transfer: AdminTransfer | null;
  cxmlTransfer: AdminCxmlTransfer | null;
  history: AuditEntry[];
};

async function loadOrder(id: string) {
  const db = await getDb();
  const [order] = await db
    .select({
      order: orders,
      customerName: customers.name,
      debtorNumber: customers.debtorNumber,
      userName: users.name,
      userEmail: users.email,
    })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .innerJoin(users, eq(users.id, orders.userId))
    .where(eq(orders.id, id))
    .limit(1);
  if (!order) return null;
  const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, id)).orderBy(asc(orderLines.lineNo));
  const { order: row, ...who } = order;
  return { ...row, ...who, lines };
}

/** One order with its customer, user, lines, the transfer as it was sent (with its checks) and its history. */
export async function getAdminOrder(viewer: Viewer | null, id: string): Promise<AdminOrder | null> {
  if (!adminOf(viewer) || !isUuid(id)) return null;
  const order = await loadOrder(id);
  if (!order) return null;
  const history = (await listAudit(viewer, { entity: "order", entityId: id }))?.entries ?? [];
  const transfer: AdminTransfer | null =
    order.channel === "oci" && order.ociFields
      ? { hookOrigin: order.ociHookOrigin, hookUrl: order.ociHookUrl, target: order.ociTarget, charset: order.ociCharset, sentAt: order.createdAt, checks: checkOciFields(order.ociFields, { charset: order.ociCharset }) }
      : null;
  const [field] = order.channel === "cxml" && order.ociFields ? order.ociFields : [];
  const document = field ? documentOfField(field[0], field[1]) : null;
  const cxmlTransfer: AdminCxmlTransfer | null =
    field && document !== null ? { hookOrigin: order.ociHookOrigin, hookUrl: order.ociHookUrl, target: order.ociTarget, charset: order.ociCharset, sentAt: order.createdAt, field: field[0], document } : null;
  return { ...order, actions: allowedActions(order), transfer, cxmlTransfer, history };
}

const ACTION_VERBS: Record<StatusAction, string> = { confirm: "confirmed", ship: "marked as shipped", cancel: "cancelled" };

/**
 * Confirm, ship or cancel a web order. The row is locked and the status the operator saw
 * (`expected`) compared with the current one, so of two operators clicking at once one changes it
 * and the other is told; a punchout order never changes.
 */
export async function changeOrderStatus(
  viewer: Viewer | null,
  input: { id: string; action: StatusAction; expected: OrderStatus },
): Promise<WriteResult<{ id: string; status: OrderStatus }>> {
  const admin = adminOf(viewer);
  if (!admin) return NOT_FOUND;
  if (!isUuid(input.id)) return NOT_FOUND;
  const rule = STATUS_ACTIONS[input.action];
  const db = await getDb();
  return db.transaction(async (tx): Promise<WriteResult<{ id: string; status: OrderStatus }>> => {
    const row = await lockOrderStatus(tx, input.id);
    if (!row) return NOT_FOUND;
    if (row.channel !== "web") {
      return refused(`Order ${row.number} was transferred to the customer's procurement system (punchout): its status cannot be changed here.`);
    }
    if (row.status !== input.expected) {
      return { ok: false, code: "conflict", message: `Order ${row.number} is now "${ORDER_STATUS_LABELS[row.status]}" — someone else changed it. Reload to see its current status.` };
    }
    if (!(rule.from as readonly OrderStatus[]).includes(row.status)) {
      return refused(`Order ${row.number} is ${ORDER_STATUS_LABELS[row.status].toLowerCase()}: it cannot be ${ACTION_VERBS[input.action]}.`);
    }
    if (!(await setOrderStatus(tx, row.id, { from: row.status, to: rule.to }))) {
      return { ok: false, code: "conflict", message: `Order ${row.number} was changed by someone else — reload to see its current status.` };
    }
    await recordAudit(tx, admin, {
      entity: "order",
      entityId: row.id,
      entityLabel: String(row.number),
      action: "change status",
      changes: changesBetween({ status: row.status }, { status: rule.to }, ["status"]),
    });
    return { ok: true, id: row.id, status: rule.to };
  });
}

/** The form body the hook received for a transferred order, byte for byte, or null. */
export async function transferBodyOf(viewer: Viewer | null, id: string): Promise<{ filename: string; body: Uint8Array } | null> {
  if (!adminOf(viewer) || !isUuid(id)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ number: orders.number, channel: orders.channel, fields: orders.ociFields, charset: orders.ociCharset })
    .from(orders)
    .where(eq(orders.id, id))
    .limit(1);
  if (!row || row.channel === "web" || !row.fields) return null;
  return { filename: `order-${row.number}-${row.channel}.txt`, body: encodeFormBody(row.fields, row.charset) };
}
