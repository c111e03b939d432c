import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { COOKIE_NAMES, COOKIE_OPTIONS } from "@/lib/http/cookies";
import { clientIp } from "@/lib/http/origin";
import { redeemHandoff } from "@/lib/oci/handoff";
import { verifyCredentials } from "./credentials";
import { appSecret } from "./secret";

export class ThrottledSignin extends CredentialsSignin {
  code = "throttled";
}
export class DisabledSignin extends CredentialsSignin {
  code = "disabled";
}

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

// Lazily configured so `next build` never needs the secret or the database.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: appSecret(),
  // Hosts behind a proxy (Vercel, nginx) present their public host; set AUTH_URL to pin it.
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  cookies: {
    sessionToken: { name: COOKIE_NAMES.session, options: COOKIE_OPTIONS },
    csrfToken: { name: COOKIE_NAMES.csrf, options: COOKIE_OPTIONS },
    callbackUrl: { name: COOKIE_NAMES.callbackUrl, options: COOKIE_OPTIONS },
  },
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      async authorize(credentials, request) {
        const result = await verifyCredentials(credentials, clientIp(request.headers));
        if (result.ok) return result.user;
        if (result.reason === "throttled") throw new ThrottledSignin();
        if (result.reason === "disabled") throw new DisabledSignin();
        throw new CredentialsSignin();
      },
    }),
    // Only for the punchout fallback: a one-time link opens the session in a new window when the
    // procurement system's frame refused cookies. Proves nothing but that link (see lib/oci/handoff).
    Credentials({
      id: "oci-handoff",
      credentials: { token: {} },
      async authorize(credentials) {
        const redeemed = await redeemHandoff(credentials.token);
        if (!redeemed) throw new CredentialsSignin();
        return redeemed.user;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
  logger: {
    // Failed sign-ins are expected traffic; never log what a user typed.
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(`[auth] ${error.name}: ${error.message}`);
    },
    warn() {},
    debug() {},
  },
}));
