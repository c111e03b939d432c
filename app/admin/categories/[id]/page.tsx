import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { AdminHeading } from "@/components/admin/admin-heading";
import { AuditTable } from "@/components/admin/audit-table";
import { listAudit } from "@/lib/admin/audit";
import { categoryTree, descendantIds, flattenTree, getCategory } from "@/lib/admin/categories";
import { requireAdmin } from "@/lib/admin/guard";
import { getViewer } from "@/lib/auth/viewer";
import { deleteCategoryAction, moveCategoryProductsAction, updateCategoryAction } from "../actions";
import { DeleteCategoryForm, MoveProductsForm } from "../category-danger-forms";
import { CategoryForm } from "../category-form";

export const metadata: Metadata = { title: "Category" };

export default async function CategoryPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const raw = (await params).id;
  if (!/^\d{1,9}$/.test(raw)) notFound();
  const id = Number(raw);
  const viewer = await getViewer();
  const [detail, tree, audit] = await Promise.all([getCategory(viewer, id), categoryTree(viewer), listAudit(viewer, { entity: "category", entityId: id })]);
  if (!detail || !tree) notFound();
  const { category, productCount, children, ancestors } = detail;
  const all = flattenTree(tree);
  // A category can go anywhere but under itself or its own subcategories.
  const inside = descendantIds(tree, id);
  const parentOptions = all.filter((o) => o.id !== id && !inside.has(o.id));
  const otherCategories = all.filter((o) => o.id !== id);
  return (
    <>
      <AdminHeading title={category.name} back={{ href: "/admin/categories", label: "All categories" }}>
        <Link className="btn-secondary" href={`/categories/${category.slug}`}>View in the shop</Link>
      </AdminHeading>
      <nav aria-label="Category path" className="text-sm text-slate-700">
        <ol className="flex flex-wrap gap-1">
          <li><Link className="text-brand-700 underline" href="/admin/categories">Categories</Link></li>
          {ancestors.map((a) => (
            <li key={a.id}>/ <Link className="text-brand-700 underline" href={`/admin/categories/${a.id}`}>{a.name}</Link></li>
          ))}
          <li aria-current="page">/ {category.name}</li>
        </ol>
      </nav>

      <section aria-labelledby="edit-heading" className="card space-y-3 p-4">
        <h2 id="edit-heading" className="text-lg font-semibold">Details</h2>
        <CategoryForm
          action={updateCategoryAction.bind(null, id)}
          options={parentOptions}
          initial={{ name: category.name, slug: category.slug, parentId: category.parentId, description: category.description, version: category.version }}
        />
      </section>

      <section aria-labelledby="content-heading" className="card space-y-3 p-4">
        <h2 id="content-heading" className="text-lg font-semibold">Products and subcategories</h2>
        <p className="text-slate-700" data-testid="product-count">
          {productCount} {productCount === 1 ? "product" : "products"} in this category.
        </p>
        {children.length > 0 ? (
          <div>
            <h3 className="font-medium">Subcategories</h3>
            <ul className="list-disc pl-6">
              {children.map((c) => (
                <li key={c.id}><Link className="text-brand-700 underline" href={`/admin/categories/${c.id}`}>{c.name}</Link></li>
              ))}
            </ul>
          </div>
        ) : <p className="text-slate-700">No subcategories.</p>}
        {productCount > 0 && otherCategories.length > 0 ? (
          <MoveProductsForm action={moveCategoryProductsAction.bind(null, id)} options={otherCategories} count={productCount} />
        ) : null}
      </section>

      <section aria-labelledby="delete-heading" className="card space-y-3 p-4">
        <h2 id="delete-heading" className="text-lg font-semibold">Delete</h2>
        <p className="text-sm text-slate-700">Only an empty category can be deleted: move its products and subcategories elsewhere first.</p>
        <DeleteCategoryForm action={deleteCategoryAction.bind(null, id)} version={category.version} slug={category.slug} />
      </section>

      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-lg font-semibold">History</h2>
        <AuditTable entries={audit?.entries ?? []} caption={`Changes to ${category.name}`} />
      </section>
    </>
  );
}
