/** Charset labels that mean a legacy 8-bit Western charset (decoded and encoded as Latin-1/CP1252). Pure. */
const LATIN1_ALIASES = new Set([
  "iso-8859-1",
  "iso8859-1",
  "iso_8859-1",
  "iso_8859-1:1987",
  "iso88591",
  "8859-1",
  "latin1",
  "latin-1",
  "l1",
  "windows-1252",
  "cp1252",
  "x-cp1252",
  "cp819",
  "ibm819",
  "iso-ir-100",
  "csisolatin1",
  "us-ascii",
  "ascii",
  // ISO-8859-15 is Latin-1 with a handful of changed code points; Latin-1 output is far closer
  // than UTF-8 bytes would be.
  "iso-8859-15",
  "iso8859-15",
  "iso_8859-15",
  "latin9",
  "latin-9",
]);

/** True for a label (e.g. from Content-Type or a form field) that names a Latin-1-like charset. */
export function isLatin1Label(input: string | undefined | null): boolean {
  if (!input) return false;
  const value = input.trim().replace(/^["']|["']$/g, "").trim().toLowerCase();
  return LATIN1_ALIASES.has(value);
}
