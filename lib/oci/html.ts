/** Standalone HTML pages for the punchout routes (they answer before any React page). Pure. */
import type { OciCharset } from "./text-rules";

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export function ociPage({ title, intro, items = [], body = "", charset = "utf-8" }: { title: string; intro: string; items?: string[]; body?: string; charset?: OciCharset }): string {
  const list = items.length ? `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>` : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="${charset}"><meta name="viewport" content="width=device-width, initial-scale=1">
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

/**
 * The pages load nothing and run nothing, except the one script a page names by its hash (the
 * VALIDATE page's auto-submit); the inline style is the pages' own. form-action stays open: the
 * return forms post to whatever hook the procurement system named (SAPEVENT: has no CSP source).
 */
export function contentPolicy(frameSources: string[], scriptHash: string | null = null): string {
  const framing = framingHeaders(frameSources)["Content-Security-Policy"];
  return `default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; script-src ${scriptHash ? `'${scriptHash}'` : "'none'"}; ${framing}`;
}

/** Text that survives being written as Latin-1: everything above U+00FF as `&#N;`. */
export function latin1Safe(html: string): string {
  return html.replace(/[^\u0000-\u00ff]/gu, (c) => `&#${c.codePointAt(0)};`);
}

export function ociHtmlResponse(
  status: number,
  html: string,
  frameSources: string[] = [],
  headers: Record<string, string> = {},
  options: { scriptHash?: string | null; charset?: OciCharset } = {},
) {
  const charset = options.charset ?? "utf-8";
  // A Latin-1 page (the caller's http_content_charset) goes out as Latin-1 bytes. A character above
  // U+00FF (from the call: ~ fields, the search string, the hook URL) becomes a character reference:
  // written as Latin-1 it would keep only its low byte, and "ļ" (U+013C) would turn into "<" after
  // the escaping ran.
  const body = charset === "iso-8859-1" ? new Uint8Array(Buffer.from(latin1Safe(html), "latin1")) : html;
  return new Response(body, {
    status,
    headers: {
      "Content-Type": `text/html; charset=${charset}`,
      ...OCI_RESPONSE_HEADERS,
      ...framingHeaders(frameSources),
      "Content-Security-Policy": contentPolicy(frameSources, options.scriptHash ?? null),
      ...headers,
    },
  });
}

/** A JSON answer (QUANTITYCHECK), never cached, never framed. */
export function ociJsonResponse(status: number, data: unknown) {
  return new Response(JSON.stringify(data), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", ...OCI_RESPONSE_HEADERS, "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'" },
  });
}

/** 303 to a path of the shop, with the same no-store / no-referrer headers as the pages. */
export function ociRedirect(location: string) {
  return new Response(null, { status: 303, headers: { Location: location, ...OCI_RESPONSE_HEADERS } });
}
