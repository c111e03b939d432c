/**
 * Our answers to a setup request: the StartPage, or a Status saying what went wrong. Pure.
 * cXML carries the outcome in Status/@code (HTTP-like); the HTTP status stays 200 so receivers read
 * the document, as cXML expects.
 */
import type { CxmlStamp } from "./document";
import { cxmlDocument } from "./xml-write";

export type CxmlStatusCode = 200 | 400 | 401 | 403 | 406 | 413 | 415 | 429 | 500 | 503;

export const STATUS_TEXT: Record<CxmlStatusCode, string> = {
  200: "OK",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  406: "Not Acceptable",
  413: "Request Entity Too Large",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export function buildStartPageResponse(startUrl: string, stamp: CxmlStamp, version: string, lang = "en"): string {
  const document = cxmlDocument(version, stamp, lang);
  const response = document.root.ele("Response");
  response.ele("Status", { code: "200", text: STATUS_TEXT[200] });
  response.ele("PunchOutSetupResponse").ele("StartPage").ele("URL").txt(startUrl);
  return document.end();
}

/** A refusal: the code and its standard text, the details as the Status element's content. */
export function buildStatusResponse(code: Exclude<CxmlStatusCode, 200>, detail: string, stamp: CxmlStamp, version: string, lang = "en"): string {
  const document = cxmlDocument(version, stamp, lang);
  document.root.ele("Response").ele("Status", { code: String(code), text: STATUS_TEXT[code] }).txt(detail);
  return document.end();
}
