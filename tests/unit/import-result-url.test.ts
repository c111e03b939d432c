import { describe, expect, it } from "vitest";
import { ADDRESS_ERRORS, resultFromQuery, resultQuery } from "@/lib/admin/csv/result-url";

const back = (q: URLSearchParams) => {
  const search: Record<string, string | string[]> = {};
  for (const [k, v] of q) search[k] = k in search ? [...[search[k]!].flat(), v] : v;
  return resultFromQuery(search);
};

describe("the outcome of an import posted without JavaScript, in the page's address", () => {
  it("carries the counts of a saved import", () => {
    const q = resultQuery("products", { fileName: "a.csv", result: { ok: true, kind: "products", rows: 3, inserted: 2, updated: 1, unchanged: 0 } });
    expect(back(q)).toEqual({ kind: "products", state: { fileName: "a.csv", result: { ok: true, kind: "products", rows: 3, inserted: 2, updated: 1, unchanged: 0 } } });
  });

  it("carries the first problems of a refused file and counts the rest", () => {
    const errors = Array.from({ length: 30 }, (_, i) => ({ line: i + 2, message: `bad: value ${i}` }));
    const q = resultQuery("customer_prices", { result: { ok: false, code: "invalid", message: "The file was not imported.", errors, more: 5 } });
    const state = back(q)!.state;
    expect(state.result).toMatchObject({ ok: false, message: "The file was not imported.", more: 5 + 30 - ADDRESS_ERRORS });
    expect(state.result && !state.result.ok && state.result.errors[0]).toEqual({ line: 2, message: "bad: value 0" });
  });

  it("ignores addresses that are not an outcome", () => {
    expect(resultFromQuery({})).toBeNull();
    expect(resultFromQuery({ kind: "users", rows: "1" })).toBeNull();
    expect(resultFromQuery({ kind: "products", rows: "x", inserted: "1", updated: "0", unchanged: "0" })).toBeNull();
  });
});
