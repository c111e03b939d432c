import "server-only";
import { cache } from "react";
import { getViewer, type Viewer } from "@/lib/auth/viewer";
import { readPunchout, type OciState } from "../punchout-session";
import { nextCookieJar } from "./jar";

export type { OciState };

/** This request's punchout (once per request): cookie, database and signed-in user agree, or none. */
export const getOciState = cache(async (): Promise<OciState> => ociStateFor(await getViewer()));

/** The same for a viewer already looked up (route handlers have no per-request cache to share it). */
export async function ociStateFor(viewer: Viewer | null): Promise<OciState> {
  return readPunchout(await nextCookieJar(), viewer?.userId ?? null);
}
