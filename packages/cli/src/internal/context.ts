import { createFaxPlusClient, type NodeFaxPlusClient } from "@faxkit/client/node";
import { type Colors, colorsFor } from "../output/colors.js";
import { quoteForTerminal } from "../output/terminal-text.js";
import { resolveBaseUrl } from "./base-url.js";
import { resolveCredentials } from "./credentials.js";
import type { Io } from "./io.js";

/** The options every command takes (set on the program, read from any subcommand). */
export interface GlobalOptions {
  json?: boolean;
  baseUrl?: string;
  tokenFile?: string;
}

/** What a command runs with: the streams, the output mode, colours per stream, and the client. */
export interface CommandContext {
  readonly io: Io;
  readonly json: boolean;
  /** For stdout. */
  readonly color: Colors;
  /** For stderr. */
  readonly errColor: Colors;
  /** Whether stderr is a terminal: progress bars and spinners only then. */
  readonly interactive: boolean;
  /** Built on first use, so `faxplus mock` and usage errors need no credentials. */
  client(): Promise<NodeFaxPlusClient>;
  /** Prints `text` (already quoted by the caller) as one line on stdout. */
  out(text: string): void;
  /** Prints `text` (already quoted by the caller) as one line on stderr. */
  note(text: string): void;
}

/**
 * The context of one run.
 *
 * @example
 * ```ts
 * const ctx = createContext(io, program.opts(), secrets); // secrets: filled with the credentials when the client is built
 * ```
 */
export function createContext(io: Io, options: GlobalOptions, secrets: string[]): CommandContext {
  let client: Promise<NodeFaxPlusClient> | undefined;
  const errColor = colorsFor(io.stderr, io.env);
  return {
    io,
    json: options.json === true,
    color: colorsFor(io.stdout, io.env),
    errColor,
    interactive: io.stderr.isTTY === true,
    client() {
      client ??= buildClient(io, options, secrets);
      return client;
    },
    out: (text) => void io.stdout.write(`${text}\n`),
    note: (text) => void io.stderr.write(`${text}\n`),
  };
}

async function buildClient(io: Io, options: GlobalOptions, secrets: string[]): Promise<NodeFaxPlusClient> {
  const baseUrl = resolveBaseUrl(options.baseUrl, io.env);
  const credentials = await resolveCredentials(io.env, options.tokenFile);
  secrets.push(...credentials.secrets);
  const auth = credentials.kind === "token" ? { token: credentials.token } : { oauth: credentials.oauth };
  // The client's own warnings (a retry, a refresh) go to stderr, quoted, never to stdout.
  const warn = (message: string) => void io.stderr.write(`faxplus: ${quoteForTerminal(message)}\n`);
  return createFaxPlusClient({
    baseUrl,
    ...auth,
    logger: { debug: () => undefined, info: () => undefined, warn, error: warn },
  });
}
