import "server-only";
import { cookies } from "next/headers";
import { COOKIE_OPTIONS, type CookieJar } from "@/lib/http/cookies";

/** Next's request cookies as the jar the punchout modules write through (read-only in pages). */
export async function nextCookieJar(): Promise<CookieJar> {
  const store = await cookies();
  return {
    get: (name) => store.get(name)?.value,
    set: (cookie) => store.set(cookie),
    delete: (name) => store.delete({ name, ...COOKIE_OPTIONS }),
  };
}
