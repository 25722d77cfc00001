/**
 * A mistake in how `faxplus` was called (exit 2): the message says what and how to fix it, and
 * never quotes a credential.
 *
 * @example
 * ```ts
 * throw new UsageError("--since must be an ISO date or YYYY-MM-DD HH:mm:ss (got \"yesterday\")");
 * ```
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
