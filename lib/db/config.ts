import { z } from "zod";

const env = z.object({
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  SEED_DEMO_DATA: z.enum(["true", "false", "1", "0"]).optional(),
});

export type DatabaseConfig =
  | { kind: "postgres"; url: string; poolSize: number; seedOnStart: boolean }
  | { kind: "pglite"; dir: string; seedOnStart: boolean };

export function databaseConfig(): DatabaseConfig {
  const parsed = env.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid database configuration: ${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}`);
  }
  const e = parsed.data;
  const flag = e.SEED_DEMO_DATA === undefined ? undefined : e.SEED_DEMO_DATA === "true" || e.SEED_DEMO_DATA === "1";
  if (e.DATABASE_URL) {
    return { kind: "postgres", url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE, seedOnStart: flag ?? false };
  }
  // The embedded database is for laptops: it seeds itself so `npm run dev` needs nothing else.
  return { kind: "pglite", dir: e.PGLITE_DIR, seedOnStart: flag ?? true };
}

/** Serverless hosts have no durable disk: the embedded database would lose everything. */
export function embeddedDatabaseOnServerless(): boolean {
  return !process.env.DATABASE_URL && Boolean(process.env.VERCEL || process.env.AWS_LAMBDA_FUNCTION_NAME);
}
