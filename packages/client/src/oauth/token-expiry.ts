/** The most a token is refreshed ahead of its expiry… */
export const EXPIRY_MARGIN_MS = 60_000;
/** …and the most of its lifetime, so a short-lived token is still used for 90% of it. */
export const EXPIRY_MARGIN_SHARE = 0.1;

/** `expires_in` (RFC 6749 §5.1) in seconds; some servers send the digits as a string. */
export function expiresInSeconds(value: unknown): number | undefined {
  const number = typeof value === "string" && /^\d{1,12}$/.test(value) ? Number(value) : value;
  return typeof number === "number" && Number.isFinite(number) && number >= 0 ? number : undefined;
}

/**
 * When to stop sending a token and refresh instead: `expiresAt` less the smaller of 60 s and
 * 10% of `expiresIn`; 60 s when the lifetime is unknown. Undefined when `expiresAt` is: such a
 * token is used until the API answers 401.
 */
export function renewAt(token: { expiresAt?: number | undefined; expiresIn?: number | undefined }): number | undefined {
  if (token.expiresAt === undefined) return undefined;
  const lifetimeMs = token.expiresIn === undefined ? Number.POSITIVE_INFINITY : token.expiresIn * 1000;
  return token.expiresAt - Math.min(EXPIRY_MARGIN_MS, lifetimeMs * EXPIRY_MARGIN_SHARE);
}
