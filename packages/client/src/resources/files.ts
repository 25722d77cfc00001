import type { FilePath, FileType } from "@faxkit/types";
import { ResponseParseError } from "../errors/index.js";
import { checkedSend } from "../internal/checked-send.js";
import { type ClientContext, transportOverrides } from "../internal/client-context.js";
import { describeValue } from "../internal/describe-value.js";
import { createFileDownload } from "../internal/file-download.js";
import { extensionForContentType } from "../internal/media-types.js";
import { type MultipartBody, multipartBody } from "../internal/multipart-body.js";
import { isDotSegment } from "../internal/path-param.js";
import { peekStream } from "../internal/peek-stream.js";
import { readAll } from "../internal/read-all.js";
import { redactUrl } from "../internal/redact.js";
import { redactedError } from "../internal/redacted-error.js";
import { supportsRequestStreams } from "../internal/request-streams.js";
import { SNIFF_LENGTH, sniffContentType } from "../internal/sniff-content-type.js";
import type { CallOptions } from "./call-options.js";

/** What `files.upload` accepts in every runtime; for a file path, see `@faxkit/client/node`. */
export type UploadSource = Blob | Uint8Array | ArrayBuffer | ReadableStream<Uint8Array>;

/** Options of `files.upload`: the per-call options, and how the document is described. */
export interface UploadOptions extends CallOptions {
  /** How Fax.Plus stores the document; the API's default when left out. */
  format?: FileType;
  /** Default: the `File`'s name, else `"document"` plus an extension for the content type. */
  fileName?: string;
  /** Default: the `Blob`'s type, else sniffed (PDF, TIFF, PNG, JPEG), else `application/octet-stream`. */
  contentType?: string;
  /** The account to upload to (default: the client's `userId`). */
  user_id?: string;
}

/** Options of `files.download`: the per-call options, the format and the account. */
export interface DownloadOptions extends CallOptions {
  /** `"pdf"` or `"tiff"`: the format to download the fax in. */
  format?: FileType;
  /** The account the fax belongs to (default: the client's `userId`). */
  user_id?: string;
}

/** Options of `files.report`: the per-call options and the account. */
export interface ReportOptions extends CallOptions {
  /** The account the fax belongs to (default: the client's `userId`). */
  user_id?: string;
}

/**
 * A downloaded document, not yet read, and readable once: through `body` (touching it counts),
 * `arrayBuffer()` or `blob()`.
 *
 * @example
 * ```ts
 * await pipeline(Readable.fromWeb(download.body), createWriteStream(download.fileName ?? `${faxId}.pdf`));
 * ```
 */
export interface FileDownload {
  /** The document, streamed; read it once, here or through `arrayBuffer()` / `blob()`. */
  readonly body: ReadableStream<Uint8Array>;
  /** The response's `Content-Type`, e.g. `application/pdf`; `null` when it had none. */
  readonly contentType: string | null;
  /** From `Content-Disposition`, a bare name (no directory parts). */
  readonly fileName: string | null;
  /** Reads the whole body. */
  arrayBuffer(): Promise<ArrayBuffer>;
  /** Reads the whole body into a `Blob` of {@link FileDownload.contentType}. */
  blob(): Promise<Blob>;
}

/** `fax.files`: documents in and out. */
export interface FilesApi {
  /**
   * Uploads a document; its `{ path }` goes into `outbox.send({ files: [path] })`. A stream is
   * sent chunked, never read whole (except where `fetch` cannot stream: Firefox, Safari); pass
   * a `Blob` if the server needs a `Content-Length`.
   *
   * @example
   * ```ts
   * const { path } = await fax.files.upload(new File([pdfBytes], "invoice.pdf", { type: "application/pdf" }));
   * ```
   */
  upload(file: UploadSource, options?: UploadOptions): Promise<FilePath>;
  /**
   * The document of a sent or received fax.
   *
   * @example
   * ```ts
   * const pdf = await (await fax.files.download(faxId, { format: "pdf" })).blob();
   * ```
   */
  download(faxId: string, options?: DownloadOptions): Promise<FileDownload>;
  /**
   * The transmission confirmation report of a fax, a PDF.
   *
   * @example
   * ```ts
   * const report = await fax.files.report(faxId);
   * ```
   */
  report(faxId: string, options?: ReportOptions): Promise<FileDownload>;
}

const CALL_OPTION_KEYS = ["signal", "timeout", "maxRetries", "retry", "headers", "deadline", "maxResponseBytes"] as const;
const ACCEPT: Readonly<Record<FileType, string>> = { pdf: "application/pdf", tiff: "image/tiff" };
/** Appended to a document's `Accept`: the spec documents the errors of these calls as JSON. */
const JSON_ERRORS = ", application/json;q=0.1";
const MEDIA_TYPE = /^[\w!#$&^.+-]+\/[\w!#$&^.+-]+(\s*;[^\r\n]*)?$/;

function checkOptions<T extends object>(method: string, options: unknown, own: readonly string[]): T {
  if (options === undefined) return {} as T;
  if (options === null || typeof options !== "object" || Array.isArray(options))
    throw new TypeError(`${method}: options must be an object (got ${describeValue(options)})`);
  const accepted = [...own, ...CALL_OPTION_KEYS];
  for (const key of Object.keys(options))
    if (!accepted.includes(key)) throw new TypeError(`${method}: unknown option "${key}"; it takes ${accepted.join(", ")}`);
  const { format, user_id: userId } = options as { format?: unknown; user_id?: unknown };
  if (format !== undefined && format !== "pdf" && format !== "tiff")
    throw new TypeError(`${method}: format must be "pdf" or "tiff" (got ${describeValue(format)})`);
  if (userId !== undefined && (typeof userId !== "string" || userId === ""))
    throw new TypeError(`${method}: user_id must be a non-empty string (got ${describeValue(userId)})`);
  return options as T;
}

function checkFaxId(method: string, faxId: unknown): string {
  if (typeof faxId !== "string" || faxId.trim() === "" || isDotSegment(faxId))
    throw new TypeError(`${method}: faxId must be a non-empty fax id string (got ${describeValue(faxId)})`);
  return faxId;
}

/** A document is the caller's to read as far as it likes, so no size limit unless asked. */
function unlimitedBody(options: CallOptions): CallOptions {
  return { ...options, maxResponseBytes: options.maxResponseBytes ?? Number.POSITIVE_INFINITY };
}

function callInit(ctx: ClientContext, operationId: string, options: CallOptions, headers: Record<string, string>, unlimited = false) {
  return {
    headers,
    ...(options.signal ? { signal: options.signal } : {}),
    fetch: (request: Request) => checkedSend(ctx, request, transportOverrides(operationId, unlimited ? unlimitedBody(options) : options)),
    parseAs: "stream" as const,
  };
}

function asBody(file: unknown): { blob: Blob; declared: string } | { stream: ReadableStream<Uint8Array> } {
  if (file instanceof Blob) return { blob: file, declared: file.type };
  if (file instanceof ArrayBuffer || ArrayBuffer.isView(file)) return { blob: new Blob([file as ArrayBuffer]), declared: "" };
  if (file instanceof ReadableStream) return { stream: file };
  const hint =
    typeof file === "string"
      ? "; to upload a file by its path, use createFaxPlusClient or fileFromPath from @faxkit/client/node"
      : file !== null && typeof file === "object" && typeof (file as { pipe?: unknown }).pipe === "function"
        ? "; for a Node stream, pass Readable.toWeb(stream)"
        : "";
  throw new TypeError(
    `files.upload: file must be a Blob or File, Uint8Array or Buffer, ArrayBuffer or ReadableStream (got ${describeValue(file)})${hint}`,
  );
}

async function parseFilePath(bytes: Uint8Array, response: Response, ctx: ClientContext): Promise<FilePath> {
  const text = new TextDecoder().decode(bytes);
  const where = `POST ${redactUrl(response.url) || "/accounts/{user_id}/files"} (uploadFile) answered ${response.status}`;
  const init = {
    status: response.status,
    operationId: "uploadFile",
    method: "POST",
    url: response.url,
    headers: response.headers,
    rawBody: text,
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw redactedError(ResponseParseError, `${where} with a body that is not valid JSON`, { ...init, cause, secrets: ctx.secrets() });
  }
  if (parsed === null || typeof parsed !== "object" || typeof (parsed as { path?: unknown }).path !== "string")
    throw redactedError(ResponseParseError, `${where} without the uploaded file's "path"`, { ...init, secrets: ctx.secrets() });
  return parsed as FilePath;
}

export function createFilesApi(ctx: ClientContext): FilesApi {
  async function upload(file: UploadSource, options?: UploadOptions): Promise<FilePath> {
    const opts = checkOptions<UploadOptions>("files.upload", options, ["format", "fileName", "contentType", "user_id"]);
    if (opts.fileName !== undefined && (typeof opts.fileName !== "string" || opts.fileName === ""))
      throw new TypeError(`files.upload: fileName must be a non-empty string (got ${describeValue(opts.fileName)})`);
    if (opts.contentType !== undefined && (typeof opts.contentType !== "string" || !MEDIA_TYPE.test(opts.contentType)))
      throw new TypeError(
        `files.upload: contentType must be a MIME type such as "application/pdf" (got ${describeValue(opts.contentType)})`,
      );
    let source = asBody(file);

    // Explicit options win over what the document says about itself, which wins over sniffing.
    let contentType = opts.contentType ?? ("blob" in source && source.declared !== "" ? source.declared : undefined);
    if (contentType === undefined) {
      let head: Uint8Array;
      if ("blob" in source) head = new Uint8Array(await source.blob.slice(0, SNIFF_LENGTH).arrayBuffer());
      else ({ head, stream: source.stream } = await peekStream(source.stream, SNIFF_LENGTH));
      contentType = sniffContentType(head) ?? "application/octet-stream";
    }
    const ownName = file instanceof File && file.name !== "" ? file.name : undefined;
    const fileName = opts.fileName ?? ownName ?? `document${extensionForContentType(contentType)}`;

    if ("stream" in source && !supportsRequestStreams()) source = { blob: await new Response(source.stream).blob(), declared: "" };
    let body: FormData | ReadableStream<Uint8Array>;
    let streamed: { duplex: "half" } | undefined;
    let multipart: MultipartBody | undefined;
    // The multipart boundary is ours to set: a Content-Type among the call's headers would break the body.
    const headers = Object.fromEntries(Object.entries(opts.headers ?? {}).filter(([name]) => name.toLowerCase() !== "content-type"));
    if ("blob" in source) {
      body = new FormData();
      body.append("fax_file", source.blob.type === contentType ? source.blob : new Blob([source.blob], { type: contentType }), fileName);
    } else {
      multipart = multipartBody({ name: "fax_file", fileName, contentType, source: source.stream });
      body = multipart.body;
      headers["Content-Type"] = multipart.contentType;
      streamed = { duplex: "half" };
    }

    let result: { data?: unknown; response: Response };
    try {
      result = await ctx.client.POST("/accounts/{user_id}/files", {
        params: { path: { user_id: opts.user_id ?? ctx.userId }, query: opts.format === undefined ? {} : { format: opts.format } },
        body,
        bodySerializer: (value: unknown) => value,
        ...streamed,
        // A stream is read once: retrying it would mean holding a copy of all of it in memory.
        ...callInit(ctx, "uploadFile", multipart && opts.retry === undefined ? { ...opts, retry: false } : opts, headers),
      } as never);
    } catch (error) {
      // The caller's stream broke (or yielded a non-byte chunk): its error, not fetch's "fetch failed".
      throw multipart?.failure ? multipart.failure.error : error;
    }
    const { data, response } = result;
    return parseFilePath(data ? await readAll(data as ReadableStream<Uint8Array>) : new Uint8Array(), response, ctx);
  }

  async function download(faxId: string, options?: DownloadOptions): Promise<FileDownload> {
    const opts = checkOptions<DownloadOptions>("files.download", options, ["format", "user_id"]);
    const fax_id = checkFaxId("files.download", faxId);
    const accept = opts.format === undefined ? `${ACCEPT.pdf}, ${ACCEPT.tiff}` : ACCEPT[opts.format];
    const { data, response } = await ctx.client.GET("/accounts/{user_id}/files/{fax_id}", {
      params: { path: { user_id: opts.user_id ?? ctx.userId, fax_id }, query: opts.format === undefined ? {} : { format: opts.format } },
      ...callInit(ctx, "getFile", opts, { Accept: `${accept}${JSON_ERRORS}`, ...opts.headers }, true),
    } as never);
    return createFileDownload(data as ReadableStream<Uint8Array> | undefined, response.headers, "files.download");
  }

  async function report(faxId: string, options?: ReportOptions): Promise<FileDownload> {
    const opts = checkOptions<ReportOptions>("files.report", options, ["user_id"]);
    const fax_id = checkFaxId("files.report", faxId);
    const { data, response } = await ctx.client.GET("/accounts/{user_id}/report/{fax_id}", {
      params: { path: { user_id: opts.user_id ?? ctx.userId, fax_id } },
      ...callInit(ctx, "getFaxReport", opts, { Accept: `${ACCEPT.pdf}${JSON_ERRORS}`, ...opts.headers }, true),
    } as never);
    return createFileDownload(data as ReadableStream<Uint8Array> | undefined, response.headers, "files.report");
  }

  return { upload, download, report };
}
