import { parseArgs } from "node:util";
import { DEFAULT_CONFIG_FILE, loadConfig } from "../../config.js";
import { CodegenError } from "../../errors/CodegenError.js";
import { GUARD_COMMAND } from "../command-names.js";
import { ReleaseRefusal } from "../ReleaseRefusal.js";
import { checkLock } from "./check-lock.js";
import { recordLock } from "./record-lock.js";

const USAGE = `usage: ${GUARD_COMMAND} [--record [--changeset .changeset/<id>.md]] [--config ${DEFAULT_CONFIG_FILE}]`;
const PREFIX = `${GUARD_COMMAND}:`;

/**
 * `faxkit-codegen guard [--record [--changeset <file>]] [--config <file>]`: CI's check that
 * every spec or overlay change was released. Returns the exit code: 0 the files match the lock
 * (or it was recorded), 1 they differ or recording was refused, 2 bad arguments.
 *
 * @example
 * ```ts
 * import { guardCommand } from "@faxkit/codegen";
 * process.exitCode = await guardCommand(["--record"]);
 * ```
 */
export async function guardCommand(argv: readonly string[]): Promise<number> {
  let values: { record: boolean; changeset?: string; config?: string; help: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        record: { type: "boolean", default: false },
        changeset: { type: "string" },
        config: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    console.error(`${PREFIX} ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.changeset !== undefined && !values.record) {
    console.error(`${PREFIX} --changeset goes with --record.\n${USAGE}`);
    return 2;
  }
  try {
    const config = await loadConfig(values.config ?? DEFAULT_CONFIG_FILE);
    const result = values.record ? await recordLock(config, { changeset: values.changeset }) : checkLock(config);
    (result.ok ? console.log : console.error)(`${PREFIX} ${result.message}`);
    return result.ok ? 0 : 1;
  } catch (error) {
    if (!(error instanceof CodegenError || error instanceof ReleaseRefusal)) throw error;
    console.error(`${PREFIX} ${error.message}`);
    return 1;
  }
}
