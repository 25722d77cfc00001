import { ENV } from "./credentials.js";
import { UsageError } from "./UsageError.js";

/**
 * Refuses a token on the command line before anything else reads the arguments: any user on the
 * machine can see a process's arguments (`ps`), and the shell keeps them in its history. The
 * message names the option only, never the value.
 *
 * @example
 * ```ts
 * refuseTokenArgument(["whoami", "--token", "abc"]); // throws UsageError
 * ```
 */
export function refuseTokenArgument(argv: readonly string[]): void {
  for (const arg of argv) {
    if (arg === "--") return;
    if (arg === "--token" || arg.startsWith("--token=") || arg === "--access-token" || arg.startsWith("--access-token="))
      throw new UsageError(
        `${arg.split("=")[0]} is not accepted: arguments are visible to every user in ps and stay in shell history. ` +
          `Set ${ENV.token}, pass --token-file <path>, or set ${ENV.clientId}, ${ENV.clientSecret} and ${ENV.refreshToken}`,
      );
  }
}
