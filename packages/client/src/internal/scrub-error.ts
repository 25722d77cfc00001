import { FaxPlusError, type FaxPlusErrorInit } from "../errors/FaxPlusError.js";
import { redactText } from "./redact.js";

/** Causes followed this deep, as `FaxPlusError` does: enough for real chains, finite for cyclic ones. */
const MAX_CAUSE_DEPTH = 3;

/**
 * An error that is safe to hand back to the caller: `error` itself when none of `secrets`
 * appears in its message, stack, JSON form or cause chain (the usual case, so identity and
 * class are kept), otherwise a copy with every occurrence replaced by `"[redacted]"`.
 *
 * Why: the transport builds `ConnectionError`, `TimeoutError` and `AbortError` without the
 * client's credentials, so a fetch error or abort reason quoting the token would reach the
 * caller unscrubbed. A `FaxPlusError` is rebuilt with its own class and fields (status,
 * url, `timeoutMs`, …) so `instanceof` checks still hold; any other error becomes a plain
 * `Error` with the same name.
 *
 * @example
 * ```ts
 * const safe = scrubError(new ConnectionError(`could not connect: token=${token}`), [token]);
 * safe instanceof ConnectionError; // true
 * safe.message; // "could not connect: token=[redacted]"
 * ```
 */
export function scrubError(error: Error, secrets: readonly string[], depth = 0): Error {
  if (!carriesSecret(error, secrets)) return error;
  if (error instanceof FaxPlusError) {
    const rebuilt = rebuildFaxPlusError(error, secrets);
    if (rebuilt) return rebuilt;
  }
  const copy = new Error(redactText(error.message, secrets));
  copy.name = error.name;
  copy.stack = error.stack === undefined ? undefined : redactText(error.stack, secrets);
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" || typeof code === "number")
    Object.assign(copy, { code: typeof code === "string" ? redactText(code, secrets) : code });
  const cause = error.cause;
  if (cause instanceof Error && depth < MAX_CAUSE_DEPTH) copy.cause = scrubError(cause, secrets, depth + 1);
  else if (typeof cause === "string") copy.cause = redactText(cause, secrets);
  // Any other cause (a plain object, a deeper chain) is dropped rather than risked.
  return copy;
}

/** The same class, built again from the error's own fields with `secrets`, so its constructor redacts everything. */
function rebuildFaxPlusError(error: FaxPlusError, secrets: readonly string[]): FaxPlusError | undefined {
  const Class = error.constructor as new (message: string, init: FaxPlusErrorInit) => FaxPlusError;
  // Own fields are what the constructors take (status, url, headers, rawBody, timeoutMs, retryAfter, …).
  const init = { ...(Object.fromEntries(Object.entries(error)) as FaxPlusErrorInit), cause: error.cause, secrets };
  try {
    const copy = new Class(error.message, init);
    if (error.stack !== undefined) copy.stack = redactText(error.stack, secrets);
    return copy;
  } catch {
    return undefined; // a constructor of another shape: fall back to a plain Error
  }
}

/** True when a secret shows anywhere a log, `util.inspect` or `JSON.stringify` would print it. */
function carriesSecret(error: unknown, secrets: readonly string[], depth = 0): boolean {
  if (typeof error === "string") return redactText(error, secrets) !== error;
  if (!(error instanceof Error)) return false;
  let json = "";
  try {
    json = JSON.stringify(error) ?? "";
  } catch {
    json = "";
  }
  for (const text of [error.message, error.stack ?? "", json]) if (redactText(text, secrets) !== text) return true;
  return depth < MAX_CAUSE_DEPTH && error.cause !== undefined && carriesSecret(error.cause, secrets, depth + 1);
}
