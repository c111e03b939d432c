/** Only same-site paths: `next=//evil.example` or `next=https://…` fall back to the default. */
export function safeRedirectPath(value: unknown, fallback: string): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (value.length > 512) return fallback;
  return value;
}
