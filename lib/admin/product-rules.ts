/**
 * What a product's attributes may hold, for the edit form and the CSV import alike (one rule set,
 * whichever way a product arrives).
 */
export const PRODUCT_RULES = {
  // The characters product addresses and picture URLs accept (app/images/products/[sku]).
  sku: /^[A-Za-z0-9._-]{1,64}$/,
  nameMax: 300,
  descriptionMax: 20_000,
  manufacturerMax: 200,
  manufacturerPartNumberMax: 100,
  unit: /^[A-Z0-9]{2,3}$/,
  currency: /^[A-Z]{3}$/,
  unspsc: /^(?:\d{8}|\d{10})?$/,
  // OCI LEADTIME has five digits.
  leadTimeMax: 99_999,
  vatRateMax: "100",
} as const;
