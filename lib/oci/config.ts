import { z } from "zod";

const schema = z.object({
  OCI_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(8 * 60),
  // However active the buyer is, a punchout ends this long after it started.
  OCI_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(7 * 24).default(12),
  // Space-separated CSP sources allowed to frame the shop during a punchout, besides the hook URL's
  // own origin (for portals that frame the catalog from another host).
  OCI_FRAME_ANCESTORS: z.string().default(""),
});

/** How long a "open the shop in a new window" link stays usable. */
export const HANDOFF_SECONDS = 3 * 60;
/** How long a buyer has to confirm an account switch for a punchout. */
export const SWITCH_SECONDS = 5 * 60;

export function ociConfig() {
  const env = schema.parse(process.env);
  return {
    idleSeconds: env.OCI_SESSION_IDLE_MINUTES * 60,
    maxSeconds: env.OCI_SESSION_MAX_HOURS * 60 * 60,
    frameAncestors: env.OCI_FRAME_ANCESTORS.trim().split(/\s+/).filter(Boolean),
  };
}
