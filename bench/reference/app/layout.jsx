// Plain JSX (no TypeScript) so the shop's tsconfig, type check and build never pick these files up.
export const metadata = { title: "Reference catalog" };

const css = `
body{font-family:system-ui,sans-serif;margin:0;color:#0f172a;background:#f8fafc}
header,footer{background:#fff;border-bottom:1px solid #e2e8f0;padding:12px 24px}
footer{border-top:1px solid #e2e8f0;border-bottom:0;margin-top:32px;font-size:14px}
nav a{margin-right:16px;color:#1d4ed8}
main{max-width:1200px;margin:0 auto;padding:24px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:16px;list-style:none;padding:0}
.card{background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:12px}
.price{font-weight:600}
`;

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <head>
        <style dangerouslySetInnerHTML={{ __html: css }} />
      </head>
      <body>
        <header>
          <a href="/">Reference Supply</a>
          <nav aria-label="Categories">
            {["Fasteners", "Tools", "Safety", "Workshop", "Electrical", "Adhesives"].map((c) => (
              <a key={c} href={`/?c=${c.toLowerCase()}`}>
                {c}
              </a>
            ))}
          </nav>
        </header>
        {children}
        <footer>
          <p>Reference Supply GmbH · Musterstraße 1 · 12345 Musterstadt · All prices net plus VAT.</p>
          <nav aria-label="Legal">
            <a href="/imprint">Imprint</a>
            <a href="/privacy">Privacy</a>
            <a href="/terms">Terms</a>
          </nav>
        </footer>
      </body>
    </html>
  );
}
