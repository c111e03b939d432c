/**
 * Parsing of the OCI call into the shop (`/ocihome`, GET query or POST form) and its FUNCTION companions.
 * Pure TypeScript, no I/O. Messages are written for the procurement administrator who maintains the
 * catalog call in the procurement system; they name parameters, never echo values (the call carries
 * the password).
 *
 * Decisions (where the brief is silent):
 * - Parameter names are matched case-insensitively; `~` fields keep their original name and value.
 * - The same parameter (case-insensitive name, `~` fields included) twice with the *same* value is
 *   accepted; a `~` field repeated that way is echoed once (first spelling).
 * - username and hook_url are trimmed; the password is taken exactly as sent (but must not be blank).
 *   Control characters in username or password are refused (never passed on to a sign-in).
 * - hook_url is kept exactly as sent (no URL normalisation), its own query string included. It must
 *   be an absolute http(s) URL with a host, without user/password and without control characters,
 *   or `SAPEVENT:` followed by printable ASCII.
 * - An empty `~TARGET` value falls back to `returntarget`, then `_top`.
 * - FUNCTION is case-insensitive and upper-cased. Required companions: DETAIL → PRODUCTID;
 *   VALIDATE → PRODUCTID + QUANTITY; QUANTITYCHECK → PRODUCTID (or EXT_PRODUCT_ID), QUANTITY optional (1);
 *   BACKGROUND_SEARCH → SEARCHSTRING; SOURCING → SEARCHSTRING or VENDOR. QUANTITY must be a positive
 *   decimal in format (a) ("5", "1.000"). PRODUCTID ≤ 40, SEARCHSTRING ≤ 255, VENDOR ≤ 10 characters.
 *   Other FUNCTION values (also Secure-OCI INITIALIZE/RETRIEVEOCI) are reported as unsupported.
 * - Any other non-`~` parameter value longer than 2048 characters is a problem; unknown parameters
 *   are otherwise ignored (but counted towards the limit of 100).
 * - Problems about the parameter count use the field name "(parameters)", about the number of `~`
 *   fields "(~ fields)"; all others use the canonical parameter name (`username`, `password`,
 *   `hook_url`, `returntarget`, `FUNCTION`, `PRODUCTID`, …) or, for `~` fields, the name as sent.
 */
import { z } from "zod";
import { normalizeCharset, type OciCharset } from "./text-rules";

export type OciFunctionName = "DETAIL" | "VALIDATE" | "BACKGROUND_SEARCH" | "SOURCING" | "QUANTITYCHECK";

export type OciCall = {
  username: string;
  password: string;
  hookUrl: string;
  target: string;
  echoFields: [string, string][];
  charset: OciCharset;
  /** Whether the call named a charset; if not, the customer's profile decides (see entry-rules). */
  charsetNamed: boolean;
  ociVersion: string | null;
  fn: { name: OciFunctionName; productId?: string; quantity?: string; searchString?: string; vendor?: string } | null;
};

export type OciCallProblem = { field: string; message: string };

export type OciCallResult = { ok: true; call: OciCall } | { ok: false; problems: OciCallProblem[] };

export const OCI_CALL_LIMITS = {
  username: 254,
  password: 1024,
  hookUrl: 2048,
  target: 64,
  echoName: 64,
  echoValue: 255,
  echoCount: 20,
  parameters: 100,
  otherValue: 2048,
  productId: 40,
  searchString: 255,
  vendor: 10,
} as const;

const FUNCTIONS = ["DETAIL", "VALIDATE", "BACKGROUND_SEARCH", "SOURCING", "QUANTITYCHECK"] as const;

/** Canonical names of the parameters we read (lower-case key → name used in problems). */
const KNOWN = {
  username: "username",
  password: "password",
  hook_url: "hook_url",
  returntarget: "returntarget",
  http_content_charset: "http_content_charset",
  oci_version: "OCI_VERSION",
  opi_version: "OPI_VERSION",
  function: "FUNCTION",
  productid: "PRODUCTID",
  ext_product_id: "EXT_PRODUCT_ID",
  quantity: "QUANTITY",
  searchstring: "SEARCHSTRING",
  vendor: "VENDOR",
} as const;

const FRAME_NAME = /^(?:_top|_parent|_self|_blank|[A-Za-z0-9_-]+)$/;
const SAPEVENT = /^sapevent:[\x21-\x7e]*$/i;
const CONTROL = /[\u0000-\u001f\u007f]/;
const OCI_QUANTITY = /^(?=.*[1-9])\d{1,11}(?:\.\d{1,3})?$/;

function isSapEvent(value: string): boolean {
  return /^sapevent:/i.test(value);
}

const hookUrlSchema = z
  .string()
  .trim()
  .min(1, "hook_url is missing or empty. Configure the catalog call to send the return address (hook_url) of the procurement system.")
  .max(OCI_CALL_LIMITS.hookUrl, `hook_url is longer than ${OCI_CALL_LIMITS.hookUrl} characters. Check the return address configured in the catalog call.`)
  .superRefine((value, ctx) => {
    if (isSapEvent(value)) {
      if (!SAPEVENT.test(value)) ctx.addIssue({ code: "custom", message: "hook_url starts with SAPEVENT: but contains spaces or other invalid characters. Use e.g. SAPEVENT:POST." });
      return;
    }
    if (CONTROL.test(value)) {
      ctx.addIssue({ code: "custom", message: "hook_url contains control characters (e.g. a line break). Send the return address URL-encoded on one line." });
      return;
    }
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "hook_url is not a valid absolute URL. Send the full return address, e.g. https://srm.example.com/sap/bc/…, URL-encoded." });
      return;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      ctx.addIssue({ code: "custom", message: "hook_url must start with https:// or http:// (or be SAPEVENT:… for the SAP GUI browser). Other schemes are not accepted." });
      return;
    }
    if (!url.hostname) {
      ctx.addIssue({ code: "custom", message: "hook_url has no host name. Send the full return address of the procurement system." });
      return;
    }
    if (url.username || url.password) {
      ctx.addIssue({
        code: "custom",
        message: "hook_url contains a user name or password (https://user:password@host). Remove the credentials from the return address; they would be exposed in the buyer's browser.",
      });
    }
  });

const callSchema = z.object({
  username: z
    .string()
    .trim()
    .min(1, "username is missing or empty. Configure the catalog call to send the shop login (customer number or e-mail) as username.")
    .max(OCI_CALL_LIMITS.username, `username is longer than ${OCI_CALL_LIMITS.username} characters. Check the shop login configured in the catalog call.`)
    .refine((v) => !CONTROL.test(v), "username contains control characters (e.g. a NUL byte or a line break). Send the shop login exactly as it is, URL-encoded."),
  password: z
    .string()
    .refine((v) => v.trim().length > 0, "password is missing or empty. Configure the catalog call to send the shop password as password.")
    .refine((v) => v.length <= OCI_CALL_LIMITS.password, `password is longer than ${OCI_CALL_LIMITS.password} characters. Check the password configured in the catalog call.`)
    // A password never contains control characters; one with a NUL appended must not pass as the real one.
    .refine((v) => !CONTROL.test(v), "password contains control characters (e.g. a NUL byte or a line break). Check the password configured in the catalog call."),
  hookUrl: hookUrlSchema,
});

type Collected = {
  /** lower-case name → { name as first sent, value } */
  params: Map<string, { name: string; value: string }>;
  echo: [string, string][];
  problems: OciCallProblem[];
};

function collect(entries: Iterable<[string, string]>): Collected {
  const params = new Map<string, { name: string; value: string }>();
  const echoByKey = new Map<string, { name: string; value: string }>();
  const echo: [string, string][] = [];
  const problems: OciCallProblem[] = [];
  const reported = new Set<string>();
  let total = 0;

  for (const [rawName, rawValue] of entries) {
    total += 1;
    const name = String(rawName);
    const value = String(rawValue);
    const key = name.toLowerCase();

    if (name.startsWith("~")) {
      const previous = echoByKey.get(key);
      if (previous) {
        if (previous.value !== value && !reported.has(key)) {
          reported.add(key);
          problems.push({ field: previous.name, message: `${previous.name} was sent more than once with different values. Send each ~ field only once.` });
        }
        continue;
      }
      echoByKey.set(key, { name, value });
      echo.push([name, value]);
      continue;
    }

    const previous = params.get(key);
    if (previous) {
      if (previous.value !== value && !reported.has(key)) {
        reported.add(key);
        const canonical = KNOWN[key as keyof typeof KNOWN] ?? name;
        problems.push({ field: canonical, message: `${canonical} was sent more than once with different values. Send each parameter only once.` });
      }
      continue;
    }
    params.set(key, { name, value });
  }

  if (total > OCI_CALL_LIMITS.parameters) {
    problems.push({
      field: "(parameters)",
      message: `The call has ${total} parameters; at most ${OCI_CALL_LIMITS.parameters} are accepted. Remove parameters the shop does not need from the catalog call.`,
    });
  }
  if (echo.length > OCI_CALL_LIMITS.echoCount) {
    problems.push({
      field: "(~ fields)",
      message: `The call has ${echo.length} fields starting with ~; at most ${OCI_CALL_LIMITS.echoCount} are accepted. Remove unneeded ~ fields from the catalog call.`,
    });
  }
  for (const [name, value] of echo) {
    if (name.length > OCI_CALL_LIMITS.echoName) {
      problems.push({ field: name.slice(0, OCI_CALL_LIMITS.echoName), message: `A ~ field name is longer than ${OCI_CALL_LIMITS.echoName} characters. Shorten it in the catalog call.` });
    } else if (value.length > OCI_CALL_LIMITS.echoValue) {
      problems.push({ field: name, message: `The value of ${name} is longer than ${OCI_CALL_LIMITS.echoValue} characters. Shorten it in the catalog call.` });
    }
  }
  return { params, echo, problems };
}

export function parseOciCall(entries: Iterable<[string, string]>): OciCallResult {
  const { params, echo, problems } = collect(entries);
  const get = (key: keyof typeof KNOWN): string | undefined => params.get(key)?.value;

  // username / password / hook_url
  const parsed = callSchema.safeParse({ username: get("username") ?? "", password: get("password") ?? "", hookUrl: get("hook_url") ?? "" });
  if (!parsed.success) {
    const fieldOf: Record<string, string> = { username: "username", password: "password", hookUrl: "hook_url" };
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "");
      problems.push({ field: fieldOf[key] ?? key, message: issue.message });
    }
  }

  // target: ~TARGET (any casing, non-empty) → returntarget → _top
  const targetEcho = echo.find(([name, value]) => name.toLowerCase() === "~target" && value.trim() !== "");
  const returnTarget = get("returntarget")?.trim();
  let target = "_top";
  let targetField = "returntarget";
  if (targetEcho) {
    target = targetEcho[1].trim();
    targetField = targetEcho[0];
  } else if (returnTarget) {
    target = returnTarget;
  }
  if (target.length > OCI_CALL_LIMITS.target || !FRAME_NAME.test(target)) {
    problems.push({
      field: targetField,
      message: `${targetField} must be a frame name of at most ${OCI_CALL_LIMITS.target} characters: _top, _parent, _self, _blank or a name made of letters, digits, "_" and "-".`,
    });
  }

  // other lengths
  for (const [key, { value }] of params) {
    if (["username", "password", "hook_url"].includes(key)) continue;
    if (value.length > OCI_CALL_LIMITS.otherValue) {
      const field = KNOWN[key as keyof typeof KNOWN] ?? params.get(key)!.name;
      problems.push({ field, message: `The value of ${field} is longer than ${OCI_CALL_LIMITS.otherValue} characters. Check the catalog call.` });
    }
  }

  const fn = parseFunction(get, problems);
  const ociVersion = get("oci_version")?.trim() || null;

  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return {
    ok: true,
    call: {
      username: parsed.data.username,
      password: parsed.data.password,
      hookUrl: parsed.data.hookUrl,
      target,
      echoFields: echo,
      charset: normalizeCharset(get("http_content_charset")),
      charsetNamed: Boolean(get("http_content_charset")?.trim()),
      ociVersion,
      fn,
    },
  };
}

function parseFunction(get: (key: keyof typeof KNOWN) => string | undefined, problems: OciCallProblem[]): OciCall["fn"] {
  const raw = get("function")?.trim();
  if (!raw) return null;
  const name = raw.toUpperCase();
  if (!(FUNCTIONS as readonly string[]).includes(name)) {
    problems.push({
      field: "FUNCTION",
      message: `FUNCTION is not supported by this shop. Supported: ${FUNCTIONS.join(", ")}; leave FUNCTION out for a normal shopping session.`,
    });
    return null;
  }
  const fnName = name as OciFunctionName;
  const productId = (get("productid") ?? get("ext_product_id"))?.trim() || undefined;
  const quantity = get("quantity")?.trim() || undefined;
  const searchString = get("searchstring")?.trim() || undefined;
  const vendor = get("vendor")?.trim() || undefined;

  const requireParam = (field: string, present: unknown, what: string) => {
    if (!present) problems.push({ field, message: `FUNCTION=${fnName} needs ${field} (${what}). Add it to the call.` });
  };
  if (fnName === "DETAIL" || fnName === "VALIDATE" || fnName === "QUANTITYCHECK") {
    requireParam("PRODUCTID", productId, "the EXT_PRODUCT_ID sent with the item earlier");
  }
  // QUANTITYCHECK without QUANTITY asks about one piece (answered by the entry).
  if (fnName === "VALIDATE") requireParam("QUANTITY", quantity, "the quantity to check");
  if (fnName === "BACKGROUND_SEARCH") requireParam("SEARCHSTRING", searchString, "the search terms");
  if (fnName === "SOURCING" && !searchString && !vendor) requireParam("SEARCHSTRING", searchString, "the search terms");

  if (productId && productId.length > OCI_CALL_LIMITS.productId) {
    problems.push({ field: "PRODUCTID", message: `PRODUCTID is longer than ${OCI_CALL_LIMITS.productId} characters; send the EXT_PRODUCT_ID exactly as the shop sent it.` });
  }
  if (quantity && !OCI_QUANTITY.test(quantity)) {
    problems.push({ field: "QUANTITY", message: 'QUANTITY must be a positive number with "." as decimal point, at most 11 digits before and 3 after it, no thousands separators (e.g. 5 or 1.000).' });
  }
  if (searchString && searchString.length > OCI_CALL_LIMITS.searchString) {
    problems.push({ field: "SEARCHSTRING", message: `SEARCHSTRING is longer than ${OCI_CALL_LIMITS.searchString} characters. Shorten the search terms.` });
  }
  if (vendor && vendor.length > OCI_CALL_LIMITS.vendor) {
    problems.push({ field: "VENDOR", message: `VENDOR is longer than ${OCI_CALL_LIMITS.vendor} characters. Send the supplier number used in the procurement system.` });
  }

  return {
    name: fnName,
    ...(productId !== undefined ? { productId } : {}),
    ...(quantity !== undefined ? { quantity } : {}),
    ...(searchString !== undefined ? { searchString } : {}),
    ...(vendor !== undefined ? { vendor } : {}),
  };
}

/** The hook URL's origin (e.g. for CSP form-action), or "SAPEVENT" for SAP GUI targets. Throws on an invalid URL. */
export function hookOrigin(hookUrl: string): string {
  const value = hookUrl.trim();
  if (isSapEvent(value)) return "SAPEVENT";
  const url = new URL(value);
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new TypeError("hook URL must be http(s) or SAPEVENT:");
  return url.origin;
}
