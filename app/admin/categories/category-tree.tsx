import { Link } from "@/components/ui/link";
import type { CategoryNode } from "@/lib/admin/categories";
import { reorderCategoryAction } from "./actions";
import { ReorderButtons } from "./reorder-buttons";

/** The category tree as nested lists, each category linking to its page, with its reorder buttons. */
export function CategoryTree({ nodes, level = 1 }: { nodes: CategoryNode[]; level?: number }) {
  if (nodes.length === 0) return level === 1 ? <p className="text-slate-700">No categories yet.</p> : null;
  return (
    <ul className={level === 1 ? "space-y-1" : "mt-1 space-y-1 border-l border-slate-200 pl-5"} data-testid={level === 1 ? "category-tree" : undefined}>
      {nodes.map((node, i) => (
        <li key={node.id}>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded px-1 py-1 hover:bg-slate-50">
            <Link href={`/admin/categories/${node.id}`} className="font-medium text-brand-700 underline">
              {node.name}
            </Link>
            <span className="text-xs text-slate-700">{node.slug}</span>
            <span className="text-xs text-slate-700">
              {node.productCount} {node.productCount === 1 ? "product" : "products"}
            </span>
            <ReorderButtons action={reorderCategoryAction.bind(null, node.id)} name={node.name} version={node.version} first={i === 0} last={i === nodes.length - 1} />
          </div>
          <CategoryTree nodes={node.children} level={level + 1} />
        </li>
      ))}
    </ul>
  );
}
