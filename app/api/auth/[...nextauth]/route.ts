import { handlers } from "@/lib/auth";

// Grants are redeemed by server code only (lib/auth/sign-in.ts calls signIn directly); the public
// callback endpoint for that provider stays closed.
const grantCallback = (request: Request) => new URL(request.url).pathname.replace(/\/+$/, "").endsWith("/callback/grant");

export const GET = (request: Parameters<typeof handlers.GET>[0]) => (grantCallback(request) ? new Response("Not found", { status: 404 }) : handlers.GET(request));
export const POST = (request: Parameters<typeof handlers.POST>[0]) => (grantCallback(request) ? new Response("Not found", { status: 404 }) : handlers.POST(request));
