import type { ValidationIssue } from "@faxkit/validator";
import { describeValue } from "../../internal/describe-value.js";
import { mediaTypeEssence } from "../../internal/media-types.js";

/**
 * What Fax.Plus accepts in one fax, as its docs state it: `PayloadOutbox.files` "up to 10 files,
 * 30 MB in total" (overlay 04-send-fax.yaml), and the "Fax" concept page's types: PDF, DOC(X),
 * TXT, RTF, JPG, PNG, TIFF, XLS(X). "30 MB" is read as 30 MiB, the lenient reading: a client-side
 * check should not refuse what the server may take; the server has the last word either way.
 *
 * @example
 * ```ts
 * if (blob.size > SEND_FILES_LIMITS.maxTotalBytes) console.warn("too large to fax");
 * ```
 */
export const SEND_FILES_LIMITS = {
  maxFiles: 10,
  maxTotalBytes: 30 * 1024 * 1024,
  /** By extension; the key is what messages name. */
  types: {
    pdf: ["application/pdf"],
    doc: ["application/msword"],
    docx: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    txt: ["text/plain"],
    rtf: ["application/rtf", "text/rtf"],
    jpg: ["image/jpeg", "image/jpg"],
    jpeg: ["image/jpeg"],
    png: ["image/png"],
    tif: ["image/tiff"],
    tiff: ["image/tiff"],
    xls: ["application/vnd.ms-excel"],
    xlsx: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
  } as Readonly<Record<string, readonly string[]>>,
} as const;

/** Says nothing about the document's type: `files.upload` sniffs it, and the server decides. */
const UNDECLARED = new Set(["", "application/octet-stream"]);
const ACCEPTED_TYPES = new Set(Object.values(SEND_FILES_LIMITS.types).flat());
const NAMES = "PDF, DOC, DOCX, TXT, RTF, JPG, PNG, TIFF, XLS, XLSX";

/** What one document says about itself, before anything is read. */
export interface Described {
  /** Bytes, or `undefined` for a stream (counted as it is uploaded). */
  size: number | undefined;
  contentType: string | undefined;
  fileName: string | undefined;
}

function issue(path: string, keyword: string, message: string, schemaPath = ""): ValidationIssue {
  return { path, keyword, schemaPath, message: `${path}: ${message}` };
}

function extensionOf(fileName: string): string | undefined {
  const dot = fileName.lastIndexOf(".");
  return dot <= 0 || dot === fileName.length - 1 ? undefined : fileName.slice(dot + 1).toLowerCase();
}

/** The declared type wins over the name, as in `files.upload`; only a known mismatch is refused. */
function typeIssue(index: number, file: Described): ValidationIssue | undefined {
  const type = mediaTypeEssence(file.contentType ?? "");
  const where = `/files/${index}`;
  const named = file.fileName === undefined ? "" : `${describeValue(file.fileName)} `;
  if (!UNDECLARED.has(type))
    return ACCEPTED_TYPES.has(type)
      ? undefined
      : issue(where, "contentType", `${named}is ${describeValue(type)}, not a type Fax.Plus accepts (${NAMES})`);
  const extension = file.fileName === undefined ? undefined : extensionOf(file.fileName);
  if (extension === undefined || SEND_FILES_LIMITS.types[extension] !== undefined) return undefined;
  return issue(where, "contentType", `${named}has the extension ${describeValue(extension)}, not a type Fax.Plus accepts (${NAMES})`);
}

/** Over the total: named in messages with both units, as the docs say "30 MB". */
export function totalIssue(path: string, total: number, counted: string): ValidationIssue {
  const max = SEND_FILES_LIMITS.maxTotalBytes;
  return issue(path, "maxTotalBytes", `${counted} ${total} bytes in total, over the 30 MB (${max} bytes) Fax.Plus accepts in one fax`);
}

/**
 * Every limit a described list of documents breaks, before anything is uploaded: how many there
 * are (at least one unless `from_fax` is given), their types, and the total of the known sizes.
 */
export function fileIssues(files: readonly Described[], hasFromFax: boolean): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const { maxFiles, maxTotalBytes } = SEND_FILES_LIMITS;
  if (files.length > maxFiles)
    issues.push(
      issue(
        "/files",
        "maxItems",
        `must have at most ${maxFiles} items (got ${files.length})`,
        "#/components/schemas/PayloadOutbox/properties/files/maxItems",
      ),
    );
  if (files.length === 0 && !hasFromFax) issues.push(issue("/files", "minItems", "must have at least 1 item (or give from_fax)"));
  let total = 0;
  files.forEach((file, index) => {
    const problem = typeIssue(index, file);
    if (problem) issues.push(problem);
    total += file.size ?? 0;
  });
  if (total > maxTotalBytes) issues.push(totalIssue("/files", total, "the documents hold"));
  return issues;
}
