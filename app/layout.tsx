import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { Header } from "@/components/layout/header";
import { PunchoutNotice } from "@/components/layout/oci-banner";
import { embeddedDatabaseOnServerless } from "@/lib/db/config";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Nordwerk Industrial Supply", template: "%s · Nordwerk Industrial Supply" },
  description: "Fasteners, tools, safety gear and workshop supplies for businesses.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Static for every visitor: the per-visitor parts (account, cart count, punchout banner) are client
// components fed by /api/viewer, so catalog pages can be cached whole.
export default function RootLayout({ children }: { children: ReactNode }) {
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
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
          Skip to content
        </a>
        <PunchoutNotice />
        <Header />
        <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
          {children}
        </main>
        <footer className="border-t border-slate-200 bg-white">
          <div className="mx-auto max-w-7xl px-4 py-6 text-sm text-slate-600">
            Nordwerk Industrial Supply · Prices for businesses exclude VAT · Demo shop
          </div>
        </footer>
      </body>
    </html>
  );
}

