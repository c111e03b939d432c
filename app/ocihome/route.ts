import { guarded } from "@/lib/http/guard";
import { handleOciCall, ociUnavailable } from "@/lib/oci/next/entry";

// The procurement system's entry point (SAP posts by default; links use GET).

export const GET = guarded(handleOciCall, ociUnavailable);
export const POST = guarded(handleOciCall, ociUnavailable);
