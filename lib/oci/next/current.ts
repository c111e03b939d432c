import "server-only";
import { cache } from "react";
import { getViewer } from "@/lib/auth/viewer";
import { readPunchout, type OciState } from "../punchout-session";
import { nextCookieJar } from "./jar";

export type { OciState };

/** This request's punchout (once per request): cookie, database and signed-in user agree, or none. */
export const getOciState = cache(async (): Promise<OciState> => {
  const viewer = await getViewer();
  return readPunchout(await nextCookieJar(), viewer?.userId ?? null);
});
