// Types for simulator.mjs (used by the TypeScript tests).
export type SimCharset = "utf-8" | "iso-8859-1";

export type ReceivedBasket = {
  receivedAt: string;
  path: string;
  /** raw query string without "?" */
  query: string;
  contentType: string;
  charset: SimCharset;
  fields: [string, string][];
  rawBodyBase64: string;
};

export type Simulator = {
  server: import("node:http").Server;
  received: (ReceivedBasket | ReceivedCxml)[];
  sessions: Map<string, SimCharset>;
  cxmlSetups: CxmlSetupRecord[];
  readonly url: string;
  start(): Promise<string>;
  stop(): Promise<void>;
};

export function createSimulator(options?: { port?: number; host?: string; shopUrl?: string; log?: (line: string) => void }): Simulator;
export function normalizeSimCharset(value: string | null | undefined): SimCharset;
export function escapeHtml(value: unknown): string;
export function parseFormBody(body: Uint8Array, charset: SimCharset): [string, string][];
export function countItems(fields: [string, string][]): number;

// cXML
export type CxmlField = "cxml-urlencoded" | "cxml-base64";
export type CxmlOperation = "create" | "edit" | "inspect";
export type CxmlCredentialInput = { domain: string; identity: string };
export type CxmlItemOutInput = { supplierPartId: string; quantity: number | string; auxiliaryId?: string };

/** A cXML return the simulator received (in `received` beside the OCI baskets). */
export type ReceivedCxml = {
  protocol: "cxml";
  receivedAt: string;
  path: "/cxml/return";
  /** The BuyerCookie from the return URL. */
  cookie: string;
  /** Whether the simulator sent a setup with this BuyerCookie. */
  knownCookie: boolean;
  expectedField: CxmlField | null;
  field: CxmlField | null;
  /** The PunchOutOrderMessage as decoded from the field. */
  xml: string | null;
  contentType: string;
  fields: [string, string][];
  rawBodyBase64: string;
};

export type SetupOutcome = { ok: boolean; code: number | null; text: string; detail: string; startUrl: string | null };

export type CxmlSetupRecord = {
  sentAt: string;
  setupUrl: string;
  operation: CxmlOperation;
  buyerCookie: string;
  payloadId: string;
  expectedField: CxmlField | null;
  mode: "popup" | "iframe" | "top" | null;
  httpStatus: number | null;
  outcome: SetupOutcome;
  requestXml: string;
  responseText: string | null;
};

export type OrderMessageItem = {
  quantity: string;
  supplierPartId: string;
  auxiliaryId: string;
  unitPrice: string;
  currency: string;
  priceBasisQuantity: string | null;
  unitOfMeasure: string;
  description: string;
  lineTotal: string | null;
};

export type ParsedOrderMessage =
  | { ok: true; buyerCookie: string; operationAllowed: string; total: string; currency: string; items: OrderMessageItem[]; sumOfLines: string | null }
  | { ok: false; problem: string };

export const CXML_SIM_VERSION: string;
export const CXML_FIELDS: CxmlField[];
export const CXML_OPERATIONS: CxmlOperation[];
export const CXML_DEMO_SETTINGS: {
  fromDomain: string;
  fromIdentity: string;
  toDomain: string;
  toIdentity: string;
  senderDomain: string;
  senderIdentity: string;
  sharedSecret: string;
  userEmail: string;
};
export function escapeXml(value: unknown): string;
export function newBuyerCookie(): string;
export function cxmlTimestampOf(at: Date): string;
export function newPayloadId(host?: string, now?: Date): string;
export function parseItemLines(text: string): { supplierPartId: string; quantity: string; auxiliaryId: string }[];
export function buildSetupRequest(input: {
  from: CxmlCredentialInput;
  to: CxmlCredentialInput;
  sender: CxmlCredentialInput;
  sharedSecret: string;
  operation?: CxmlOperation;
  buyerCookie: string;
  browserFormPostUrl: string;
  userEmail?: string;
  items?: CxmlItemOutInput[];
  payloadId: string;
  timestamp: string;
  lang?: string;
  userAgent?: string;
}): string;
export function parseSetupResponse(xml: string): SetupOutcome;
export function decodeCxmlReturn(fields: [string, string][]): { field: CxmlField; xml: string } | null;
export function lineTotal(quantity: string, unitPrice: string, basis?: string, places?: number): string | null;
export function sumDecimals(values: string[]): string | null;
export function parseOrderMessage(xml: string): ParsedOrderMessage;
