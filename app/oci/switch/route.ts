import { guarded } from "@/lib/http/guard";
import { ociUnavailable } from "@/lib/oci/next/entry";
import { handleSwitchPost } from "@/lib/oci/next/switch";

// The buyer's confirmation that this punchout may sign in as another user than the web session.

export const POST = guarded(handleSwitchPost, ociUnavailable);
