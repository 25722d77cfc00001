/**
 * @faxkit/client — the typed Fax.Plus REST API v3 client: openapi-fetch's path-typed
 * methods with authentication, per-attempt timeouts, retries and typed errors beneath.
 *
 * @example
 * ```ts
 * import { createFaxPlusClient } from "@faxkit/client";
 * const fax = createFaxPlusClient({ token: process.env.FAXPLUS_TOKEN });
 * const { data } = await fax.GET("/accounts/{user_id}/faxes", { params: { path: { user_id: "self" } } });
 * ```
 */
export { createFaxPlusClient, DEFAULT_BASE_URL, type FaxPlusClient, type FaxPlusClientOptions } from "./client.js";
export * from "./errors/index.js";
export type { TokenSource } from "./internal/auth.js";
export { createTransport, RETRYABLE_STATUSES, type Transport, type TransportOptions } from "./internal/transport.js";
