import "server-only";
import { cookies } from "next/headers";
import { COOKIE_OPTIONS } from "@/lib/http/cookies";
import type { CookieJar } from "../punchout-cookie";

/** Next's request cookies as the jar the punchout modules write through (read-only in pages). */
export async function nextCookieJar(): Promise<CookieJar> {
  const store = await cookies();
  return {
    get: (name) => store.get(name)?.value,
    set: (cookie) => store.set(cookie),
    delete: (name) => store.delete({ name, ...COOKIE_OPTIONS }),
  };
}
