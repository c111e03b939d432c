import "server-only";
import { z } from "zod";
import { customers, users } from "@/db/schema";
import { getDb } from "@/lib/db/client";
import { hashPassword } from "./password";

export const registrationSchema = z
  .object({
    name: z.string().trim().min(2, "Enter your full name").max(100, "Your name can be at most 100 characters"),
    email: z.string().trim().toLowerCase().max(254, "That e-mail address is too long").email("Enter a valid e-mail address, like name@example.com"),
    password: z
      .string()
      .min(10, "Use at least 10 characters")
      .max(200, "Use at most 200 characters")
      .refine((p) => /[A-Za-z]/.test(p) && /[^A-Za-z]/.test(p), "Use letters and at least one digit or symbol")
      // Sign-in refuses control characters, so a password holding one could never be used.
      .refine((p) => !/[\u0000-\u001f\u007f]/.test(p), "Remove the control characters (such as line breaks) from the password"),
    passwordConfirm: z.string(),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: "The passwords do not match" });

export type Registration = z.output<typeof registrationSchema>;

/** Creates a consumer customer with its one user; a taken e-mail (even in a race) is a clear answer. */
export async function registerConsumer(input: Registration): Promise<{ ok: true; userId: number } | { ok: false; message: string }> {
  const db = await getDb();
  const passwordHash = await hashPassword(input.password);
  const taken = { ok: false as const, message: "An account with this e-mail address already exists. Sign in instead, or use another address." };
  try {
    return await db.transaction(async (tx) => {
      const [customer] = await tx.insert(customers).values({ kind: "consumer", name: input.name }).returning({ id: customers.id });
      const [user] = await tx
        .insert(users)
        .values({ customerId: customer!.id, email: input.email, name: input.name, passwordHash, isPrimary: true })
        .onConflictDoNothing()
        .returning({ id: users.id });
      if (!user) throw new EmailTaken();
      return { ok: true as const, userId: user.id };
    });
  } catch (error) {
    if (error instanceof EmailTaken) return taken;
    throw error;
  }
}

class EmailTaken extends Error {}
