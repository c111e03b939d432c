import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { getViewer } from "@/lib/auth/viewer";
import { safeRedirectPath } from "@/lib/http/redirect";

export const metadata: Metadata = { title: "Sign in" };

// Personal and rendered per request, in full before it is sent: it works without JavaScript.
export const instant = false;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  const sp = await searchParams;
  const next = safeRedirectPath(sp.next, "/account");
  if (await getViewer()) redirect(next);
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-bold">Sign in</h1>
      <LoginForm next={next} />
      <p className="mt-6 text-sm">
        New here? <Link href="/register" className="text-brand-700 underline">Create a consumer account</Link>. Business customers
        receive their access from our sales team.
      </p>
    </div>
  );
}
