/**
 * What every cXML document the shop writes has in common: the DTD version it declares, a unique
 * payloadID and an ISO 8601 timestamp with its zone. Pure.
 */
import { z } from "zod";

/** The cXML version our documents declare and are valid against. */
export const CXML_VERSION = "1.2.063";

export function cxmlVersion(env: Record<string, string | undefined> = process.env): string {
  const parsed = z
    .string()
    .regex(/^1\.2\.0\d\d$/)
    .safeParse(env.CXML_DTD_VERSION);
  return parsed.success ? parsed.data : CXML_VERSION;
}

export function doctypeSystemId(version: string): string {
  return `http://xml.cxml.org/schemas/cXML/${version}/cXML.dtd`;
}

/** The identity of one document: its payloadID and the moment it was written. */
export type CxmlStamp = { payloadId: string; timestamp: string };

/** `2026-12-01T17:04:05+00:00`: seconds, an explicit zone (older receivers refuse fractions and "Z"). */
export function cxmlTimestamp(at: Date): string {
  return `${at.toISOString().slice(0, 19)}+00:00`;
}

/** `datetime.process.random@host`: unique per document; a retry of the same document keeps it. */
export function newStamp(host: string, options: { now?: Date; pid?: number; random?: string } = {}): CxmlStamp {
  const now = options.now ?? new Date();
  const random = options.random ?? Math.random().toString(36).slice(2, 12);
  const safeHost = host.replace(/[^a-z0-9.-]/gi, "") || "localhost";
  return { payloadId: `${now.getTime()}.${options.pid ?? process.pid}.${random}@${safeHost}`, timestamp: cxmlTimestamp(now) };
}

/** The characters XML 1.0 can carry at all; anything else in our text is dropped before writing. */
const NOT_XML_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, "");
}

export function isXmlSafe(text: string): boolean {
  return xmlSafe(text) === text;
}

/** The host in our payloadIDs: the shop's public host (AUTH_URL), else this machine's name. */
export function payloadHost(env: Record<string, string | undefined> = process.env, fallback = "localhost"): string {
  try {
    if (env.AUTH_URL) return new URL(env.AUTH_URL).hostname;
  } catch {
    // not a URL: the fallback
  }
  return fallback;
}
