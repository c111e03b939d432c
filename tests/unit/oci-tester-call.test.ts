import { describe, expect, it } from "vitest";
import { buildTestCall, DEFAULT_ECHO_TEXT, parseEchoFields, testerOptionsSchema } from "@/lib/admin/oci-tester/call";
import { decodeHookBody } from "@/lib/admin/oci-tester/received";
import { encodeFormBody } from "@/lib/oci/form-body";
import { parseOciCall } from "@/lib/oci/inbound-call";

const base = {
  method: "POST",
  charset: "default",
  paramCase: "lower",
  echo: DEFAULT_ECHO_TEXT,
  window: "same",
  fn: "none",
} as const;

const credentials = { punchoutOrigin: "http://127.0.0.1:3000", username: "buyer@example.com", password: "ocitest_abc", hookUrl: "http://localhost:3000/oci-tester/hook/r1?key=s3cret" };

function options(overrides: Record<string, string> = {}) {
  const parsed = testerOptionsSchema.safeParse({ ...base, ...overrides });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
}

describe("the tester's punchout call", () => {
  it("posts the credentials, the hook and the echo fields to /ocihome, in lower case by default", () => {
    const call = buildTestCall(options(), credentials);
    expect(call.action).toBe("http://127.0.0.1:3000/ocihome");
    expect(call.method).toBe("post");
    expect(call.acceptCharset).toBeNull();
    expect(call.target).toBe("_top");
    expect(call.fields).toEqual([
      ["username", "buyer@example.com"],
      ["password", "ocitest_abc"],
      ["hook_url", credentials.hookUrl],
      ["~OkCode", "ADDI"],
      ["~TARGET", "_top"],
      ["~CALLER", "CTLG"],
    ]);
    // What the entry reads from it.
    const parsed = parseOciCall(call.fields);
    expect(parsed.ok && parsed.call).toMatchObject({ username: "buyer@example.com", password: "ocitest_abc", hookUrl: credentials.hookUrl, target: "_top", charset: "utf-8", fn: null });
  });

  it("upper-cases the parameter names, keeps the ~ fields as typed and names the charset", () => {
    const call = buildTestCall(options({ paramCase: "upper", charset: "iso-8859-1", method: "GET", echo: "~okcode=ADDI\n~Target=_parent" }), credentials);
    expect(call.method).toBe("get");
    expect(call.acceptCharset).toBe("ISO-8859-1");
    expect(call.fields.map(([n]) => n)).toEqual(["USERNAME", "PASSWORD", "HOOK_URL", "HTTP_CONTENT_CHARSET", "~okcode", "~Target"]);
    const parsed = parseOciCall(call.fields);
    expect(parsed.ok && parsed.call).toMatchObject({ charset: "iso-8859-1", target: "_parent" });
  });

  it("sends a utf-8 charset explicitly when chosen, nothing for the profile's default", () => {
    expect(buildTestCall(options({ charset: "utf-8" }), credentials).fields).toContainEqual(["http_content_charset", "utf-8"]);
    expect(buildTestCall(options({ charset: "default" }), credentials).fields.some(([n]) => n.toLowerCase() === "http_content_charset")).toBe(false);
  });

  it("adds the OCI function with its companions", () => {
    const validate = buildTestCall(options({ fn: "VALIDATE", productId: "42", quantity: "5" }), credentials);
    expect(validate.fields.slice(3, 6)).toEqual([["function", "VALIDATE"], ["productid", "42"], ["quantity", "5"]]);
    const parsed = parseOciCall(validate.fields);
    expect(parsed.ok && parsed.call.fn).toEqual({ name: "VALIDATE", productId: "42", quantity: "5" });
    const search = buildTestCall(options({ fn: "BACKGROUND_SEARCH", searchString: "Schraube M8", paramCase: "upper" }), credentials);
    expect(search.fields).toContainEqual(["FUNCTION", "BACKGROUND_SEARCH"]);
    expect(search.fields).toContainEqual(["SEARCHSTRING", "Schraube M8"]);
    expect(buildTestCall(options({ fn: "DETAIL", productId: "7" }), credentials).fields).toContainEqual(["productid", "7"]);
    expect(buildTestCall(options({ fn: "SOURCING", searchString: "Hammer" }), credentials).fields).toContainEqual(["searchstring", "Hammer"]);
  });

  it("targets the window the operator chose", () => {
    expect(buildTestCall(options({ window: "iframe" }), credentials).target).toBe("oci-tester-frame");
    expect(buildTestCall(options({ window: "popup" }), credentials).target).toBe("oci-tester-popup");
    expect(buildTestCall(options({ window: "same" }), credentials).target).toBe("_top");
  });

  it("refuses incomplete functions and bad ~ fields with a message per field", () => {
    const bad = testerOptionsSchema.safeParse({ ...base, fn: "VALIDATE", productId: "", quantity: "1,5", echo: "OkCode=ADDI\n~TARGET" });
    expect(bad.success).toBe(false);
    const fields = new Set(bad.error!.issues.map((i) => i.path[0]));
    expect(fields).toEqual(new Set(["productId", "quantity", "echo"]));
    expect(testerOptionsSchema.safeParse({ ...base, fn: "BACKGROUND_SEARCH", searchString: " " }).success).toBe(false);
    expect(testerOptionsSchema.safeParse({ ...base, method: "PUT" }).success).toBe(false);
  });

  it("reads the ~ field lines: one name=value a line, blank lines skipped, the value may hold =", () => {
    expect(parseEchoFields("~OkCode=ADDI\r\n\n  ~X=a=b  \n")).toEqual({ ok: true, fields: [["~OkCode", "ADDI"], ["~X", "a=b"]] });
    expect(parseEchoFields("")).toEqual({ ok: true, fields: [] });
    expect(parseEchoFields("~A=1\n~a=2").ok).toBe(false);
    expect(parseEchoFields(Array.from({ length: 21 }, (_, i) => `~F${i}=x`).join("\n")).ok).toBe(false);
  });
});

describe("a basket arriving at the tester's hook", () => {
  const fields: [string, string][] = [["NEW_ITEM-DESCRIPTION[1]", "Drehmomentschlüssel"], ["NEW_ITEM-QUANTITY[1]", "2"], ["~OkCode", "ADDI"]];

  it("decodes an ISO-8859-1 body in the charset the call asked for when the form names none", () => {
    const body = encodeFormBody(fields, "iso-8859-1");
    expect(decodeHookBody(body, "application/x-www-form-urlencoded", "iso-8859-1")).toEqual({ charset: "iso-8859-1", fields });
    // The same bytes read as UTF-8 would be garbled: the expected charset matters.
    expect(decodeHookBody(body, "application/x-www-form-urlencoded", "utf-8").fields[0]![1]).not.toBe("Drehmomentschlüssel");
  });

  it("prefers the Content-Type's charset, then _charset_, then the expected one", () => {
    const utf8 = encodeFormBody(fields, "utf-8");
    expect(decodeHookBody(utf8, "application/x-www-form-urlencoded; charset=UTF-8", "iso-8859-1")).toEqual({ charset: "utf-8", fields });
    const withField = encodeFormBody([["_charset_", "ISO-8859-1"], ...fields], "iso-8859-1");
    expect(decodeHookBody(withField, "application/x-www-form-urlencoded", "utf-8")).toEqual({ charset: "iso-8859-1", fields: [["_charset_", "ISO-8859-1"], ...fields] });
    expect(decodeHookBody(utf8, null, "utf-8")).toEqual({ charset: "utf-8", fields });
  });
});
