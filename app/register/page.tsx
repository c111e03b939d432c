import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { RegisterForm } from "@/components/auth/register-form";
import { getViewer } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Create an account" };

// Personal and rendered per request, in full before it is sent: it works without JavaScript.
export const instant = false;

export default async function RegisterPage() {
  if (await getViewer()) redirect("/account");
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-bold">Create an account</h1>
      <p className="mb-6 text-sm text-slate-700">For private customers. Prices are shown including VAT; you pay by bank transfer before shipment.</p>
      <RegisterForm />
    </div>
  );
}
