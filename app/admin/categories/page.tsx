import type { Metadata } from "next";
import { z } from "zod";
import { AdminHeading } from "@/components/admin/admin-heading";
import { FormStatus } from "@/components/admin/form-status";
import { categoryTree, flattenTree } from "@/lib/admin/categories";
import { requireAdmin } from "@/lib/admin/guard";
import { getViewer } from "@/lib/auth/viewer";
import { createCategoryAction } from "./actions";
import { CategoryForm } from "./category-form";
import { CategoryTree } from "./category-tree";

export const metadata: Metadata = { title: "Categories" };

const query = z.object({ deleted: z.string().regex(/^[a-z0-9-]{1,80}$/).optional().catch(undefined) });

export default async function CategoriesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const { deleted } = query.parse(await searchParams);
  const tree = (await categoryTree(await getViewer())) ?? [];
  return (
    <>
      <AdminHeading title="Categories" />
      {deleted ? <FormStatus saved={`Category ${deleted} deleted.`} /> : null}
      <section aria-labelledby="tree-heading" className="card space-y-3 p-4">
        <h2 id="tree-heading" className="text-lg font-semibold">Category tree</h2>
        <p className="text-sm text-slate-700">In the order the shop shows them. Open a category to rename, move or delete it.</p>
        <CategoryTree nodes={tree} />
      </section>
      <section aria-labelledby="add-heading" className="card space-y-3 p-4">
        <h2 id="add-heading" className="text-lg font-semibold">Add a category</h2>
        {/* Keyed by the deletion notice: the page may come back from the router with this form's last
            message (Next keeps visited pages' state), which would be stale after a delete. */}
        <CategoryForm key={deleted ?? "add"} action={createCategoryAction} options={flattenTree(tree)} />
      </section>
    </>
  );
}
