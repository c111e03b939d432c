import "server-only";
import type { OciSessionData } from "@/lib/oci/session-token";
import { seedBasket } from "../basket-seed";
import { linkSetupSession, setupById } from "../setup-store";

/**
 * A cXML punchout session just opened (from its StartPage, or after the buyer confirmed an account
 * switch): the setup records which session it became, and an edit or inspect basket is restored.
 * Answers where the buyer lands first.
 */
export async function afterCxmlStart(session: OciSessionData): Promise<string> {
  if (!session.cxml) return "/";
  const setup = await setupById(session.cxml.setupId);
  if (!setup) return "/";
  await linkSetupSession(setup.id, session.sid);
  if (session.cxml.operation === "create") return "/";
  const { missing } = await seedBasket(session, setup.items);
  return missing > 0 ? `/cart?missing=${missing}` : "/cart";
}
