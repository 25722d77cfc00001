import { FaxValidationError } from "@faxkit/validator";
import { PayloadOutbox } from "@faxkit/validator/validate";
import { FaxPlusError, SendFilesError } from "../../errors/index.js";
import { calledOperation, callOperation } from "../../internal/call-operation.js";
import type { ClientContext } from "../../internal/client-context.js";
import { describeValue } from "../../internal/describe-value.js";
import { redactedError } from "../../internal/redacted-error.js";
import { createFilesApi, type UploadOptions, type UploadSource } from "../files.js";
import { ByteBudget } from "./byte-budget.js";
import { type Described, fileIssues, SEND_FILES_LIMITS, totalIssue } from "./limits.js";
import type { SendFile, SendFilesArgs, SendFilesOptions, SendFilesResult } from "./types.js";

const SUBJECT = { operationId: "sendFax", part: "request" } as const;
/** Stands in for the paths in the up-front check of the rest of the payload. */
const PLACEHOLDER_PATH = "/";

interface Planned extends Described {
  source: UploadSource;
}

function isSource(value: unknown): value is UploadSource {
  return value instanceof Blob || value instanceof ArrayBuffer || ArrayBuffer.isView(value) || value instanceof ReadableStream;
}

function plan(file: SendFile, index: number): Planned {
  const given = !isSource(file) && file !== null && typeof file === "object" && "file" in file ? file : { file };
  const source = given.file as unknown;
  if (!isSource(source))
    throw new TypeError(
      `outbox.sendFiles: files[${index}] must be a Blob or File, Uint8Array, ArrayBuffer or ReadableStream, ` +
        `or { file, fileName?, contentType? } (got ${describeValue(source)})` +
        (typeof source === "string" ? "; to send a file by its path, use createFaxPlusClient from @faxkit/client/node" : ""),
    );
  const own = source instanceof File && source.name !== "" ? source.name : undefined;
  const declared = source instanceof Blob && source.type !== "" ? source.type : undefined;
  return {
    source,
    size: source instanceof Blob ? source.size : source instanceof ReadableStream ? undefined : source.byteLength,
    contentType: given.contentType ?? declared,
    fileName: given.fileName ?? own,
  };
}

/** Everything wrong with the request, before the first upload: the payload's schema and the documents' limits. */
function check(args: SendFilesArgs, files: readonly Planned[]): void {
  const { user_id: _userId, files: _files, ...payload } = args as SendFilesArgs & { user_id?: string };
  const schema = PayloadOutbox({ ...payload, files: files.map(() => PLACEHOLDER_PATH) });
  const issues = [...(schema.ok ? [] : schema.issues.filter((issue) => issue.keyword !== "maxItems" || issue.path !== "/files"))];
  issues.push(...fileIssues(files, payload.from_fax !== undefined));
  if (issues.length > 0) throw new FaxValidationError(issues, SUBJECT);
}

function uploadOptions(file: Planned, options: SendFilesOptions, userId: string | undefined): UploadOptions {
  return {
    ...options,
    ...(file.fileName === undefined ? {} : { fileName: file.fileName }),
    ...(file.contentType === undefined ? {} : { contentType: file.contentType }),
    ...(userId === undefined ? {} : { user_id: userId }),
  };
}

function failed(stage: "upload" | "send", what: string, uploaded: string[], cause: unknown, ctx: ClientContext): SendFilesError {
  const reason = cause instanceof Error ? cause.message : describeValue(cause);
  const stored =
    uploaded.length === 0
      ? "no file was uploaded"
      : `${uploaded.length} uploaded file(s) are stored but not sent (paths in error.uploaded: ${uploaded.map(describeValue).join(", ")})`;
  const outcome =
    stage === "upload"
      ? `Nothing was sent; ${stored}.`
      : cause instanceof FaxPlusError && cause.status !== undefined
        ? `The API refused it, so nothing was sent; every file was uploaded (error.uploaded).`
        : `No answer arrived, so the fax may or may not have been queued; every file was uploaded (error.uploaded).`;
  const init = cause instanceof FaxPlusError ? { status: cause.status, code: cause.code, description: cause.description } : {};
  return redactedError(SendFilesError, `outbox.sendFiles: ${what} failed: ${reason}. ${outcome}`, {
    ...init,
    operationId: stage === "upload" ? "uploadFile" : "sendFax",
    method: "POST",
    cause,
    uploaded: [...uploaded],
    stage,
    secrets: ctx.secrets(),
  });
}

/**
 * `fax.outbox.sendFiles`: every limit checked first (a `FaxValidationError`, nothing uploaded),
 * then one upload per document in order, then one `sendFax`. Streams have no size up front: they
 * are counted as they are uploaded, and one that takes the total over 30 MB errors before its
 * upload completes, so the send never happens (a `SendFilesError` whose cause is that
 * `FaxValidationError`).
 *
 * @example
 * ```ts
 * const { ids, paths } = await createSendFiles(ctx)({ from: "+12345667", to: ["+12345688"], files: [pdf] });
 * ```
 */
export function createSendFiles(ctx: ClientContext): (args: SendFilesArgs, options?: SendFilesOptions) => Promise<SendFilesResult> {
  const files = createFilesApi(ctx);
  const sendFax = calledOperation("sendFax");
  return async function sendFiles(args, options = {}) {
    if (args === null || typeof args !== "object" || !Array.isArray(args.files))
      throw new TypeError(`outbox.sendFiles: the argument must be an object with a "files" array (got ${describeValue(args)})`);
    const planned = args.files.map(plan);
    check(args, planned);
    const userId = (args as { user_id?: string }).user_id;
    const budget = new ByteBudget(
      planned.reduce((sum, file) => sum + (file.size ?? 0), 0),
      SEND_FILES_LIMITS.maxTotalBytes,
    );

    const paths: string[] = [];
    for (const [index, file] of planned.entries()) {
      const source =
        file.source instanceof ReadableStream
          ? budget.count(
              file.source,
              (total) =>
                new FaxValidationError([totalIssue(`/files/${index}`, total, "with this stream the documents hold at least")], SUBJECT),
            )
          : file.source;
      try {
        paths.push((await files.upload(source, uploadOptions(file, options, userId))).path);
      } catch (cause) {
        const name = file.fileName === undefined ? "" : ` (${describeValue(file.fileName)})`;
        throw failed("upload", `uploading files[${index}]${name}, ${index + 1} of ${planned.length},`, paths, cause, ctx);
      }
    }

    const { format: _format, ...call } = options;
    const body = { return_ids: true, ...args, files: paths };
    let result: SendFilesResult["result"];
    try {
      result = ((await callOperation(ctx, sendFax, body, call)) ?? {}) as SendFilesResult["result"];
    } catch (cause) {
      throw failed("send", "sending", paths, cause, ctx);
    }
    const ids = [...new Set(Object.values(result.ids ?? {}).filter((id): id is string => typeof id === "string"))];
    return { result, paths, ids };
  };
}
