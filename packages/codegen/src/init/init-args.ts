import { parseArgs } from "node:util";
import { DEFAULT_CONFIG_FILE } from "../config.js";

/** The command as users type it, for messages. */
export const INIT_COMMAND = "faxkit-codegen init";

/** Where `init` puts the generated types when `--types` is not given (relative to the config's folder). */
export const DEFAULT_TYPES_DIR = "src/generated/types";
/** Where `init` puts the generated validators when `--validators` is not given. */
export const DEFAULT_VALIDATORS_DIR = "src/generated/validators";

export const INIT_USAGE = `usage: ${INIT_COMMAND} <spec> [--config ${DEFAULT_CONFIG_FILE}] [--types ${DEFAULT_TYPES_DIR}] [--validators ${DEFAULT_VALIDATORS_DIR}] [--force]`;

/** `init`'s options as given on the command line; paths are relative to the working directory. */
export interface InitArgs {
  spec: string;
  config: string;
  /** `undefined`: {@link DEFAULT_TYPES_DIR} in the config's folder. */
  types: string | undefined;
  /** `undefined`: {@link DEFAULT_VALIDATORS_DIR} in the config's folder. */
  validators: string | undefined;
  force: boolean;
}

/** Parsed arguments, a request for help, or what is wrong with them (exit 2). */
export type ParsedInitArgs = { kind: "run"; args: InitArgs } | { kind: "help" } | { kind: "error"; message: string };

export function parseInitArgs(argv: readonly string[]): ParsedInitArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    return { kind: "error", message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help" };
  const [spec] = positionals;
  if (positionals.length !== 1 || spec === undefined || spec === "")
    return { kind: "error", message: positionals.length === 0 ? "the spec file is missing." : "give exactly one spec file." };
  const args: InitArgs = {
    spec,
    config: values.config ?? DEFAULT_CONFIG_FILE,
    types: values.types,
    validators: values.validators,
    force: values.force,
  };
  for (const key of ["config", "types", "validators"] as const)
    if (args[key] === "") return { kind: "error", message: `--${key} needs a path.` };
  return { kind: "run", args };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      config: { type: "string" },
      types: { type: "string" },
      validators: { type: "string" },
      force: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}
