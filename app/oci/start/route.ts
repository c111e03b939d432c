import { handleOciStart } from "@/lib/oci/start";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return handleOciStart(request);
}
