import type { Metadata } from "next";
import { AdminHeading } from "@/components/admin/admin-heading";
import { CsvImportForm } from "@/components/admin/csv-import-form";
import { COLUMN_DOCS, IMPORT_COLUMNS, ORDER_COLUMNS, type ImportKind } from "@/lib/admin/csv/columns";
import { resultFromQuery } from "@/lib/admin/csv/result-url";
import { requireAdmin } from "@/lib/admin/guard";

export const metadata: Metadata = { title: "Import/Export" };

const IMPORTS: { kind: ImportKind; title: string; label: string; button: string; intro: string }[] = [
  {
    kind: "products",
    title: "Import products",
    label: "Products CSV file",
    button: "Import products",
    intro: "Creates products whose SKU is new and updates those whose SKU exists; products not in the file stay as they are.",
  },
  {
    kind: "customer_prices",
    title: "Import customer prices",
    label: "Customer prices CSV file",
    button: "Import customer prices",
    intro: "Sets the price of a product for one customer from a minimum quantity on (debtor number, SKU and minimum quantity are the key); prices not in the file stay.",
  },
];

export default async function ImportExportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  // The outcome of a form post without JavaScript (see app/admin/import/actions.ts).
  const posted = resultFromQuery(await searchParams);
  return (
    <>
      <AdminHeading title="Import/Export" />
      <p className="text-slate-700">
        A file is checked completely before anything is saved: if any line has a problem, nothing is imported and the lines are listed. Its columns are those of
        the matching export, so the easiest start is an export, edited in a spreadsheet and saved as CSV UTF-8.
      </p>

      <section aria-labelledby="export-heading" className="card space-y-2 p-4">
        <h2 id="export-heading" className="text-lg font-semibold">Export</h2>
        <ul className="list-disc space-y-1 pl-6">
          <li><a className="text-brand-700 underline" href="/admin/export/products.csv" download>Products (CSV)</a></li>
          <li><a className="text-brand-700 underline" href="/admin/export/customer-prices.csv" download>Customer prices (CSV)</a></li>
          <li><a className="text-brand-700 underline" href="/admin/export/orders.csv" download>Orders (CSV)</a> — one line per order: {ORDER_COLUMNS.join(", ")}</li>
        </ul>
        <p className="text-sm text-slate-700">UTF-8 with BOM, “;” between values, “.” as decimal separator — Excel opens them directly.</p>
      </section>

      {IMPORTS.map((i) => (
        <section key={i.kind} aria-labelledby={`${i.kind}-heading`} className="card space-y-3 p-4">
          <h2 id={`${i.kind}-heading`} className="text-lg font-semibold">{i.title}</h2>
          <p className="text-slate-700">{i.intro}</p>
          <CsvImportForm kind={i.kind} label={i.label} button={i.button} initial={posted?.kind === i.kind ? posted.state : undefined} />
          <details>
            <summary className="cursor-pointer text-brand-700 underline">Columns of the {i.kind === "products" ? "products" : "customer prices"} file</summary>
            <p className="mt-2 font-mono text-sm break-all text-slate-800">{IMPORT_COLUMNS[i.kind].join(";")}</p>
            <div className="mt-2 overflow-x-auto">
              <table className="w-full text-sm">
                <caption className="sr-only">Columns of the {i.kind === "products" ? "products" : "customer prices"} file</caption>
                <thead className="border-b border-slate-200 text-left">
                  <tr>
                    <th scope="col" className="p-2">Column</th>
                    <th scope="col" className="p-2">Value</th>
                    <th scope="col" className="p-2">Format</th>
                  </tr>
                </thead>
                <tbody>
                  {COLUMN_DOCS[i.kind].map((c) => (
                    <tr key={c.column} className="border-b border-slate-100 align-top">
                      <th scope="row" className="p-2 text-left font-mono font-normal">{c.column}</th>
                      <td className="p-2">{c.required}</td>
                      <td className="p-2">{c.format}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </section>
      ))}
    </>
  );
}
