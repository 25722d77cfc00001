/** Where in an input file a problem was found. */
export interface SourceLocation {
  /** Path of the file, relative to the working directory when possible. */
  file: string;
  /** 1-based line, when the position is known. */
  line?: number;
  /** 1-based column, when the position is known. */
  column?: number;
  /** JSON pointer of the offending node inside the document (RFC 6901), when known. */
  pointer?: string;
}

/** Machine-readable kind of a codegen failure; stable across releases. */
export type CodegenErrorCode =
  | "CONFIG_INVALID"
  | "OUTPUT_OUTSIDE_ROOT"
  | "FILE_NOT_FOUND"
  | "PARSE_ERROR"
  | "UNSUPPORTED_VERSION"
  | "INVALID_DOCUMENT"
  | "UNRESOLVED_REF"
  | "UNSUPPORTED_REF"
  | "DUPLICATE_OPERATION_ID"
  | "MISSING_OPERATION_ID"
  | "OVERLAY_INVALID"
  | "OVERLAY_TARGET_UNMATCHED"
  | "RESOURCE_NAME_CONFLICT"
  | "EMIT_FAILED";

/**
 * The one error type the code generator throws for bad input. Its message is a single
 * paragraph that names what is wrong and where (file:line:column, JSON pointer), so the
 * CLI can print it as is, without a stack trace.
 *
 * @example
 * ```ts
 * import { generate, CodegenError } from "@faxkit/codegen";
 * try {
 *   await generate({ config: "faxkit.config.json" });
 * } catch (error) {
 *   if (error instanceof CodegenError) console.error(error.code, error.location?.pointer);
 * }
 * ```
 */
export class CodegenError extends Error {
  override readonly name = "CodegenError";
  readonly code: CodegenErrorCode;
  readonly location: SourceLocation | undefined;

  constructor(code: CodegenErrorCode, message: string, location?: SourceLocation) {
    super(location ? `${formatLocation(location)}: ${message}` : message);
    this.code = code;
    this.location = location;
  }
}

/** `file:line:column (at /json/pointer)`, leaving out what is unknown. */
export function formatLocation(location: SourceLocation): string {
  let text = location.file;
  if (location.line !== undefined) {
    text += `:${location.line}`;
    if (location.column !== undefined) text += `:${location.column}`;
  }
  if (location.pointer !== undefined) text += ` (at ${location.pointer === "" ? "/" : location.pointer})`;
  return text;
}
