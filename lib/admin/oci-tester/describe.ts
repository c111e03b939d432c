import type { TesterOptions } from "./call";

const WINDOWS = { same: "same window", popup: "popup", iframe: "iframe" } as const;

/** A run's options in one line, for the list and the run page. Pure. */
export function describeOptions(o: TesterOptions): string {
  const fn = o.fn ? [o.fn.name, o.fn.productId, o.fn.quantity ? `× ${o.fn.quantity}` : undefined, o.fn.searchString ? `"${o.fn.searchString}"` : undefined].filter(Boolean).join(" ") : "no function";
  const charset = o.charset === "default" ? "profile's charset" : o.charset;
  return [o.method, charset, `${o.paramCase} case`, WINDOWS[o.window], fn].join(" · ");
}
