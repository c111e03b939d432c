/**
 * The punchout tester's call into /ocihome, built from what the operator chose. Pure: the page
 * renders the result as an auto-submitting form, exactly the request a procurement system's browser
 * would send (GET query or POST form, upper- or lower-case parameter names, the ~ fields as typed).
 */
import { z } from "zod";
import { OCI_CALL_LIMITS } from "@/lib/oci/inbound-call";

export const TESTER_FUNCTIONS = ["DETAIL", "SOURCING", "VALIDATE", "BACKGROUND_SEARCH"] as const;
export type TesterFunction = (typeof TESTER_FUNCTIONS)[number];

export const DEFAULT_ECHO_TEXT = "~OkCode=ADDI\n~TARGET=_top\n~CALLER=CTLG";

export type TesterOptions = {
  method: "GET" | "POST";
  /** "default": the call names no charset, so the customer's OCI profile decides. */
  charset: "default" | "utf-8" | "iso-8859-1";
  paramCase: "lower" | "upper";
  echo: [string, string][];
  window: "same" | "popup" | "iframe";
  fn: { name: TesterFunction; productId?: string; quantity?: string; searchString?: string } | null;
};

const OCI_QUANTITY = /^(?=.*[1-9])\d{1,11}(?:\.\d{1,3})?$/;

/** The ~ fields textarea: one `~Name=value` a line; blank lines are skipped. */
export function parseEchoFields(text: string): { ok: true; fields: [string, string][] } | { ok: false; message: string } {
  const fields: [string, string][] = [];
  const seen = new Set<string>();
  const lines = text.split(/\r\n|\r|\n/).map((l) => l.trim()).filter(Boolean);
  for (const [i, line] of lines.entries()) {
    const eq = line.indexOf("=");
    const name = eq < 0 ? line : line.slice(0, eq).trim();
    const value = eq < 0 ? "" : line.slice(eq + 1).trim();
    if (eq < 0 || !/^~[^\s=~][^\s=]*$/.test(name)) return { ok: false, message: `Line ${i + 1}: write one ~Name=value a line (e.g. ~OkCode=ADDI).` };
    if (name.length > OCI_CALL_LIMITS.echoName) return { ok: false, message: `Line ${i + 1}: the name is longer than ${OCI_CALL_LIMITS.echoName} characters.` };
    if (value.length > OCI_CALL_LIMITS.echoValue) return { ok: false, message: `Line ${i + 1}: the value is longer than ${OCI_CALL_LIMITS.echoValue} characters.` };
    if (seen.has(name.toLowerCase())) return { ok: false, message: `Line ${i + 1}: ${name} is already given; a procurement system sends each ~ field once.` };
    seen.add(name.toLowerCase());
    fields.push([name, value]);
  }
  if (fields.length > OCI_CALL_LIMITS.echoCount) return { ok: false, message: `At most ${OCI_CALL_LIMITS.echoCount} ~ fields.` };
  return { ok: true, fields };
}

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters.`).optional().default("");

/** The tester form as submitted (all strings) → the options of one run. */
export const testerOptionsSchema = z
  .object({
    method: z.enum(["GET", "POST"], { error: "Choose GET or POST." }),
    charset: z.enum(["default", "utf-8", "iso-8859-1"], { error: "Choose a charset." }),
    paramCase: z.enum(["lower", "upper"], { error: "Choose the parameter case." }),
    echo: z.string().max(4000, "At most 4000 characters."),
    window: z.enum(["same", "popup", "iframe"], { error: "Choose a window." }),
    fn: z.enum(["none", ...TESTER_FUNCTIONS], { error: "Choose an OCI function or none." }),
    productId: text(OCI_CALL_LIMITS.productId),
    quantity: text(15),
    searchString: text(OCI_CALL_LIMITS.searchString),
  })
  .transform((input, ctx): TesterOptions => {
    const echo = parseEchoFields(input.echo);
    if (!echo.ok) ctx.addIssue({ code: "custom", path: ["echo"], message: echo.message });
    const needs = (field: "productId" | "quantity" | "searchString", message: string) => {
      if (!input[field]) ctx.addIssue({ code: "custom", path: [field], message });
    };
    if (input.fn === "DETAIL" || input.fn === "VALIDATE") needs("productId", `${input.fn} needs a PRODUCTID (the EXT_PRODUCT_ID of a product).`);
    if (input.fn === "VALIDATE") {
      needs("quantity", "VALIDATE needs a QUANTITY.");
      if (input.quantity && !OCI_QUANTITY.test(input.quantity)) ctx.addIssue({ code: "custom", path: ["quantity"], message: 'A positive OCI number: digits and at most one "." (e.g. 5 or 2.5).' });
    }
    if (input.fn === "SOURCING" || input.fn === "BACKGROUND_SEARCH") needs("searchString", `${input.fn} needs a SEARCHSTRING.`);
    const fn: TesterOptions["fn"] =
      input.fn === "none"
        ? null
        : {
            name: input.fn,
            ...(input.fn === "DETAIL" || input.fn === "VALIDATE" ? { productId: input.productId } : {}),
            ...(input.fn === "VALIDATE" ? { quantity: input.quantity } : {}),
            ...(input.fn === "SOURCING" || input.fn === "BACKGROUND_SEARCH" ? { searchString: input.searchString } : {}),
          };
    return { method: input.method, charset: input.charset, paramCase: input.paramCase, echo: echo.ok ? echo.fields : [], window: input.window, fn };
  });

export type TestCall = {
  /** The entry the browser is sent to. */
  action: string;
  method: "get" | "post";
  /** The form's accept-charset (how the browser encodes the call), null for the page's UTF-8. */
  acceptCharset: string | null;
  /** The browsing context the call opens in: the tester's own window, or the named popup / iframe. */
  target: string;
  /** The call's parameters in the order sent. */
  fields: [string, string][];
};

/** The names of the popup and the iframe the punchout opens in (the popup is opened before the run exists). */
export const PUNCHOUT_WINDOW_NAMES = { popup: "oci-tester-popup", iframe: "oci-tester-frame" } as const;

export function buildTestCall(options: TesterOptions, call: { punchoutOrigin: string; username: string; password: string; hookUrl: string }): TestCall {
  const name = (n: string) => (options.paramCase === "upper" ? n.toUpperCase() : n.toLowerCase());
  const fields: [string, string][] = [
    [name("username"), call.username],
    [name("password"), call.password],
    [name("hook_url"), call.hookUrl],
  ];
  if (options.charset !== "default") fields.push([name("http_content_charset"), options.charset]);
  if (options.fn) {
    fields.push([name("FUNCTION"), options.fn.name]);
    if (options.fn.productId !== undefined) fields.push([name("PRODUCTID"), options.fn.productId]);
    if (options.fn.quantity !== undefined) fields.push([name("QUANTITY"), options.fn.quantity]);
    if (options.fn.searchString !== undefined) fields.push([name("SEARCHSTRING"), options.fn.searchString]);
  }
  fields.push(...options.echo);
  return {
    action: new URL("/ocihome", call.punchoutOrigin).toString(),
    method: options.method === "GET" ? "get" : "post",
    acceptCharset: options.charset === "iso-8859-1" ? "ISO-8859-1" : null,
    target: options.window === "same" ? "_top" : PUNCHOUT_WINDOW_NAMES[options.window],
    fields,
  };
}
