import { describe, it, expect, beforeAll, afterAll, beforeEach } from "vitest";
import { createSimulator, parseFormBody, type ReceivedBasket, type Simulator } from "../oci-sim/simulator.mjs";

let sim: Simulator;
let base: string;
const logLines: string[] = [];

beforeAll(async () => {
  sim = createSimulator({ port: 0, host: "127.0.0.1", shopUrl: "http://localhost:3999", log: (line) => logLines.push(line) });
  base = await sim.start();
});

afterAll(async () => {
  await sim.stop();
});

beforeEach(async () => {
  await fetch(`${base}/reset`, { method: "POST" });
});

/** GET / registers a hook session with the requested charset; returns the page and the session id. */
async function openPage(query: string): Promise<{ html: string; session: string; config: Record<string, unknown> }> {
  const response = await fetch(`${base}/?${query}`);
  expect(response.status).toBe(200);
  const html = await response.text();
  const json = /<script type="application\/json" id="sim-config">([\s\S]*?)<\/script>/.exec(html)?.[1];
  const config = JSON.parse(json!) as Record<string, unknown>;
  return { html, session: String(config.session), config };
}

async function postHook(session: string, body: Uint8Array | string, extraQuery = ""): Promise<{ status: number; html: string }> {
  const response = await fetch(`${base}/hook?sap-client=100&session=${session}${extraQuery}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: typeof body === "string" ? body : Buffer.from(body),
  });
  return { status: response.status, html: await response.text() };
}

async function received(): Promise<ReceivedBasket[]> {
  return (await (await fetch(`${base}/received`)).json()) as ReceivedBasket[];
}

describe("OCI procurement simulator", () => {
  it("answers /health", async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
  });

  it("serves an accessible simulator page with the punchout settings", async () => {
    const { html, config } = await openPage("mode=iframe&method=POST&charset=iso-8859-1&username=20002&password=pw&upper=1");
    expect(html).toContain("<h1>Procurement system simulator</h1>");
    expect(html).toContain('<html lang="en">');
    for (const label of ["Shop URL", "Username", "Password", "Charset", "Method"]) expect(html).toMatch(new RegExp(`<label for="\\w+">${label}</label>`));
    for (const button of ["Open in popup", "Open in iframe", "Open in this window"]) expect(html).toContain(`>${button}</button>`);
    expect(config).toMatchObject({
      shop: "http://localhost:3999",
      username: "20002",
      password: "pw",
      charset: "iso-8859-1",
      method: "POST",
      mode: "iframe",
      upper: true,
      autostart: false,
      target: "_top",
      hookBase: base,
    });
    expect(html).toContain('name="ocishop-frame"');
  });

  it("defaults username 10001, password demo1234, utf-8, GET", async () => {
    const { config } = await openPage("");
    expect(config).toMatchObject({ username: "10001", password: "demo1234", charset: "utf-8", method: "GET" });
  });

  it("escapes query values in the page", async () => {
    const { html } = await openPage(`username=${encodeURIComponent('"><script>alert(1)</script>')}`);
    expect(html).not.toContain("<script>alert(1)</script>");
  });

  it("decodes an ISO-8859-1 basket for a session registered as iso-8859-1", async () => {
    const { session } = await openPage("charset=iso-8859-1");
    const { status, html } = await postHook(session, "NEW_ITEM-DESCRIPTION%5B1%5D=Schl%FCssel+gro%DF&NEW_ITEM-QUANTITY%5B1%5D=2&~OkCode=ADDI");
    expect(status).toBe(200);
    expect(html).toContain("<h1>Basket received</h1>");
    expect(html).toContain("Schlüssel groß");
    expect(html).toMatch(/data-testid="item-count">1</);
    const [record] = await received();
    expect(record!.charset).toBe("iso-8859-1");
    expect(record!.fields).toEqual([
      ["NEW_ITEM-DESCRIPTION[1]", "Schlüssel groß"],
      ["NEW_ITEM-QUANTITY[1]", "2"],
      ["~OkCode", "ADDI"],
    ]);
    expect(record!.path).toBe("/hook");
    expect(record!.query).toBe(`sap-client=100&session=${session}`);
    expect(record!.contentType).toBe("application/x-www-form-urlencoded");
    expect(Buffer.from(record!.rawBodyBase64, "base64").toString("latin1")).toContain("Schl%FCssel");
  });

  it("decodes raw (unescaped) ISO-8859-1 bytes too", async () => {
    const { session } = await openPage("charset=latin1");
    const body = Buffer.concat([Buffer.from("NEW_ITEM-DESCRIPTION[1]="), Buffer.from([0x53, 0x63, 0x68, 0x6c, 0xfc, 0x73, 0x73, 0x65, 0x6c])]);
    await postHook(session, body);
    expect((await received())[0]!.fields).toEqual([["NEW_ITEM-DESCRIPTION[1]", "Schlüssel"]]);
  });

  it("decodes a UTF-8 basket for a utf-8 session (the default)", async () => {
    const { session } = await openPage("charset=utf-8");
    await postHook(session, "NEW_ITEM-DESCRIPTION%5B1%5D=Schl%C3%BCssel+%E2%80%93+%E2%82%AC&NEW_ITEM-LONGTEXT_1%3A132%5B%5D=a%0D%0Ab&NEW_ITEM-DESCRIPTION%5B2%5D=x");
    const [record] = await received();
    expect(record!.charset).toBe("utf-8");
    expect(record!.fields).toEqual([
      ["NEW_ITEM-DESCRIPTION[1]", "Schlüssel – €"],
      ["NEW_ITEM-LONGTEXT_1:132[]", "a\r\nb"],
      ["NEW_ITEM-DESCRIPTION[2]", "x"],
    ]);
  });

  it("registers sessions via POST /session and falls back to sim_charset for unknown sessions", async () => {
    const created = (await (await fetch(`${base}/session`, { method: "POST", body: "charset=iso-8859-1", headers: { "content-type": "application/x-www-form-urlencoded" } })).json()) as {
      session: string;
      charset: string;
    };
    expect(created.charset).toBe("iso-8859-1");
    await postHook(created.session, "a=%FC");
    await postHook("unknown", "a=%FC", "&sim_charset=iso-8859-1");
    await postHook("unknown", "a=%C3%BC");
    const records = await received();
    expect(records.map((r) => r.fields[0]![1])).toEqual(["ü", "ü", "ü"]);
    expect(records.map((r) => r.charset)).toEqual(["iso-8859-1", "iso-8859-1", "utf-8"]);
  });

  it("keeps field order, escapes values in the answer page, clears on /reset", async () => {
    const { session } = await openPage("");
    const { html } = await postHook(session, "b=2&a=1&x=%3Cscript%3Ealert(1)%3C%2Fscript%3E&empty=&novalue");
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;");
    expect((await received())[0]!.fields).toEqual([
      ["b", "2"],
      ["a", "1"],
      ["x", "<script>alert(1)</script>"],
      ["empty", ""],
      ["novalue", ""],
    ]);
    await fetch(`${base}/reset`, { method: "POST" });
    expect(await received()).toEqual([]);
  });

  it("keeps baskets newest last", async () => {
    const { session } = await openPage("");
    await postHook(session, "n=1");
    await postHook(session, "n=2");
    expect((await received()).map((r) => r.fields[0]![1])).toEqual(["1", "2"]);
  });

  it("logs one line per request without the query string", async () => {
    logLines.length = 0;
    await openPage("username=secretuser&password=secretpw");
    const { session } = await openPage("");
    await postHook(session, "a=1");
    expect(logLines).toEqual(["GET /", "GET /", "POST /hook"]);
    expect(logLines.join("\n")).not.toContain("secret");
  });

  it("parseFormBody decodes + as space and percent escapes into bytes", () => {
    const body = new TextEncoder().encode("na+me%5B1%5D=a+b%20c%25d&x=%E2%82%AC");
    expect(parseFormBody(body, "utf-8")).toEqual([
      ["na me[1]", "a b c%d"],
      ["x", "€"],
    ]);
    expect(parseFormBody(new TextEncoder().encode("x=%E4%F6%FC%DF"), "iso-8859-1")).toEqual([["x", "äöüß"]]);
  });
});
