// Any fixed origin will do: it only tells "this stays on our site" apart from "this leaves it".
const DUMMY_ORIGIN = "http://redirect-target.invalid";
const MAX_LENGTH = 512;
// Browsers drop tabs and line breaks from URLs and read a backslash as a slash, so "/\t/evil.example"
// and "/\evil.example" become "//evil.example", another site.
const FORBIDDEN = /[\u0000-\u001f\u007f\\]/;

/** Only same-site paths: `next=//evil.example`, `next=https://…` and the like fall back to the default. */
export function safeRedirectPath(value: unknown, fallback: string): string {
  if (typeof value !== "string" || value.length > MAX_LENGTH || !value.startsWith("/") || value.startsWith("//") || FORBIDDEN.test(value)) {
    return fallback;
  }
  let url: URL;
  try {
    url = new URL(value, DUMMY_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== DUMMY_ORIGIN) return fallback;
  const path = url.pathname + url.search + url.hash;
  // Dot segments can resolve to a protocol-relative path: "/.//evil.example" → "//evil.example".
  return path.startsWith("//") ? fallback : path;
}
