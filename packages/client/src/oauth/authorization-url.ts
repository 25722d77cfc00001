import { checkEndpoint, checkText, requireText } from "./check-input.js";

/** The spec's `authorizationUrl`, without its example query. */
export const DEFAULT_AUTHORIZATION_URL = "https://accounts.fax.plus/login";

/** Options of {@link authorizationUrl}. */
export interface AuthorizationUrlOptions {
  /** The app's OAuth2 client id, as registered with Fax.Plus. */
  clientId: string;
  /** Where Fax.Plus sends the user back with `?code=…&state=…`; must match the app's registration. */
  redirectUri: string;
  /** An unguessable value you keep (e.g. in the session) and compare on the way back: it stops CSRF. Sent as given. */
  state: string;
  /** Default `"all"`, the only scope the spec defines. */
  scope?: string;
  /** Default `https://accounts.fax.plus/login`. */
  authorizationUrl?: string;
}

/**
 * The URL to send the user to for the authorization code grant (RFC 6749 §4.1.1).
 *
 * @example
 * ```ts
 * const state = crypto.randomUUID();
 * response.redirect(authorizationUrl({ clientId, redirectUri: "https://app.example/callback", state }));
 * ```
 */
export function authorizationUrl(options: AuthorizationUrlOptions): string {
  const url = checkEndpoint("authorizationUrl", options.authorizationUrl ?? DEFAULT_AUTHORIZATION_URL);
  const params = {
    response_type: "code",
    client_id: requireText("clientId", options.clientId, true),
    redirect_uri: requireText("redirectUri", options.redirectUri, true),
    scope: checkText("scope", options.scope, { trim: true, optional: true }) ?? "all",
    // Not trimmed: the app compares what comes back with what it kept.
    state: requireText("state", options.state),
  };
  // set(), so a parameter already in a custom authorizationUrl is replaced, never sent twice.
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.href;
}
