import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { Header } from "@/components/layout/header";
import { OciBanner, OciExpired } from "@/components/layout/oci-banner";
import { getViewer } from "@/lib/auth/viewer";
import { currentCartId } from "@/lib/shopper/current-cart";
import { cartItemCount } from "@/lib/cart/store";
import { embeddedDatabaseOnServerless } from "@/lib/db/config";
import { getOciState } from "@/lib/oci/next/current";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Nordwerk Industrial Supply", template: "%s · Nordwerk Industrial Supply" },
  description: "Fasteners, tools, safety gear and workshop supplies for businesses.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  if (embeddedDatabaseOnServerless()) {
    return (
      <html lang="en">
        <body className="p-8">
          <main>
            <h1 className="text-2xl font-bold">Database not configured</h1>
            <p className="mt-4 max-w-prose">
              This shop runs on a serverless host without <code>DATABASE_URL</code>. The embedded database is for
              local use only and would lose every order here. Set <code>DATABASE_URL</code> to a PostgreSQL database
              and redeploy.
            </p>
          </main>
        </body>
      </html>
    );
  }
  let state: { viewer: Awaited<ReturnType<typeof getViewer>>; oci: Awaited<ReturnType<typeof getOciState>>; cartCount: number } | null;
  try {
    const [viewer, oci] = await Promise.all([getViewer(), getOciState()]);
    state = { viewer, oci, cartCount: await cartItemCount(await currentCartId()) };
  } catch (error) {
    // The database is unreachable: a plain, server-rendered explanation instead of an error screen.
    console.error(`[layout] ${(error as Error).message}`);
    state = null;
  }
  if (!state) return <Unavailable />;
  const { viewer, oci, cartCount } = state;
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
          Skip to content
        </a>
        <Providers>
          {oci.state === "active" && viewer ? <OciBanner customerName={viewer.customer.name} /> : null}
          <Header viewer={viewer} cartCount={cartCount} />
          <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
            {oci.state === "expired" ? <OciExpired /> : children}
          </main>
          <footer className="border-t border-slate-200 bg-white">
            <div className="mx-auto max-w-7xl px-4 py-6 text-sm text-slate-600">
              Nordwerk Industrial Supply · Prices for businesses exclude VAT · Demo shop
            </div>
          </footer>
        </Providers>
      </body>
    </html>
  );
}

function Unavailable() {
  return (
    <html lang="en">
      <body className="p-8">
        <main className="card mx-auto max-w-xl p-8" role="alert">
          <h1 className="text-2xl font-bold">The shop is temporarily unavailable</h1>
          <p className="mt-3 text-slate-700">
            We cannot reach our database right now. Your cart and orders are safe. Please try again in a few minutes.
          </p>
        </main>
      </body>
    </html>
  );
}
