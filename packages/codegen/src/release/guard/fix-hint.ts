import { GUARD_COMMAND, SPEC_PACKAGE, UPDATE_COMMAND } from "../command-names.js";

/** `a, b and c`. */
function listing(names: readonly string[]): string {
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** How to record a spec or overlay change: printed whenever the guard finds one that is not recorded. */
export function fixHint(fixedGroup: readonly string[], specFile: string): string {
  return [
    `Every change to the vendor spec or an overlay changes what ${listing(fixedGroup)} ship, so it is recorded in the lock and released with a changeset:`,
    `  - a new vendor spec: run \`${UPDATE_COMMAND} <file>\` (it replaces ${specFile} as published, regenerates, writes`,
    `    .changeset/spec-<version>.md and the lock); to undo an accidental edit: \`git checkout ${specFile}\`;`,
    `  - an overlay change: add a changeset naming "${SPEC_PACKAGE}" (e.g. \`"${SPEC_PACKAGE}": patch\`) that describes the change for API users,`,
    `    then run \`${GUARD_COMMAND} --record\` and commit the lock with it.`,
  ].join("\n");
}

/** The refusal of `--record` when no changeset releases the change. */
export function missingChangesetHint(alreadyRecorded: string | null): string {
  return [
    `refusing to record: no pending changeset names "${SPEC_PACKAGE}"${alreadyRecorded ? ` (other than ${alreadyRecorded}, already recorded)` : ""}.`,
    "Add one first, e.g. .changeset/<name>.md:",
    "",
    "---",
    `"${SPEC_PACKAGE}": patch`,
    "---",
    "",
    "<what changes for API users>",
    "",
    `then run \`${GUARD_COMMAND} --record\` again.`,
  ].join("\n");
}
