import { describe, it, expect } from "vitest";
import { hookOrigin, parseOciCall, type OciCall } from "@/lib/oci/inbound-call";

const HOOK = "https://srm.example.com/sap/bc/bsp/sap/ocihook?sap-client=100&x=a%20b";
const BASE: [string, string][] = [
  ["username", "10001"],
  ["password", "s3cret-PW!"],
  ["hook_url", HOOK],
];

function ok(entries: Iterable<[string, string]>): OciCall {
  const result = parseOciCall(entries);
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.problems)}`);
  return result.call;
}

function problems(entries: Iterable<[string, string]>) {
  const result = parseOciCall(entries);
  if (result.ok) throw new Error("expected problems");
  return result.problems;
}

function fields(entries: Iterable<[string, string]>) {
  return problems(entries).map((p) => p.field);
}

describe("parseOciCall — accepted calls", () => {
  it("parses a minimal call with defaults", () => {
    const call = ok(BASE);
    expect(call).toEqual({
      username: "10001",
      password: "s3cret-PW!",
      hookUrl: HOOK,
      target: "_top",
      echoFields: [],
      charset: "utf-8",
      charsetNamed: false,
      ociVersion: null,
      fn: null,
    });
  });

  it("tells whether the call named a charset (else the customer's profile decides)", () => {
    expect(ok([...BASE, ["http_content_charset", "iso-8859-1"]]).charsetNamed).toBe(true);
    expect(ok([...BASE, ["http_content_charset", " "]]).charsetNamed).toBe(false);
  });

  it("QUANTITYCHECK without QUANTITY asks for one piece", () => {
    expect(ok([...BASE, ["FUNCTION", "QUANTITYCHECK"], ["EXT_PRODUCT_ID", "4711"]]).fn).toEqual({ name: "QUANTITYCHECK", productId: "4711" });
  });

  it("accepts the entries of URLSearchParams (GET query) and FormData-like iterables", () => {
    const query = new URLSearchParams(`username=10001&password=pw&hook_url=${encodeURIComponent(HOOK)}&~OkCode=ADDI&~TARGET=_top&~CALLER=CTLG`);
    const call = ok(query.entries());
    expect(call.hookUrl).toBe(HOOK);
    expect(call.echoFields).toEqual([
      ["~OkCode", "ADDI"],
      ["~TARGET", "_top"],
      ["~CALLER", "CTLG"],
    ]);
  });

  it("treats parameter names case-insensitively", () => {
    for (const [u, p, h] of [
      ["USERNAME", "PASSWORD", "HOOK_URL"],
      ["UserName", "Password", "Hook_Url"],
      ["username", "password", "hook_url"],
    ] as const) {
      const call = ok([
        [u, "10001"],
        [p, "pw"],
        [h, HOOK],
        ["HTTP_CONTENT_CHARSET", "ISO-8859-1"],
        ["oci_version", "4.0"],
        ["RETURNTARGET", "_parent"],
      ]);
      expect(call.username).toBe("10001");
      expect(call.password).toBe("pw");
      expect(call.hookUrl).toBe(HOOK);
      expect(call.charset).toBe("iso-8859-1");
      expect(call.ociVersion).toBe("4.0");
      expect(call.target).toBe("_parent");
    }
  });

  it("keeps the hook URL exactly, with its own query string", () => {
    const hook = "http://erp.local:8000/sap/bc/gui/sap/its/bbpsc02?sap-client=100&~OkCode=ADDI&sap-language=DE&x=%C3%BC";
    expect(ok([...BASE.slice(0, 2), ["hook_url", hook]]).hookUrl).toBe(hook);
  });

  it("accepts SAPEVENT hooks in any casing", () => {
    expect(ok([...BASE.slice(0, 2), ["HOOK_URL", "SAPEVENT:POST"]]).hookUrl).toBe("SAPEVENT:POST");
    expect(ok([...BASE.slice(0, 2), ["hook_url", "sapevent:ADDI"]]).hookUrl).toBe("sapevent:ADDI");
  });

  it("keeps every ~ field in arrival order with its original name and value", () => {
    const call = ok([
      ["~caller", "CTLG"],
      ...BASE,
      ["~Target", "_parent"],
      ["~okcode", "ADDI"],
      ["~MyField", "x y"],
    ]);
    expect(call.echoFields).toEqual([
      ["~caller", "CTLG"],
      ["~Target", "_parent"],
      ["~okcode", "ADDI"],
      ["~MyField", "x y"],
    ]);
    expect(call.target).toBe("_parent");
  });

  it("takes the target from ~TARGET, else returntarget, else _top", () => {
    expect(ok([...BASE, ["~target", "catalog_frame"], ["returntarget", "_parent"]]).target).toBe("catalog_frame");
    expect(ok([...BASE, ["returntarget", "_parent"]]).target).toBe("_parent");
    expect(ok([...BASE, ["~TARGET", ""], ["returntarget", "_self"]]).target).toBe("_self");
    expect(ok(BASE).target).toBe("_top");
    expect(ok([...BASE, ["~TARGET", "_blank"]]).target).toBe("_blank");
  });

  it("normalises the charset", () => {
    expect(ok([...BASE, ["http_content_charset", "latin1"]]).charset).toBe("iso-8859-1");
    expect(ok([...BASE, ["http_content_charset", "windows-1252"]]).charset).toBe("iso-8859-1");
    expect(ok([...BASE, ["http_content_charset", "UTF-8"]]).charset).toBe("utf-8");
    expect(ok([...BASE, ["http_content_charset", "klingon"]]).charset).toBe("utf-8");
  });

  it("accepts a parameter repeated with the same value", () => {
    expect(ok([...BASE, ["USERNAME", "10001"]]).username).toBe("10001");
  });

  it("trims the username but takes the password as sent", () => {
    const call = ok([
      ["username", " 10001 "],
      ["password", " pw with spaces "],
      ["hook_url", HOOK],
    ]);
    expect(call.username).toBe("10001");
    expect(call.password).toBe(" pw with spaces ");
  });

  it("parses the OCI functions", () => {
    expect(ok([...BASE, ["FUNCTION", "DETAIL"], ["PRODUCTID", "4711"]]).fn).toEqual({ name: "DETAIL", productId: "4711" });
    expect(ok([...BASE, ["function", "validate"], ["productid", "4711"], ["quantity", "5"]]).fn).toEqual({
      name: "VALIDATE",
      productId: "4711",
      quantity: "5",
    });
    expect(ok([...BASE, ["FUNCTION", "BACKGROUND_SEARCH"], ["SEARCHSTRING", "hex bolt"]]).fn).toEqual({ name: "BACKGROUND_SEARCH", searchString: "hex bolt" });
    expect(ok([...BASE, ["FUNCTION", "SOURCING"], ["SEARCHSTRING", "bolt"], ["VENDOR", "V100"]]).fn).toEqual({
      name: "SOURCING",
      searchString: "bolt",
      vendor: "V100",
    });
    expect(ok([...BASE, ["FUNCTION", "QUANTITYCHECK"], ["EXT_PRODUCT_ID", "4711"], ["QUANTITY", "1.000"]]).fn).toEqual({
      name: "QUANTITYCHECK",
      productId: "4711",
      quantity: "1.000",
    });
  });

  it("reads OCI_VERSION and ignores OPI_VERSION and unknown parameters", () => {
    const call = ok([...BASE, ["OCI_VERSION", "5.0"], ["OPI_VERSION", "1.0"], ["sap-language", "DE"]]);
    expect(call.ociVersion).toBe("5.0");
  });
});

describe("parseOciCall — problems", () => {
  it("refuses control characters in the credentials (a NUL appended to the right password never passes)", () => {
    expect(fields([["username", "10001\u0000"], ["password", "demo1234"], ["hook_url", HOOK]])).toEqual(["username"]);
    expect(fields([["username", "buyer\n@example.com"], ["password", "demo1234"], ["hook_url", HOOK]])).toEqual(["username"]);
    expect(fields([["username", "10001"], ["password", "demo1234\u0000"], ["hook_url", HOOK]])).toEqual(["password"]);
    expect(fields([["username", "10001"], ["password", "demo\u007f1234"], ["hook_url", HOOK]])).toEqual(["password"]);
    // Messages never echo the value.
    for (const p of problems([["username", "10001"], ["password", "demo1234\u0000"], ["hook_url", HOOK]])) expect(p.message).not.toContain("demo1234");
  });

  it("reports missing or empty username, password and hook_url", () => {
    expect(fields([])).toEqual(expect.arrayContaining(["username", "password", "hook_url"]));
    expect(fields([["username", " "], ["password", ""], ["hook_url", ""]])).toEqual(expect.arrayContaining(["username", "password", "hook_url"]));
    expect(fields([BASE[0]!, BASE[2]!])).toEqual(["password"]);
  });

  it("reports malformed and non-http(s) hook URLs", () => {
    for (const hook of ["not a url", "/relative/hook", "ftp://srm.example.com/hook", "javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "https://srm.example.com/ho\nok"]) {
      expect(fields([...BASE.slice(0, 2), ["hook_url", hook]]), hook).toEqual(["hook_url"]);
    }
  });

  it("rejects credentials inside the hook URL", () => {
    const p = problems([...BASE.slice(0, 2), ["hook_url", "https://user:pw@srm.example.com/hook"]]);
    expect(p.map((x) => x.field)).toEqual(["hook_url"]);
    expect(p[0]!.message).toMatch(/credentials|password/i);
    expect(fields([...BASE.slice(0, 2), ["hook_url", "https://user@srm.example.com/hook"]])).toEqual(["hook_url"]);
  });

  it("rejects absurd lengths", () => {
    expect(fields([["username", "u".repeat(255)], BASE[1]!, BASE[2]!])).toEqual(["username"]);
    expect(ok([["username", "u".repeat(254)], BASE[1]!, BASE[2]!]).username).toHaveLength(254);
    expect(fields([BASE[0]!, ["password", "p".repeat(1025)], BASE[2]!])).toEqual(["password"]);
    expect(ok([BASE[0]!, ["password", "p".repeat(1024)], BASE[2]!]).password).toHaveLength(1024);
    const longHook = "https://srm.example.com/hook?x=" + "a".repeat(2048);
    expect(fields([...BASE.slice(0, 2), ["hook_url", longHook]])).toEqual(["hook_url"]);
    const okHook = "https://srm.example.com/hook?x=" + "a".repeat(2048 - 31);
    expect(ok([...BASE.slice(0, 2), ["hook_url", okHook]]).hookUrl).toHaveLength(2048);
  });

  it("accepts only frame names as target, at most 64 characters", () => {
    expect(fields([...BASE, ["~TARGET", "x".repeat(65)]])).toEqual(["~TARGET"]);
    expect(ok([...BASE, ["~TARGET", "x".repeat(64)]]).target).toHaveLength(64);
    expect(fields([...BASE, ["~target", "_top\" onload=\"x"]])).toEqual(["~target"]);
    expect(fields([...BASE, ["returntarget", "my frame"]])).toEqual(["returntarget"]);
    expect(fields([...BASE, ["returntarget", "javascript:alert(1)"]])).toEqual(["returntarget"]);
  });

  it("limits ~ fields: name ≤ 64, value ≤ 255, at most 20", () => {
    expect(fields([...BASE, ["~" + "n".repeat(64), "v"]])).toEqual(["~" + "n".repeat(63)]);
    expect(ok([...BASE, ["~" + "n".repeat(63), "v"]]).echoFields).toHaveLength(1);
    expect(fields([...BASE, ["~OkCode", "v".repeat(256)]])).toEqual(["~OkCode"]);
    expect(ok([...BASE, ["~OkCode", "v".repeat(255)]]).echoFields[0]![1]).toHaveLength(255);
    const twenty = Array.from({ length: 20 }, (_, i) => [`~f${i}`, "x"] as [string, string]);
    expect(ok([...BASE, ...twenty]).echoFields).toHaveLength(20);
    expect(fields([...BASE, ...twenty, ["~f20", "x"]])).toEqual(["(~ fields)"]);
  });

  it("accepts at most 100 parameters in total", () => {
    const extra = Array.from({ length: 97 }, (_, i) => [`p${i}`, "x"] as [string, string]);
    expect(ok([...BASE, ...extra]).username).toBe("10001");
    expect(fields([...BASE, ...extra, ["p97", "x"]])).toEqual(["(parameters)"]);
  });

  it("reports a parameter given twice with different values (any casing)", () => {
    expect(fields([...BASE, ["USERNAME", "10002"]])).toEqual(["username"]);
    expect(fields([...BASE, ["HOOK_URL", "https://evil.example/hook"]])).toEqual(["hook_url"]);
    expect(fields([...BASE, ["~TARGET", "_top"], ["~target", "_blank"]])).toEqual(["~TARGET"]);
  });

  it("echoes an identical repeated ~ field once", () => {
    expect(ok([...BASE, ["~TARGET", "_top"], ["~target", "_top"]]).echoFields).toEqual([["~TARGET", "_top"]]);
  });

  it("reports unsupported functions and missing function parameters", () => {
    expect(fields([...BASE, ["FUNCTION", "INITIALIZE"]])).toEqual(["FUNCTION"]);
    expect(fields([...BASE, ["FUNCTION", "DETAIL"]])).toEqual(["PRODUCTID"]);
    expect(fields([...BASE, ["FUNCTION", "VALIDATE"], ["PRODUCTID", "1"]])).toEqual(["QUANTITY"]);
    expect(fields([...BASE, ["FUNCTION", "BACKGROUND_SEARCH"]])).toEqual(["SEARCHSTRING"]);
    expect(fields([...BASE, ["FUNCTION", "VALIDATE"], ["PRODUCTID", "1"], ["QUANTITY", "1,5"]])).toEqual(["QUANTITY"]);
    expect(fields([...BASE, ["FUNCTION", "VALIDATE"], ["PRODUCTID", "1"], ["QUANTITY", "0"]])).toEqual(["QUANTITY"]);
    expect(fields([...BASE, ["FUNCTION", "DETAIL"], ["PRODUCTID", "x".repeat(41)]])).toEqual(["PRODUCTID"]);
  });

  it("never echoes the password in a message", () => {
    const secret = "Sup3r-Secret-Pa55";
    const all = [
      ...problems([["username", ""], ["password", secret], ["hook_url", `https://u:${secret}@h.example/x`]]),
      ...problems([["username", "u"], ["password", secret + "x".repeat(1024)], ["hook_url", "nope"]]),
      ...problems([["username", "u"], ["password", secret], ["PASSWORD", secret + "2"], ["hook_url", HOOK]]),
    ];
    expect(all.length).toBeGreaterThan(0);
    for (const p of all) {
      expect(p.message).not.toContain(secret);
      expect(p.field).not.toContain(secret);
      expect(p.message.length).toBeGreaterThan(20);
    }
  });

  it("collects several problems at once", () => {
    expect(fields([["username", ""], ["password", "pw"], ["hook_url", "ftp://x"], ["~TARGET", "bad target"]])).toEqual(
      expect.arrayContaining(["username", "hook_url", "~TARGET"]),
    );
  });
});

describe("hookOrigin", () => {
  it("returns the origin of an http(s) hook URL", () => {
    expect(hookOrigin(HOOK)).toBe("https://srm.example.com");
    expect(hookOrigin("http://erp.local:8000/sap/x?sap-client=100")).toBe("http://erp.local:8000");
  });
  it('returns "SAPEVENT" for SAP GUI targets', () => {
    expect(hookOrigin("SAPEVENT:POST")).toBe("SAPEVENT");
    expect(hookOrigin("sapevent:addi")).toBe("SAPEVENT");
  });
  it("throws on invalid URLs", () => {
    expect(() => hookOrigin("not a url")).toThrow();
    expect(() => hookOrigin("javascript:alert(1)")).toThrow();
  });
});
