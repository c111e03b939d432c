import { z } from "zod";

const schema = z.object({
  OCI_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(8 * 60),
  // Space-separated sources allowed to frame the shop during a punchout (CSP frame-ancestors).
  OCI_FRAME_ANCESTORS: z.string().default("https: http://localhost:* http://127.0.0.1:*"),
});

export function ociConfig() {
  const env = schema.parse(process.env);
  return { idleSeconds: env.OCI_SESSION_IDLE_MINUTES * 60, frameAncestors: env.OCI_FRAME_ANCESTORS.trim() };
}
