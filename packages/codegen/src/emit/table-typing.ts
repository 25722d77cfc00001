import { quoteJsString } from "../quote/js-string.js";

/** The interfaces a generated table can be checked against; they are written by hand, never emitted. */
export type TableInterface = "OperationMeta" | "OperationCall";

/** How a generated table names its interface: the import to put on top and the end of its `const`. */
export interface TableTyping {
  /** `import type { … } from "…";` plus a blank line, or empty when no module is configured. */
  importLine: string;
  /** What follows the table's closing brace: `as const satisfies Record<string, …>` or just `as const`. */
  closing: string;
}

/**
 * The typing of a generated table. With `from` (the config's `operationTable.interfaces`: a
 * module specifier, relative to the types folder or a package name) the table imports the
 * interface type-only and is checked against it, keeping its literal types; without it the
 * table is plain `as const` data, so output for any spec compiles with nothing else installed.
 *
 * @example
 * ```ts
 * tableTyping("OperationCall", "../operation-model.js").closing; // "as const satisfies Record<string, OperationCall>"
 * tableTyping("OperationCall", undefined).importLine; // ""
 * ```
 */
export function tableTyping(name: TableInterface, from: string | undefined): TableTyping {
  if (from === undefined) return { importLine: "", closing: "as const" };
  // The specifier comes from the config file: quoted as any string literal.
  return { importLine: `import type { ${name} } from ${quoteJsString(from)};\n\n`, closing: `as const satisfies Record<string, ${name}>` };
}
