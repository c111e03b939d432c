import { guarded } from "@/lib/http/guard";
import { ociSessionEndpoint } from "@/lib/oci/api";
import { cancelOciSession } from "@/lib/oci/transfer";

export const POST = guarded(async (request: Request) =>
  ociSessionEndpoint(request, async (viewer, session) => {
    await cancelOciSession(viewer, session);
    return { cancelled: true };
  }),
);
