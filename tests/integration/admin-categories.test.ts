import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, categories, products } from "@/db/schema";
import { listAudit } from "@/lib/admin/audit";
import {
  categoryTree,
  createCategory,
  deleteCategory,
  getCategory,
  moveCategoryProducts,
  reorderCategory,
  updateCategory,
  type CategoryNode,
} from "@/lib/admin/categories";
import { makeWorld } from "../support/fixtures";

let n = 0;
const tag = () => `${process.pid}${++n}${Math.random().toString(36).slice(2, 6)}`;

type World = Awaited<ReturnType<typeof makeWorld>>;

async function created(w: World, input: Record<string, string>) {
  const result = await createCategory(w.adminViewer, input);
  if (!result.ok) throw new Error(`not created: ${result.message} ${JSON.stringify(result.fields)}`);
  return { id: result.id, ...(await getCategory(w.adminViewer, result.id))! };
}

function find(nodes: CategoryNode[], id: number): CategoryNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const inner = find(node.children, id);
    if (inner) return inner;
  }
  return undefined;
}

const auditOf = async (w: World, id: number) => (await listAudit(w.adminViewer, { entity: "category", entityId: id }))!.entries;

describe("back office: categories", () => {
  it("answers nobody but an operator, and a refused write leaves nothing behind", async () => {
    const w = await makeWorld();
    const t = tag();
    expect(await categoryTree(w.buyerViewer)).toBeNull();
    expect(await getCategory(w.buyerViewer, w.category.id)).toBeNull();
    expect(await createCategory(w.buyerViewer, { name: `Nope ${t}` })).toMatchObject({ ok: false, code: "not_found" });
    expect(await createCategory(null, { name: `Nope ${t}` })).toMatchObject({ ok: false, code: "not_found" });
    expect(await updateCategory(w.shopperViewer, w.category.id, { version: "1", name: "Hacked", slug: w.category.slug })).toMatchObject({ ok: false, code: "not_found" });
    expect(await reorderCategory(w.buyerViewer, w.category.id, { version: "1", direction: "up" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await moveCategoryProducts(w.buyerViewer, w.category.id, { targetId: "1" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await deleteCategory(w.buyerViewer, w.category.id, { version: "1" })).toMatchObject({ ok: false, code: "not_found" });
    const rows = await w.db.select().from(categories).where(eq(categories.id, w.category.id));
    expect(rows[0]).toMatchObject({ name: w.category.name, version: 1 });
    expect(await w.db.select().from(categories).where(eq(categories.name, `Nope ${t}`))).toHaveLength(0);
    expect(await w.db.select().from(auditLog).where(eq(auditLog.actorEmail, w.buyer.email))).toHaveLength(0);
  });

  it("shows the whole tree nested, in position order, with each category's product count", async () => {
    const w = await makeWorld();
    const t = tag();
    const top = await created(w, { name: `Top ${t}` });
    const b = await created(w, { name: `B ${t}`, parentId: String(top.id) });
    const a = await created(w, { name: `A ${t}`, parentId: String(top.id) });
    // The fixture's category (3 products) moves under the new top, at the end.
    expect(await updateCategory(w.adminViewer, w.category.id, { version: "1", name: w.category.name, slug: w.category.slug, parentId: String(top.id), description: "" })).toMatchObject({ ok: true });
    const tree = (await categoryTree(w.adminViewer))!;
    const node = find(tree, top.id)!;
    expect(node.children.map((c) => c.id)).toEqual([b.id, a.id, w.category.id]);
    expect(find(tree, w.category.id)!.productCount).toBe(3);
    expect(node.productCount).toBe(0);
    expect(tree.every((root) => root.parentId === null)).toBe(true);
  });

  it("creates a category with a slug made from its name, unique, and says what is wrong with bad input", async () => {
    const w = await makeWorld();
    const t = tag();
    const first = await created(w, { name: `Schrauben & Müttern ${t}`, description: "Alles zum Schrauben" });
    expect(first.category.slug).toBe(`schrauben-muettern-${t}`);
    expect(first.category.description).toBe("Alles zum Schrauben");
    // The same name again: the generated slug gets a number instead of failing.
    const second = await created(w, { name: `Schrauben & Müttern ${t}` });
    expect(second.category.slug).toBe(`schrauben-muettern-${t}-2`);
    // A slug typed by the operator is taken as it is, so a clash is the operator's to resolve.
    expect(await createCategory(w.adminViewer, { name: "Other", slug: first.category.slug })).toMatchObject({ ok: false, code: "invalid", fields: { slug: expect.stringContaining("already") } });
    expect(await createCategory(w.adminViewer, { name: "Other", slug: "Not A Slug!" })).toMatchObject({ ok: false, code: "invalid", fields: { slug: expect.stringContaining("a-z") } });
    expect(await createCategory(w.adminViewer, { name: "  " })).toMatchObject({ ok: false, code: "invalid", fields: { name: expect.any(String) } });
    expect(await createCategory(w.adminViewer, { name: `Orphan ${t}`, parentId: "99999999" })).toMatchObject({ ok: false, fields: { parentId: expect.any(String) } });
    expect(await w.db.select().from(categories).where(eq(categories.name, `Orphan ${t}`))).toHaveLength(0);
    const audit = await auditOf(w, first.category.id);
    expect(audit[0]).toMatchObject({ action: "create", actorEmail: w.operator.email, entityLabel: first.category.slug });
    expect(audit[0]!.changes).toContainEqual({ field: "name", from: null, to: `Schrauben & Müttern ${t}` });
  });

  it("edits with the version it started from: a stale form is refused, the audit says old → new", async () => {
    const w = await makeWorld();
    const t = tag();
    const saved = await updateCategory(w.adminViewer, w.category.id, { version: "1", name: `Renamed ${t}`, slug: `renamed-${t}`, description: "New text" });
    expect(saved).toMatchObject({ ok: true });
    const stale = await updateCategory(w.adminViewer, w.category.id, { version: "1", name: "Lost update", slug: `renamed-${t}` });
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    const [row] = await w.db.select().from(categories).where(eq(categories.id, w.category.id));
    expect(row).toMatchObject({ name: `Renamed ${t}`, slug: `renamed-${t}`, description: "New text", version: 2 });
    const [entry] = await auditOf(w, w.category.id);
    expect(entry).toMatchObject({ action: "update" });
    expect(entry!.changes).toEqual([
      { field: "name", from: w.category.name, to: `Renamed ${t}` },
      { field: "slug", from: w.category.slug, to: `renamed-${t}` },
      { field: "description", from: "", to: "New text" },
    ]);
  });

  it("refuses to move a category under itself or under one of its own descendants", async () => {
    const w = await makeWorld();
    const t = tag();
    const top = await created(w, { name: `Top ${t}` });
    const mid = await created(w, { name: `Mid ${t}`, parentId: String(top.id) });
    const leaf = await created(w, { name: `Leaf ${t}`, parentId: String(mid.id) });
    const base = { version: "1", name: top.category.name, slug: top.category.slug };
    expect(await updateCategory(w.adminViewer, top.id, { ...base, parentId: String(top.id) })).toMatchObject({ ok: false, fields: { parentId: expect.stringContaining("itself") } });
    expect(await updateCategory(w.adminViewer, top.id, { ...base, parentId: String(leaf.id) })).toMatchObject({ ok: false, fields: { parentId: expect.stringContaining("inside") } });
    const [row] = await w.db.select().from(categories).where(eq(categories.id, top.id));
    expect(row).toMatchObject({ parentId: null, version: 1 });
    // Moving the leaf to the top level is fine and recorded.
    expect(await updateCategory(w.adminViewer, leaf.id, { version: "1", name: leaf.category.name, slug: leaf.category.slug, parentId: "" })).toMatchObject({ ok: true });
    const [entry] = await auditOf(w, leaf.id);
    expect(entry!.changes).toContainEqual({ field: "parent", from: mid.category.slug, to: null });
  });

  it("moves a category up and down among its siblings", async () => {
    const w = await makeWorld();
    const t = tag();
    const top = await created(w, { name: `Top ${t}` });
    const [a, b, c] = [await created(w, { name: `A ${t}`, parentId: String(top.id) }), await created(w, { name: `B ${t}`, parentId: String(top.id) }), await created(w, { name: `C ${t}`, parentId: String(top.id) })];
    const order = async () => find((await categoryTree(w.adminViewer))!, top.id)!.children.map((x) => x.id);
    expect(await order()).toEqual([a!.id, b!.id, c!.id]);
    expect(await reorderCategory(w.adminViewer, c!.id, { version: "1", direction: "up" })).toMatchObject({ ok: true });
    expect(await order()).toEqual([a!.id, c!.id, b!.id]);
    // The first one cannot go further up: a message, nothing changed.
    expect(await reorderCategory(w.adminViewer, a!.id, { version: "1", direction: "up" })).toMatchObject({ ok: false, code: "refused" });
    // A form showing the old version is refused.
    expect(await reorderCategory(w.adminViewer, c!.id, { version: "1", direction: "down" })).toMatchObject({ ok: false, code: "conflict" });
    expect(await reorderCategory(w.adminViewer, a!.id, { version: "1", direction: "down" })).toMatchObject({ ok: true });
    expect(await order()).toEqual([c!.id, a!.id, b!.id]);
    const [entry] = await auditOf(w, a!.id);
    expect(entry).toMatchObject({ action: "reorder" });
    expect(entry!.changes[0]).toMatchObject({ field: "position" });
  });

  it("refuses to delete a category with products or subcategories, moves its products in one go, then deletes it", async () => {
    const w = await makeWorld();
    const t = tag();
    const target = await created(w, { name: `Target ${t}` });
    const child = await created(w, { name: `Child ${t}`, parentId: String(w.category.id) });

    const refusedWithBoth = await deleteCategory(w.adminViewer, w.category.id, { version: "1" });
    expect(refusedWithBoth).toMatchObject({ ok: false, code: "refused" });
    expect(refusedWithBoth.ok ? "" : refusedWithBoth.message).toMatch(/3 products.*1 subcategory/);

    expect(await moveCategoryProducts(w.adminViewer, w.category.id, { targetId: String(w.category.id) })).toMatchObject({ ok: false, fields: { targetId: expect.any(String) } });
    expect(await moveCategoryProducts(w.adminViewer, w.category.id, { targetId: String(target.id) })).toMatchObject({ ok: true, moved: 3 });
    const moved = await w.db.select().from(products).where(inArray(products.id, w.products.map((p) => p.id)));
    expect(moved.every((p) => p.categoryId === target.id && p.version === 2)).toBe(true);
    const [moveEntry] = await auditOf(w, w.category.id);
    expect(moveEntry).toMatchObject({ action: "move products" });
    expect(moveEntry!.changes).toContainEqual({ field: "products", from: "3", to: "0" });
    expect((await auditOf(w, target.id))[0]!.changes).toContainEqual({ field: "products", from: "0", to: "3" });

    // Still a subcategory: refused, with that reason only.
    const refusedWithChild = await deleteCategory(w.adminViewer, w.category.id, { version: "1" });
    expect(refusedWithChild.ok ? "" : refusedWithChild.message).toMatch(/1 subcategory/);
    expect(refusedWithChild.ok ? "" : refusedWithChild.message).not.toMatch(/product/);
    expect(await deleteCategory(w.adminViewer, child.id, { version: "1" })).toMatchObject({ ok: true });

    expect(await deleteCategory(w.adminViewer, w.category.id, { version: "0" })).toMatchObject({ ok: false, code: "conflict" });
    expect(await deleteCategory(w.adminViewer, w.category.id, { version: "1" })).toMatchObject({ ok: true });
    expect(await w.db.select().from(categories).where(inArray(categories.id, [w.category.id, child.id]))).toHaveLength(0);
    expect(await getCategory(w.adminViewer, w.category.id)).toBeNull();
    const [deleted] = await auditOf(w, w.category.id);
    expect(deleted).toMatchObject({ action: "delete", entityLabel: w.category.slug });
    expect(deleted!.changes).toContainEqual({ field: "name", from: w.category.name, to: null });
  });
});
