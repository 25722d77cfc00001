/**
 * IDs per request. The API documents "Maximum 100 fax IDs per request" (the spec's
 * `ids.maxItems: 100` on both bulk bodies) and rejects a longer list whole with 400.
 */
export const MAX_IDS_PER_REQUEST = 100;

/** Chunks in flight at once when the caller does not say: fast, without bursting into the rate limit. */
export const DEFAULT_BULK_CONCURRENCY = 4;

/**
 * Sends of one chunk answered 429 (after the transport's own retries) before its items fail
 * with the `RateLimitError`: bounds the run however long the API keeps refusing.
 */
export const MAX_RATE_LIMITED_SENDS = 5;
