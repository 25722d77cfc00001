import { CommanderError } from "commander";
import { EXIT } from "./internal/exit-codes.js";
import type { Io } from "./internal/io.js";
import { refuseTokenArgument } from "./internal/token-flag.js";
import { colorsFor } from "./output/colors.js";
import { describeError } from "./output/error-line.js";
import { buildProgram } from "./program.js";

/**
 * `faxplus`: runs one command line and resolves with the exit code; nothing here exits the
 * process, so every path ends the same way below.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const secrets: string[] = []; // the credentials this run read, for the error line to scrub
  try {
    refuseTokenArgument(argv);
    await buildProgram(io, secrets).parseAsync([...argv], { from: "user" });
    return EXIT.ok;
  } catch (error) {
    // Commander printed its own message (or the help) already.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const { line, exitCode } = describeError(error, secrets);
    io.stderr.write(`${colorsFor(io.stderr, io.env).red(line)}\n`);
    return exitCode;
  }
}

/** Exits once stdout has taken everything written to it (a pipe may still be draining). */
function exitAfterFlush(code: number): void {
  process.stdout.write("", () => process.exit(code));
}

const io: Io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
main(process.argv.slice(2), io).then(exitAfterFlush, (error: unknown) => {
  process.stderr.write(`faxplus: internal error: ${error instanceof Error ? error.name : typeof error}\n`);
  exitAfterFlush(EXIT.failed);
});
