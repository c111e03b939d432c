import { guarded } from "@/lib/http/guard";
import { ociSessionEndpoint } from "@/lib/oci/api";
import { recordOciTransfer } from "@/lib/oci/transfer";

export const POST = guarded(async (request: Request) => ociSessionEndpoint(request, (viewer, session) => recordOciTransfer(viewer, session)));
