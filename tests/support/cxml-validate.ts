import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** Our subset of the cXML 1.2.063 DTD (the declarations our punchout documents use). */
export const CXML_DTD_SUBSET = path.resolve(import.meta.dirname, "../fixtures/cxml/cXML-1.2.063-punchout.dtd");

export type CxmlValidation = { ok: true } | { ok: false; errors: string };

/**
 * Validates a cXML document against the DTD subset with libxml2's xmllint, as a receiver's validating
 * parser would. `--nonet` keeps xmllint from fetching the DOCTYPE's http://xml.cxml.org/… system id;
 * the warning it prints about that skipped load is dropped from the reported errors.
 * Throws when xmllint is not installed, so that tests fail rather than skip.
 */
export function validateCxml(xml: string): CxmlValidation {
  const dir = mkdtempSync(path.join(tmpdir(), "cxml-validate-"));
  try {
    const file = path.join(dir, "document.xml");
    writeFileSync(file, xml, "utf8");
    const run = spawnSync("xmllint", ["--noout", "--nonet", "--dtdvalid", CXML_DTD_SUBSET, file], {
      encoding: "utf8",
      timeout: 30_000,
    });
    if (run.error) {
      if ((run.error as NodeJS.ErrnoException).code === "ENOENT") {
        throw new Error("xmllint not found: apt-get install libxml2-utils");
      }
      throw run.error;
    }
    if (run.status === 0) return { ok: true };
    const errors = withoutNetworkNoise(`${run.stderr ?? ""}${run.stdout ?? ""}`).split(file).join("document.xml");
    return { ok: false, errors: errors.trim() || `xmllint exited with status ${run.status ?? run.signal}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// xmllint reports the external DTD it was told not to fetch as an I/O error plus a warning that is
// followed by two context lines (the DOCTYPE line and a caret).
function withoutNetworkNoise(output: string): string {
  const lines = output.split("\n");
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.startsWith("I/O error : Attempt to load network entity")) continue;
    if (/warning: failed to load external entity "https?:/.test(line)) {
      i += 2;
      continue;
    }
    kept.push(line);
  }
  return kept.join("\n");
}
