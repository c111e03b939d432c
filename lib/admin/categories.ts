import "server-only";
import { and, asc, eq, inArray, isNull, ne, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { categories, products } from "@/db/schema";
import { slugify } from "@/db/seed/types";
import type { Viewer } from "@/lib/auth/session-viewer";
import { catalogChanged } from "@/lib/catalog/cache-policy";
import { getDb, type Tx } from "@/lib/db/client";
import { fieldErrors } from "@/lib/http/json";
import { changesBetween, recordAudit } from "./audit";
import { adminOf } from "./operator";
import { conflict, invalid, NOT_FOUND, refused, type WriteResult } from "./result";
import { isUniqueViolation } from "./unique-violation";

export type CategoryRow = typeof categories.$inferSelect;
export type CategoryNode = Pick<CategoryRow, "id" | "parentId" | "slug" | "name" | "position" | "version"> & {
  productCount: number;
  children: CategoryNode[];
};
/** A category as a select option: its name, indented by its depth in the tree. */
export type CategoryOption = { id: number; name: string; depth: number; label: string };

/** Raw form input: every field as typed (absent fields are empty). */
export type FormInput = Record<string, string | undefined>;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const optionalId = (message: string) =>
  z
    .string()
    .trim()
    .default("")
    .refine((v) => v === "" || /^\d{1,9}$/.test(v), message)
    .transform((v) => (v === "" ? null : Number(v)));

const requiredId = (message: string) => z.string().trim().regex(/^\d{1,9}$/, message).transform(Number);

const version = z.string().trim().regex(/^\d{1,9}$/, "The form is missing its version — reload the page.").transform(Number);

const categoryFields = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(120, "Use at most 120 characters."),
  slug: z
    .string()
    .trim()
    .default("")
    .refine((v) => v === "" || (SLUG.test(v) && v.length <= 80), "Use only lower-case letters a-z, digits 0-9 and single hyphens (like hand-tools), at most 80 characters; or leave it empty to make one from the name."),
  parentId: optionalId("Choose a parent from the list."),
  description: z.string().trim().max(2000, "Use at most 2000 characters.").default(""),
});

const editFields = categoryFields.extend({ version });

// What the audit shows of a category (the parent by its slug, which an operator recognises).
const AUDITED = ["name", "slug", "description", "parent", "position"] as const;
type Audited = Record<(typeof AUDITED)[number], string | number | null>;

function audited(row: CategoryRow, parentSlug: string | null): Audited {
  return { name: row.name, slug: row.slug, description: row.description, parent: parentSlug, position: row.position };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Tree changes (add, move, reorder, delete) take turns: a cycle check or a "no subcategories" check
 * is only true while no other change of the tree runs beside it.
 */
async function lockTree(tx: Tx) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('oci-shop:category-tree'))`);
}

const sameParent = (parentId: number | null): SQL => (parentId === null ? isNull(categories.parentId) : eq(categories.parentId, parentId));

async function nextPosition(tx: Tx, parentId: number | null): Promise<number> {
  const [row] = await tx
    .select({ max: sql<number | null>`max(${categories.position})` })
    .from(categories)
    .where(sameParent(parentId));
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

async function slugOwner(tx: Tx, slug: string): Promise<number | null> {
  const [row] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.slug, slug)).limit(1);
  return row?.id ?? null;
}

/** The name's slug, or with the first free number appended ("tools-2") when it is taken. */
async function freeSlug(tx: Tx, name: string, self: number | null): Promise<string> {
  const base = (slugify(name).slice(0, 72).replace(/-+$/, "") || "category");
  const taken = new Set(
    (
      await tx
        .select({ slug: categories.slug })
        .from(categories)
        .where(and(sql`(${categories.slug} = ${base} or ${categories.slug} like ${`${base}-%`})`, self === null ? undefined : ne(categories.id, self)))
    ).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

const SLUG_TAKEN = "This slug is already used by another category.";

// ---------------------------------------------------------------------------------------------
// Reads

/** Every category, nested and in position order, each with its number of products (active or not). */
export async function categoryTree(viewer: Viewer | null): Promise<CategoryNode[] | null> {
  if (!adminOf(viewer)) return null;
  const db = await getDb();
  const [rows, counts] = await Promise.all([
    db
      .select({ id: categories.id, parentId: categories.parentId, slug: categories.slug, name: categories.name, position: categories.position, version: categories.version })
      .from(categories)
      .orderBy(asc(categories.position), asc(categories.id)),
    // One grouped pass over products (index-only on products_category_sku_idx), not one count per category.
    db.select({ categoryId: products.categoryId, n: sql<number>`count(*)::int` }).from(products).groupBy(products.categoryId),
  ]);
  const countOf = new Map(counts.map((c) => [c.categoryId, Number(c.n)]));
  const nodes = new Map<number, CategoryNode>(rows.map((r) => [r.id, { ...r, productCount: countOf.get(r.id) ?? 0, children: [] }]));
  const roots: CategoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    // A parent that no longer exists (parent_id has no foreign key) leaves its children at the top.
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** The tree flattened in display order, for "parent" and "move products to" selects. */
export function flattenTree(nodes: CategoryNode[], depth = 0, out: CategoryOption[] = []): CategoryOption[] {
  for (const node of nodes) {
    out.push({ id: node.id, name: node.name, depth, label: `${"\u00a0\u00a0".repeat(depth)}${depth > 0 ? "└ " : ""}${node.name}` });
    flattenTree(node.children, depth + 1, out);
  }
  return out;
}

/** The ids of a category's subcategories at every depth. */
export function descendantIds(nodes: CategoryNode[], id: number): Set<number> {
  const out = new Set<number>();
  const walk = (list: CategoryNode[], inside: boolean) => {
    for (const node of list) {
      if (inside) out.add(node.id);
      walk(node.children, inside || node.id === id);
    }
  };
  walk(nodes, false);
  return out;
}

export type CategoryDetail = {
  category: CategoryRow;
  productCount: number;
  children: Pick<CategoryRow, "id" | "name" | "slug">[];
  /** From the top of the tree down to the parent. */
  ancestors: Pick<CategoryRow, "id" | "name" | "slug">[];
};

export async function getCategory(viewer: Viewer | null, id: number): Promise<CategoryDetail | null> {
  if (!adminOf(viewer) || !Number.isSafeInteger(id)) return null;
  const db = await getDb();
  const all = await db
    .select({ id: categories.id, parentId: categories.parentId, name: categories.name, slug: categories.slug, position: categories.position })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.id));
  if (!all.some((c) => c.id === id)) return null;
  const [[category], [count]] = await Promise.all([
    db.select().from(categories).where(eq(categories.id, id)),
    db.select({ n: sql<number>`count(*)::int` }).from(products).where(eq(products.categoryId, id)),
  ]);
  if (!category) return null;
  const byId = new Map(all.map((c) => [c.id, c]));
  const ancestors: CategoryDetail["ancestors"] = [];
  for (let p = category.parentId === null ? undefined : byId.get(category.parentId); p && ancestors.length < all.length; p = p.parentId === null ? undefined : byId.get(p.parentId)) {
    ancestors.unshift({ id: p.id, name: p.name, slug: p.slug });
  }
  const children = all.filter((c) => c.parentId === id).map(({ id: cid, name, slug }) => ({ id: cid, name, slug }));
  return { category, productCount: Number(count?.n ?? 0), children, ancestors };
}

// ---------------------------------------------------------------------------------------------
// Writes

export async function createCategory(viewer: Viewer | null, input: FormInput): Promise<WriteResult<{ id: number; slug: string }>> {
  const admin = adminOf(viewer);
  if (!admin) return NOT_FOUND;
  const parsed = categoryFields.safeParse(input);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const { name, slug, parentId, description } = parsed.data;
  const db = await getDb();
  try {
    const result = await db.transaction(async (tx): Promise<WriteResult<{ id: number; slug: string }>> => {
      await lockTree(tx);
      let parentSlug: string | null = null;
      if (parentId !== null) {
        const [parent] = await tx.select({ slug: categories.slug }).from(categories).where(eq(categories.id, parentId)).for("update");
        if (!parent) return invalid({ parentId: "That parent category no longer exists — choose another." });
        parentSlug = parent.slug;
      }
      if (slug && (await slugOwner(tx, slug)) !== null) return invalid({ slug: SLUG_TAKEN });
      const finalSlug = slug || (await freeSlug(tx, name, null));
      const [row] = await tx
        .insert(categories)
        .values({ name, slug: finalSlug, parentId, description, position: await nextPosition(tx, parentId) })
        .returning();
      await recordAudit(tx, admin, { entity: "category", entityId: row!.id, entityLabel: row!.slug, action: "create", changes: changesBetween(null, audited(row!, parentSlug), AUDITED) });
      return { ok: true, id: row!.id, slug: row!.slug };
    });
    if (result.ok) catalogChanged();
    return result;
  } catch (error) {
    // A category written beside the back office (an import) took the slug first.
    if (isUniqueViolation(error)) return invalid({ slug: SLUG_TAKEN });
    throw error;
  }
}

/** Rename, re-slug, describe or move (change the parent of) a category. */
export async function updateCategory(viewer: Viewer | null, id: number, input: FormInput): Promise<WriteResult<{ id: number }>> {
  const admin = adminOf(viewer);
  if (!admin) return NOT_FOUND;
  const parsed = editFields.safeParse(input);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const { name, slug, parentId, description, version: expected } = parsed.data;
  const db = await getDb();
  try {
    const result = await db.transaction(async (tx): Promise<WriteResult<{ id: number }>> => {
      await lockTree(tx);
      const [before] = await tx.select().from(categories).where(eq(categories.id, id)).for("update");
      if (!before) return NOT_FOUND;
      if (before.version !== expected) return conflict("category");

      const all = await tx.select({ id: categories.id, parentId: categories.parentId, name: categories.name, slug: categories.slug }).from(categories);
      const byId = new Map(all.map((c) => [c.id, c]));
      if (parentId === id) return invalid({ parentId: "A category cannot be placed under itself." });
      if (parentId !== null) {
        const parent = byId.get(parentId);
        if (!parent) return invalid({ parentId: "That parent category no longer exists — choose another." });
        for (let p: typeof parent | undefined = parent, steps = 0; p && steps <= all.length; p = p.parentId === null ? undefined : byId.get(p.parentId), steps++) {
          if (p.id === id) return invalid({ parentId: `“${parent.name}” is inside “${before.name}”: a category cannot be placed under one of its own subcategories.` });
        }
      }
      const finalSlug = slug || (await freeSlug(tx, name, id));
      if (finalSlug !== before.slug && (await slugOwner(tx, finalSlug)) !== null) return invalid({ slug: SLUG_TAKEN });

      const moved = parentId !== before.parentId;
      const position = moved ? await nextPosition(tx, parentId) : before.position;
      const slugOf = (pid: number | null) => (pid === null ? null : byId.get(pid)?.slug ?? null);
      const beforeShown = audited(before, slugOf(before.parentId));
      const afterShown: Audited = { name, slug: finalSlug, description, parent: slugOf(parentId), position };
      const changes = changesBetween(beforeShown, afterShown, AUDITED);
      if (changes.length === 0) return { ok: true, id };

      await tx
        .update(categories)
        .set({ name, slug: finalSlug, description, parentId, position, version: sql`${categories.version} + 1` })
        .where(eq(categories.id, id));
      await recordAudit(tx, admin, { entity: "category", entityId: id, entityLabel: finalSlug, action: moved ? "move" : "update", changes });
      return { ok: true, id };
    });
    if (result.ok) catalogChanged();
    return result;
  } catch (error) {
    if (isUniqueViolation(error)) return invalid({ slug: SLUG_TAKEN });
    throw error;
  }
}

const reorderFields = z.object({ version, direction: z.enum(["up", "down"], "Choose up or down.") });

/** Moves a category one place up or down among its siblings (the categories with the same parent). */
export async function reorderCategory(viewer: Viewer | null, id: number, input: FormInput): Promise<WriteResult<{ id: number }>> {
  const admin = adminOf(viewer);
  if (!admin) return NOT_FOUND;
  const parsed = reorderFields.safeParse(input);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const { version: expected, direction } = parsed.data;
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<WriteResult<{ id: number }>> => {
    await lockTree(tx);
    const [before] = await tx.select().from(categories).where(eq(categories.id, id)).for("update");
    if (!before) return NOT_FOUND;
    if (before.version !== expected) return conflict("category");
    const siblings = await tx
      .select()
      .from(categories)
      .where(sameParent(before.parentId))
      .orderBy(asc(categories.position), asc(categories.id))
      .for("update");
    const at = siblings.findIndex((s) => s.id === id);
    const to = direction === "up" ? at - 1 : at + 1;
    if (to < 0) return refused(`“${before.name}” is already the first of its level.`);
    if (to >= siblings.length) return refused(`“${before.name}” is already the last of its level.`);
    const order = [...siblings];
    [order[at], order[to]] = [order[to]!, order[at]!];
    // Positions become 0…n-1 in the new order; only rows whose position changes are written.
    for (const [position, sibling] of order.entries()) {
      if (sibling.position === position) continue;
      await tx.update(categories).set({ position, version: sql`${categories.version} + 1` }).where(eq(categories.id, sibling.id));
      await recordAudit(tx, admin, {
        entity: "category",
        entityId: sibling.id,
        entityLabel: sibling.slug,
        action: "reorder",
        changes: [{ field: "position", from: String(sibling.position), to: String(position) }],
      });
    }
    return { ok: true, id };
  });
  if (result.ok) catalogChanged();
  return result;
}

const moveProductsFields = z.object({ targetId: requiredId("Choose the category the products go to.") });

/** Moves every product of a category to another one, in one statement (so a category can be deleted). */
export async function moveCategoryProducts(viewer: Viewer | null, id: number, input: FormInput): Promise<WriteResult<{ id: number; moved: number }>> {
  const admin = adminOf(viewer);
  if (!admin) return NOT_FOUND;
  const parsed = moveProductsFields.safeParse(input);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const { targetId } = parsed.data;
  if (targetId === id) return invalid({ targetId: "Choose another category than this one." });
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<WriteResult<{ id: number; moved: number }>> => {
    // Both rows locked (in id order, so two opposite moves cannot deadlock): no product can be added
    // to either meanwhile, and neither can be deleted.
    const rows = await tx.select().from(categories).where(inArray(categories.id, [id, targetId])).orderBy(asc(categories.id)).for("update");
    const source = rows.find((r) => r.id === id);
    const target = rows.find((r) => r.id === targetId);
    if (!source) return NOT_FOUND;
    if (!target) return invalid({ targetId: "That category no longer exists — choose another." });
    const counts = await tx
      .select({ categoryId: products.categoryId, n: sql<number>`count(*)::int` })
      .from(products)
      .where(inArray(products.categoryId, [id, targetId]))
      .groupBy(products.categoryId);
    const moved = Number(counts.find((c) => c.categoryId === id)?.n ?? 0);
    const had = Number(counts.find((c) => c.categoryId === targetId)?.n ?? 0);
    if (moved === 0) return refused(`“${source.name}” has no products to move.`);
    await tx.update(products).set({ categoryId: targetId, version: sql`${products.version} + 1` }).where(eq(products.categoryId, id));
    await recordAudit(tx, admin, {
      entity: "category",
      entityId: id,
      entityLabel: source.slug,
      action: "move products",
      changes: [
        { field: "products", from: String(moved), to: "0" },
        { field: "moved to", from: null, to: target.slug },
      ],
    });
    await recordAudit(tx, admin, {
      entity: "category",
      entityId: targetId,
      entityLabel: target.slug,
      action: "move products",
      changes: [
        { field: "products", from: String(had), to: String(had + moved) },
        { field: "moved from", from: null, to: source.slug },
      ],
    });
    return { ok: true, id, moved };
  });
  if (result.ok) catalogChanged();
  return result;
}

const deleteFields = z.object({ version });

/** Deletes an empty category: one that has neither products nor subcategories. */
export async function deleteCategory(viewer: Viewer | null, id: number, input: FormInput): Promise<WriteResult<{ id: number }>> {
  const admin = adminOf(viewer);
  if (!admin) return NOT_FOUND;
  const parsed = deleteFields.safeParse(input);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<WriteResult<{ id: number }>> => {
    await lockTree(tx);
    const [before] = await tx.select().from(categories).where(eq(categories.id, id)).for("update");
    if (!before) return NOT_FOUND;
    if (before.version !== parsed.data.version) return conflict("category");
    const [[productRow], [childRow]] = await Promise.all([
      tx.select({ n: sql<number>`count(*)::int` }).from(products).where(eq(products.categoryId, id)),
      tx.select({ n: sql<number>`count(*)::int` }).from(categories).where(eq(categories.parentId, id)),
    ]);
    const productCount = Number(productRow?.n ?? 0);
    const childCount = Number(childRow?.n ?? 0);
    if (productCount > 0 || childCount > 0) {
      const what = [productCount > 0 ? plural(productCount, "product", "products") : null, childCount > 0 ? plural(childCount, "subcategory", "subcategories") : null].filter(Boolean).join(" and ");
      const todo = [productCount > 0 ? "move its products to another category (below)" : null, childCount > 0 ? "move or delete its subcategories" : null].filter(Boolean).join(" and ");
      return refused(`“${before.name}” still has ${what}. To delete it, first ${todo}.`);
    }
    let parentSlug: string | null = null;
    if (before.parentId !== null) {
      const [parent] = await tx.select({ slug: categories.slug }).from(categories).where(eq(categories.id, before.parentId));
      parentSlug = parent?.slug ?? null;
    }
    await tx.delete(categories).where(eq(categories.id, id));
    const gone: Audited = { name: null, slug: null, description: null, parent: null, position: null };
    await recordAudit(tx, admin, { entity: "category", entityId: id, entityLabel: before.slug, action: "delete", changes: changesBetween(audited(before, parentSlug), gone, AUDITED) });
    return { ok: true, id };
  });
  if (result.ok) catalogChanged();
  return result;
}
