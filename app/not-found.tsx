import { Link } from "@/components/ui/link";

export default function NotFound() {
  return (
    <div className="card mx-auto max-w-xl p-8 text-center">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-3 text-slate-700">This product or page does not exist (any more). Try the search or browse the categories.</p>
      <Link href="/" className="btn-primary mt-6">Go to the home page</Link>
    </div>
  );
}
