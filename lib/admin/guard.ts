import "server-only";
import { notFound } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { adminOf, type Admin } from "./operator";

export { adminOf, type Admin };

/**
 * For pages, route handlers and server actions: the operator, or Next's 404. Nobody else learns that
 * the back office exists. Domain functions check again with adminOf (./operator).
 */
export async function requireAdmin(): Promise<Admin> {
  const admin = adminOf(await getViewer());
  if (!admin) notFound();
  return admin;
}
