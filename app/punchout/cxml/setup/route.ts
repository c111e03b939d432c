import { guarded } from "@/lib/http/guard";
import { cxmlUnavailable, handleCxmlSetup } from "@/lib/cxml/next/setup";

// Server to server: a procurement system posts its PunchOutSetupRequest here.
export const POST = guarded(handleCxmlSetup, cxmlUnavailable);
