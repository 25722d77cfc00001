/**
 * `@faxkit/client/oauth`: the OAuth2 authorization code grant — the URL to send a user to, and
 * the exchange of the code they come back with for tokens — apart from the main entry, so an
 * app that only calls the API does not download it.
 *
 * @example
 * ```ts
 * import { authorizationUrl, exchangeCode, memoryTokenStore } from "@faxkit/client/oauth";
 * ```
 *
 * @module @faxkit/client/oauth
 */
export { AuthenticationError } from "./errors/AuthenticationError.js";
export { FaxPlusError } from "./errors/FaxPlusError.js";
export { RedirectError } from "./errors/RedirectError.js";
export { ResponseParseError } from "./errors/ResponseParseError.js";
export { DEFAULT_TOKEN_URL } from "./internal/oauth-refresh.js";
export { type AuthorizationUrlOptions, authorizationUrl, DEFAULT_AUTHORIZATION_URL } from "./oauth/authorization-url.js";
export { type ExchangeCodeOptions, exchangeCode, TOKEN_RESPONSE_LIMIT } from "./oauth/exchange-code.js";
export type { OAuthTokens } from "./oauth/token-answer.js";
export { memoryTokenStore, type StoredToken, type TokenStore } from "./oauth/token-store.js";
