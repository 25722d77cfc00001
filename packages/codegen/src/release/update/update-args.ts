import { parseArgs } from "node:util";
import { DEFAULT_CONFIG_FILE } from "../../config.js";
import { UPDATE_COMMAND } from "../command-names.js";

export const UPDATE_USAGE = `usage: ${UPDATE_COMMAND} <file> [--dry-run] [--allow-same-version] [--skip-typecheck] [--config ${DEFAULT_CONFIG_FILE}]`;

/** The update's options, as given on the command line. */
export interface UpdateArgs {
  /** The new spec, as the user wrote it. */
  file: string;
  dryRun: boolean;
  allowSameVersion: boolean;
  skipTypecheck: boolean;
  config: string;
}

/** Parsed arguments, a request for help, or what is wrong with them (exit 2). */
export type ParsedUpdateArgs = { kind: "run"; args: UpdateArgs } | { kind: "help" } | { kind: "error"; message: string };

export function parseUpdateArgs(argv: readonly string[]): ParsedUpdateArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    return { kind: "error", message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help" };
  const [file] = positionals;
  if (positionals.length !== 1 || file === undefined)
    return { kind: "error", message: positionals.length === 0 ? "the new spec file is missing." : "give exactly one spec file." };
  return {
    kind: "run",
    args: {
      file,
      dryRun: values["dry-run"],
      allowSameVersion: values["allow-same-version"],
      skipTypecheck: values["skip-typecheck"],
      config: values.config ?? DEFAULT_CONFIG_FILE,
    },
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      "dry-run": { type: "boolean", default: false },
      "allow-same-version": { type: "boolean", default: false },
      "skip-typecheck": { type: "boolean", default: false },
      config: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}
