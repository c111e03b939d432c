/** Standalone HTML pages for the punchout routes (they answer before any React page). Pure. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export function ociPage({ title, intro, items = [], body = "" }: { title: string; intro: string; items?: string[]; body?: string }): string {
  const list = items.length ? `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>` : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${escapeHtml(title)} · Nordwerk Industrial Supply</title>
<style>
body{margin:0;font-family:ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#0f172a;background:#f8fafc}
header{background:#174a96;color:#fff;padding:12px 16px;font-weight:700}
main{max-width:42rem;margin:24px auto;padding:24px;background:#fff;border:1px solid #e2e8f0;border-radius:8px}
h1{font-size:1.5rem;margin:0 0 12px}li{margin:4px 0}a{color:#174a96}
.btn{display:inline-block;margin-top:12px;padding:8px 16px;border-radius:6px;border:0;background:#174a96;color:#fff;text-decoration:none;font-weight:600;font-size:1rem;cursor:pointer}
.btn:focus-visible,a:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.link{margin-left:12px}
.note{color:#475569;font-size:.9rem}
</style></head>
<body><header>Nordwerk Industrial Supply</header><main>
<h1>${escapeHtml(title)}</h1><p>${escapeHtml(intro)}</p>${list}${body}
</main></body></html>`;
}

/** Hidden inputs in order; values are escaped, never interpreted. */
export function hiddenFields(fields: [string, string][]): string {
  return fields.map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`).join("");
}

/** The return form as stored with a transfer (or the echo fields of a cancel), for the page without script. */
export function hookForm(form: { hookUrl: string; target: string; charset: string; fields: [string, string][] }, label: string): string {
  return `<form method="post" action="${escapeHtml(form.hookUrl)}" target="${escapeHtml(form.target)}" accept-charset="${escapeHtml(form.charset)}" data-testid="oci-hook-form">${hiddenFields(form.fields)}<button type="submit" class="btn">${escapeHtml(label)}</button></form>`;
}

export const OCI_RESPONSE_HEADERS = {
  "Cache-Control": "no-store",
  "Referrer-Policy": "no-referrer",
} as const;

/**
 * Framing of a punchout page: by the shop itself and the given sources (the hook's origin plus the
 * configured ones) — never by anyone when there are none.
 */
export function framingHeaders(sources: string[]): Record<string, string> {
  if (sources.length === 0) return { "Content-Security-Policy": "frame-ancestors 'self'", "X-Frame-Options": "SAMEORIGIN" };
  return { "Content-Security-Policy": `frame-ancestors 'self' ${sources.join(" ")}` };
}

export function ociHtmlResponse(status: number, html: string, frameSources: string[] = [], headers: Record<string, string> = {}) {
  return new Response(html, { status, headers: { "Content-Type": "text/html; charset=utf-8", ...OCI_RESPONSE_HEADERS, ...framingHeaders(frameSources), ...headers } });
}

/** 303 to a path of the shop, with the same no-store / no-referrer headers as the pages. */
export function ociRedirect(location: string) {
  return new Response(null, { status: 303, headers: { Location: location, ...OCI_RESPONSE_HEADERS } });
}
