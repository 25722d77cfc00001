/**
 * `@faxkit/client/redact`: {@link redactedError}, the one function through which the client
 * builds every error it throws (scrubbing credentials, secret headers and URL secrets), for
 * building your own the same way; and {@link scrub}, the scrubbing it applies to any text
 * (a log line, a message of your own).
 *
 * @example
 * ```ts
 * import { RateLimitError } from "@faxkit/client";
 * import { redactedError } from "@faxkit/client/redact";
 * throw redactedError(RateLimitError, "quota used up", { retryAfter: 60, headers: response.headers, secrets: [token] });
 * ```
 *
 * @module @faxkit/client/redact
 */
export { type RedactedErrorInit, redactedError } from "./internal/redacted-error.js";
export { scrub } from "./internal/scrub.js";
