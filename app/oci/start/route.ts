import { guarded } from "@/lib/http/guard";
import { ociUnavailable } from "@/lib/oci/entry";
import { handleOciStart } from "@/lib/oci/start";

export const dynamic = "force-dynamic";

export const GET = guarded(handleOciStart, ociUnavailable);
