import type { FaxPlusError, FaxPlusErrorInit } from "../errors/FaxPlusError.js";
import { redactUrl } from "./redact.js";
import { redactHeaders, redactLocation, scrub } from "./scrub.js";

/** What {@link redactedError} takes: the class's own init, plus the credentials to scrub. */
export type RedactedErrorInit<Init> = Init & {
  /** Scrubbed from every field and the cause; never stored on the error. */
  secrets?: readonly string[];
  /** A `RedirectError`'s target: kept without credentials, query or fragment. */
  location?: string;
};

// `never`: any subclass's constructor fits, whatever its init.
type ErrorClass = new (message: string, init: never) => FaxPlusError;
type InitOf<C extends ErrorClass> = NonNullable<ConstructorParameters<C>[1]>;

function scrubbed(text: string | undefined, secrets: readonly string[]): string | undefined {
  return text === undefined ? text : scrub(text, secrets);
}

/** A scrubbed copy when the cause carries a secret: `util.inspect` and loggers print causes in full. */
function redactedCause(cause: unknown, secrets: readonly string[], depth = 0): unknown {
  if (!(cause instanceof Error)) return redactedValue(cause, secrets);
  const message = scrub(cause.message, secrets);
  const stack = scrubbed(cause.stack, secrets);
  const inner = depth < 3 ? redactedCause(cause.cause, secrets, depth + 1) : cause.cause;
  if (message === cause.message && stack === cause.stack && inner === cause.cause) return cause;
  const { name, code } = cause as Error & { code?: unknown };
  return Object.assign(
    new Error(message, inner === undefined ? undefined : { cause: inner }),
    { name, stack },
    typeof code === "string" || typeof code === "number" ? { code } : undefined,
  );
}

/** A string, or an object whose text (what `toJSON()` shows) carries a secret, becomes the scrubbed text. */
function redactedValue(cause: unknown, secrets: readonly string[]): unknown {
  if (cause === undefined) return cause;
  let text: string;
  try {
    text = String(cause);
  } catch {
    return cause;
  }
  const clean = scrub(text, secrets);
  return typeof cause === "string" || clean !== text ? clean : cause;
}

/**
 * Builds an error of `ErrorClass` with everything a log could show redacted: the credentials
 * in `secrets` scrubbed (as given, as sent, URL-encoded and JSON-escaped) from the message,
 * `code`, `description`, the headers, `rawBody` and the cause (a copy, its message, stack and
 * nested causes); the URL without `user:password@` and secret query parameters (also where the
 * message quotes it); secret headers (`Authorization`, `x-fax-clientid`, cookies) as
 * `[redacted]`; a `location` without credentials, query or fragment. Every error the client
 * throws is built here; build yours here too when it carries a response or a credential.
 *
 * @example
 * ```ts
 * import { NotFoundError } from "@faxkit/client";
 * import { redactedError } from "@faxkit/client/redact";
 * throw redactedError(NotFoundError, `GET ${url} failed`, { url, headers: response.headers, secrets: [token] });
 * ```
 */
export function redactedError<C extends ErrorClass>(ErrorClass: C, message: string, init: RedactedErrorInit<InitOf<C>>): InstanceType<C> {
  const given: RedactedErrorInit<FaxPlusErrorInit> = init;
  const secrets = given.secrets ?? [];
  const url = given.url === undefined ? undefined : scrub(redactUrl(given.url), secrets);
  const headers = redactHeaders(given.headers);
  for (const name of Object.keys(headers)) headers[name] = scrub(headers[name] as string, secrets);
  // The message quotes the URL as given: the redacted one replaces it there too.
  return new ErrorClass(scrub(given.url ? message.split(given.url).join(url) : message, secrets), {
    ...given, // `secrets` included: a class may scrub its own fields (WebhookPayloadError's body)
    code: scrubbed(given.code, secrets),
    description: scrubbed(given.description, secrets),
    url,
    headers,
    // Scrub first (the class truncates), so a cut can never leave half a secret behind.
    rawBody: scrubbed(given.rawBody, secrets),
    cause: redactedCause(given.cause, secrets),
    location: given.location && redactLocation(given.location, secrets),
  } as never) as InstanceType<C>;
}
