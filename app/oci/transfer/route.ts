import { guarded } from "@/lib/http/guard";
import { ociUnavailable } from "@/lib/oci/next/entry";
import { handleReturnPost } from "@/lib/oci/next/return";

// The return without script (and SAP GUI's record beacon): records, then hands over the hook form.

export const POST = guarded(handleReturnPost, ociUnavailable);
