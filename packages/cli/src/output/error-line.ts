import { FaxPlusError, FaxValidationError } from "@faxkit/client";
import { scrub } from "@faxkit/client/redact";
import { CommandFailure } from "../internal/CommandFailure.js";
import { EXIT } from "../internal/exit-codes.js";
import { UsageError } from "../internal/UsageError.js";
import { quoteForTerminal } from "./terminal-text.js";

/** Longest error line, in code points of its text. */
const MAX_ERROR_TEXT = 600;

/** What a failure prints (one line, no trailing newline) and exits with. */
export interface DescribedError {
  line: string;
  exitCode: number;
}

/**
 * The one line a failure prints on stderr, from the typed error: the status, the API's error
 * code and description, and the operation; or what was wrong with the input or the command
 * line. Every credential in `secrets` is replaced before the text is quoted for the terminal.
 *
 * @example
 * ```ts
 * describeError(notFound, [token]); // { line: "faxplus: 404 not_found: Fax not found (getFax)", exitCode: 1 }
 * ```
 */
export function describeError(error: unknown, secrets: readonly string[]): DescribedError {
  const { text, exitCode } = explain(error);
  // The client scrubs its own errors; this also covers a message the CLI or a library built.
  return { line: `faxplus: ${quoteForTerminal(scrub(text, secrets), MAX_ERROR_TEXT)}`, exitCode };
}

function explain(error: unknown): { text: string; exitCode: number } {
  if (error instanceof UsageError) return { text: `${error.message} (see faxplus --help)`, exitCode: EXIT.usage };
  if (error instanceof CommandFailure) return { text: error.message, exitCode: error.exitCode };
  if (error instanceof FaxValidationError) return { text: error.message, exitCode: EXIT.failed };
  // sendFiles wraps what stopped it; a document refused before upload is the cause's story.
  if (error instanceof FaxPlusError && error.cause instanceof FaxValidationError) return explain(error.cause);
  if (error instanceof FaxPlusError) return { text: apiErrorText(error), exitCode: EXIT.failed };
  if (error instanceof Error) return { text: `${error.name}: ${error.message}`, exitCode: EXIT.failed };
  return { text: String(error), exitCode: EXIT.failed };
}

function apiErrorText(error: FaxPlusError): string {
  // A transport error's message already names the request and the operation.
  if (error.status === undefined) return `${error.name}: ${error.message}`;
  const where = error.operationId === undefined ? "" : ` (${error.operationId})`;
  const code = error.code === undefined ? "" : ` ${error.code}`;
  const description = error.description ?? error.message;
  return `${error.status}${code}: ${description}${where}`;
}
