// The commands as users type them: every message that tells a user what to run names these,
// so that the advice is right wherever the codegen is installed (no repository script names).

/** `faxkit-codegen update`: takes a new vendor spec. */
export const UPDATE_COMMAND = "faxkit-codegen update";
/** `faxkit-codegen guard`: checks (or with `--record` writes) the spec lock. */
export const GUARD_COMMAND = "faxkit-codegen guard";
/** The command that regenerates every output. */
export const GENERATE_COMMAND = "faxkit-codegen generate";
/**
 * The package every spec or overlay change is released through: it publishes `specInfo` and the
 * generated types, so each change alters it; its fixed group (`.changeset/config.json`) follows.
 */
export const SPEC_PACKAGE = "@faxkit/types";
