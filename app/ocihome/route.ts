import { handleOciCall } from "@/lib/oci/entry";

// The procurement system's entry point (SAP posts by default; links use GET).
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return handleOciCall(request);
}

export async function POST(request: Request) {
  return handleOciCall(request);
}
