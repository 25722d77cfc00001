import type { Middleware } from "openapi-fetch";

/** A Personal Access Token or OAuth2 access token, or a function that returns one (e.g. from a vault). */
export type TokenSource = string | (() => string | Promise<string>);

/** What {@link authMiddleware} adds to every request. */
export interface AuthOptions {
  token?: TokenSource;
  /** Sent as `x-fax-clientid`, which the API requires with OAuth2 tokens. */
  clientId?: string;
  userAgent?: string;
}

/**
 * Sets `Authorization: Bearer <token>` (the token is read per request, so a function may
 * rotate it), `x-fax-clientid` and the user agent. Runs as openapi-fetch middleware, so
 * the values never pass through logs or errors: those redact both headers.
 */
export function authMiddleware(options: AuthOptions): Middleware {
  return {
    async onRequest({ request }) {
      if (options.token !== undefined) {
        const token = typeof options.token === "function" ? await options.token() : options.token;
        request.headers.set("authorization", `Bearer ${token}`);
      }
      if (options.clientId !== undefined) request.headers.set("x-fax-clientid", options.clientId);
      if (options.userAgent !== undefined) request.headers.set("user-agent", options.userAgent);
      return request;
    },
  };
}
