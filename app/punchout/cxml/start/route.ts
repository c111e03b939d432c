import { guarded } from "@/lib/http/guard";
import { handleCxmlStart } from "@/lib/cxml/next/start";
import { ociUnavailable } from "@/lib/oci/next/entry";

// The StartPage of a cXML setup: opened once by the buyer's browser.
export const GET = guarded(handleCxmlStart, ociUnavailable);
