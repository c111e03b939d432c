import { guarded } from "@/lib/http/guard";
import { ociUnavailable } from "@/lib/oci/next/entry";
import { handleOciStart } from "@/lib/oci/next/start";

export const GET = guarded(handleOciStart, ociUnavailable);
