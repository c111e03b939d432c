import { unstable_rethrow } from "next/navigation";
import { jsonError } from "./json";

/**
 * Route handlers answer unexpected failures (the database being down, above all) with a 503 and a
 * sentence, never a stack trace or a bare 500. Next's own control flow (redirect, notFound) passes.
 */
export function guarded<A extends unknown[]>(handler: (...args: A) => Promise<Response>, unavailable: () => Response = defaultUnavailable) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      unstable_rethrow(error);
      console.error(`[route] ${(error as Error)?.name ?? "Error"}: ${(error as Error)?.message ?? String(error)}`);
      return unavailable();
    }
  };
}

function defaultUnavailable() {
  return jsonError(503, "The shop is temporarily unavailable. Nothing was changed; please try again in a moment.");
}
