import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { ANCHORS } from "./helpers";

export type Received = { path: string; query: string; contentType: string; charset: string; fields: [string, string][]; rawBodyBase64: string };

export async function received(request: APIRequestContext, sim: string): Promise<Received[]> {
  const res = await request.get(`${sim}/received`);
  return (await res.json()) as Received[];
}

export async function resetSimulator(request: APIRequestContext, sim: string) {
  await request.post(`${sim}/reset`);
}

export function simPage(sim: string, shop: string, params: Record<string, string>) {
  return `${sim}/?${new URLSearchParams({ shop, ...params })}`;
}

export async function addToBasket(page: Page, slug: string, quantity: number) {
  await page.goto(`/products/${slug}`);
  await page.getByLabel("Quantity").fill(String(quantity));
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText(/Added \d+/)).toBeVisible();
}

/** Pairs as a name → value map, for the fields whose values are computed from seed data. */
export function fieldMap(fields: [string, string][]) {
  return new Map(fields);
}
