import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ActionButton } from "@/components/admin/action-button";
import { AdminHeading } from "@/components/admin/admin-heading";
import { CxmlSettingsForm } from "@/components/admin/cxml-settings-form";
import { getCustomerCxml } from "@/lib/admin/cxml-settings";
import { requireAdmin } from "@/lib/admin/guard";
import { shownShopOrigin } from "@/lib/admin/shown-origin";
import { getViewer } from "@/lib/auth/viewer";
import { removeCxmlSettingsAction, saveCxmlSettingsAction } from "./actions";

export const metadata: Metadata = { title: "cXML settings" };

const idParam = z.coerce.number().int().positive().max(2_147_483_647);

const SAVED: Record<string, string> = { "1": "cXML settings saved.", unchanged: "Nothing changed: the settings are as they were.", removed: "cXML settings removed: setup requests for this customer are refused now." };

export default async function CxmlSettingsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  await requireAdmin();
  const id = idParam.safeParse((await params).id);
  if (!id.success) notFound();
  const [data, { saved }, origin] = await Promise.all([getCustomerCxml(await getViewer(), id.data), searchParams, shownShopOrigin()]);
  if (!data) notFound();
  const { customer, settings } = data;
  const setupUrl = `${origin ?? ""}/punchout/cxml/setup`;
  const savedText = saved ? SAVED[saved] : undefined;
  return (
    <>
      <AdminHeading title={`cXML settings of ${customer.name}`} back={{ href: `/admin/customers/${customer.id}`, label: customer.name }} />
      <p className="max-w-prose text-slate-700">
        How this customer&apos;s procurement system (SAP Ariba, Coupa, …) punches out with cXML: the credentials its setup requests carry, the
        shared secret, the user it signs in and how the basket goes back. A change applies from the next setup request.{" "}
        {settings.version === 0 ? "This customer has no cXML settings yet." : null}
      </p>
      <section aria-labelledby="setup-url-heading" className="card space-y-1 p-6">
        <h2 id="setup-url-heading" className="text-lg font-semibold">Setup URL</h2>
        <p className="text-sm text-slate-700">Give this address to their procurement system as the supplier&apos;s punchout (PunchOutSetupRequest) URL:</p>
        <p><code className="break-all font-mono" data-testid="cxml-setup-url">{setupUrl}</code></p>
      </section>
      {customer.kind !== "b2b" && settings.version === 0 ? (
        <p className="card p-4 text-slate-700">cXML punchout is for business customers only.</p>
      ) : (
        <CxmlSettingsForm
          key={settings.version}
          action={saveCxmlSettingsAction}
          customerId={customer.id}
          version={settings.version}
          secretSet={settings.secretSet}
          users={data.users}
          initial={{
            enabled: settings.enabled ? "on" : "",
            fromDomain: settings.fromDomain,
            fromIdentity: settings.fromIdentity,
            senderDomain: settings.senderDomain,
            senderIdentity: settings.senderIdentity,
            toDomain: settings.toDomain,
            toIdentity: settings.toIdentity,
            defaultUserId: settings.defaultUserId === null ? "" : String(settings.defaultUserId),
            returnField: settings.returnField,
          }}
          saved={savedText}
        />
      )}
      {settings.version > 0 ? (
        <section aria-labelledby="remove-heading" className="card space-y-2 p-6">
          <h2 id="remove-heading" className="text-lg font-semibold">Remove the cXML settings</h2>
          <p className="text-sm text-slate-700">Deletes the identities and the secret; this customer&apos;s setup requests are refused from then on. To pause cXML instead, untick Enabled.</p>
          <ActionButton action={removeCxmlSettingsAction} hidden={{ id: customer.id, version: settings.version }} label="Remove cXML settings" pendingLabel="Removing…" />
        </section>
      ) : null}
    </>
  );
}
