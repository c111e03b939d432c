import { ociSessionEndpoint } from "@/lib/oci/api";
import { recordOciTransfer } from "@/lib/oci/transfer";

export async function POST(request: Request) {
  return ociSessionEndpoint(request, (viewer, session) => recordOciTransfer(viewer, session));
}
