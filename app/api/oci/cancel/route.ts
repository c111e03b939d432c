import { ociSessionEndpoint } from "@/lib/oci/api";
import { cancelOciSession } from "@/lib/oci/transfer";

export async function POST(request: Request) {
  return ociSessionEndpoint(request, async (viewer, session) => {
    await cancelOciSession(viewer, session);
    return { cancelled: true };
  });
}
