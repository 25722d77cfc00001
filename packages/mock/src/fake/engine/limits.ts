/**
 * Every bound of the fake's state, in one place: a test (or a hostile request) can only grow
 * the fake this far. Past a bound the request is answered with a 400 naming the limit, or
 * `seed()` throws a RangeError; nothing is silently dropped except the oldest log entries.
 */
export const LIMITS = {
  /** Entries of `requests`; the oldest go first. */
  loggedRequests: 10_000,
  /** Fax records (inbox, sent, spam) plus outbox entries. */
  // Each queued send holds 4 clock tasks: 20,000 entries stay under the clock's 100,000 pending tasks.
  faxes: 20_000,
  numbers: 1_000,
  members: 1_000,
  webhooks: 100,
  /** Stored uploads and seeded documents. */
  files: 2_000,
  /** Bytes of every stored document together. */
  fileBytes: 256 * 1024 * 1024,
  /** What one send may carry, as the API documents: 30 MB. */
  sendBytes: 30 * 1024 * 1024,
  /** Parts of one multipart upload. */
  multipartParts: 16,
  /** Bytes of one part's header block. */
  multipartHeaderBytes: 8 * 1024,
  /** Webhook POSTs in flight; later events are not delivered until some finish. */
  deliveriesInFlight: 100,
  /** Validation issues spelt out in one 400's description. */
  listedIssues: 20,
} as const;
