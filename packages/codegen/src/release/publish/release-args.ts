import { parseArgs } from "node:util";
import { checkRegistryUrl } from "./registry-url.js";

/** `faxkit-codegen release`: publishes the workspace's public packages at the versions on disk. */
export const RELEASE_COMMAND = "faxkit-codegen release";
/** What every line the command prints starts with. */
export const RELEASE_PREFIX = `${RELEASE_COMMAND}:`;
export const RELEASE_USAGE = `usage: ${RELEASE_COMMAND} [--dry-run] [--skip-build-and-test] [--registry <url>]`;

/** The release's options, as given on the command line. */
export interface ReleaseArgs {
  dryRun: boolean;
  skipBuildAndTest: boolean;
  /** The registry to read (dry run) or publish to instead of the configured one. */
  registry: string | undefined;
}

/** Parsed arguments, a request for help, or what is wrong with them (exit 2). */
export type ParsedReleaseArgs = { kind: "run"; args: ReleaseArgs } | { kind: "help" } | { kind: "error"; message: string };

/**
 * Reads the release's command line. `--skip-build-and-test` is refused without `--dry-run`:
 * a real release is always built and tested.
 *
 * @example
 * ```ts
 * parseReleaseArgs(["--dry-run"]); // { kind: "run", args: { dryRun: true, skipBuildAndTest: false, registry: undefined } }
 * ```
 */
export function parseReleaseArgs(argv: readonly string[]): ParsedReleaseArgs {
  let values: ReturnType<typeof parse>["values"];
  try {
    ({ values } = parse(argv));
  } catch (error) {
    return { kind: "error", message: (error as Error).message };
  }
  if (values.help) return { kind: "help" };
  if (values["skip-build-and-test"] && !values["dry-run"])
    return { kind: "error", message: "--skip-build-and-test is only allowed with --dry-run: a real release is always built and tested." };
  const problem = values.registry === undefined ? undefined : checkRegistryUrl(values.registry);
  if (problem !== undefined) return { kind: "error", message: problem };
  return { kind: "run", args: { dryRun: values["dry-run"], skipBuildAndTest: values["skip-build-and-test"], registry: values.registry } };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      "dry-run": { type: "boolean", default: false },
      "skip-build-and-test": { type: "boolean", default: false },
      registry: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}
