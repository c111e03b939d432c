import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AdminHeading } from "@/components/admin/admin-heading";
import { OciProfileForm } from "@/components/admin/oci-profile-form";
import { requireAdmin } from "@/lib/admin/guard";
import { getOciProfileForAdmin } from "@/lib/admin/oci-profiles";
import { profileFormValues } from "@/lib/admin/oci-profile-form";
import { categoryChoices } from "@/lib/admin/products";
import { getViewer } from "@/lib/auth/viewer";
import { saveOciProfileAction } from "./actions";

export const metadata: Metadata = { title: "OCI profile" };

const idParam = z.coerce.number().int().positive().max(2_147_483_647);

export default async function OciProfilePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  await requireAdmin();
  const id = idParam.safeParse((await params).id);
  if (!id.success) notFound();
  const viewer = await getViewer();
  const [data, categories, { saved }] = await Promise.all([getOciProfileForAdmin(viewer, id.data), categoryChoices(viewer), searchParams]);
  if (!data) notFound();
  return (
    <>
      <AdminHeading title={`OCI profile of ${data.customer.name}`} back={{ href: `/admin/customers/${data.customer.id}`, label: data.customer.name }} />
      <p className="max-w-prose text-slate-700">
        How this customer&apos;s procurement system wants our basket, and which calls from it the shop accepts. A change applies to the next
        punchout and the next transfer; transfers already sent stay as they were. {data.version === 0 ? "This customer still has the defaults." : null}
      </p>
      <OciProfileForm
        key={data.version}
        action={saveOciProfileAction}
        customerId={data.customer.id}
        version={data.version}
        initial={profileFormValues(data.profile)}
        categories={categories ?? []}
        saved={saved ? "OCI profile saved." : undefined}
      />
    </>
  );
}
