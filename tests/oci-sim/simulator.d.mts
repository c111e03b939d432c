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
  received: ReceivedBasket[];
  sessions: Map<string, SimCharset>;
  readonly url: string;
  start(): Promise<string>;
  stop(): Promise<void>;
};

export function createSimulator(options?: { port?: number; host?: string; shopUrl?: string; log?: (line: string) => void }): Simulator;
export function normalizeSimCharset(value: string | null | undefined): SimCharset;
export function escapeHtml(value: unknown): string;
export function parseFormBody(body: Uint8Array, charset: SimCharset): [string, string][];
export function countItems(fields: [string, string][]): number;
