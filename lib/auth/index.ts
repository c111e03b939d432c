import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { COOKIE_NAMES, COOKIE_OPTIONS } from "@/lib/http/cookies";
import { clientIp } from "@/lib/http/client-ip";
import { verifyCredentials } from "./credentials";
import { redeemGrant, type GrantPurpose } from "./grants";
import { appSecret } from "./secret";
import { endAuthSession, openAuthSession } from "./sessions";

/** A refusal that tells the caller when to try again (throttled, or every hashing slot busy). */
class RetryLaterSignin extends CredentialsSignin {
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}
export class ThrottledSignin extends RetryLaterSignin {
  code = "throttled";
}
export class BusySignin extends RetryLaterSignin {
  code = "busy";
}
export class DisabledSignin extends CredentialsSignin {
  code = "disabled";
}

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

declare module "next-auth" {
  interface Session {
    /** The server-side session row this JWT belongs to. */
    sid?: string;
  }
}

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
        if (result.reason === "throttled") throw new ThrottledSignin(result.retryAfterSeconds);
        if (result.reason === "busy") throw new BusySignin(result.retryAfterSeconds);
        if (result.reason === "disabled") throw new DisabledSignin();
        throw new CredentialsSignin();
      },
    }),
    // Signs in a user the shop has already established (see lib/auth/grants): the raw grant token
    // is only ever known to server code, which passes it here with the purposes it accepts.
    Credentials({
      id: "grant",
      credentials: { token: {}, purpose: {} },
      async authorize(credentials) {
        // The purposes come with the request, so this endpoint can be called directly: a tester's
        // credential ("oci-test") is redeemed by the punchout entry alone, never here.
        const purposes = (String(credentials.purpose ?? "").split(",") as GrantPurpose[]).filter((p) => p !== "oci-test");
        const user = await redeemGrant(credentials.token, purposes);
        if (!user) throw new CredentialsSignin();
        return user;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user, account }) {
      if (user?.id) {
        token.sub = user.id;
        token.sid = await openAuthSession(Number(user.id), account?.provider === "grant" ? "grant" : "password", SESSION_MAX_AGE_SECONDS);
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (typeof token.sid === "string") session.sid = token.sid;
      return session;
    },
  },
  events: {
    async signOut(message) {
      if ("token" in message) await endAuthSession(message.token?.sid);
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
