/**
 * `@faxkit/client/node`: documents from file paths, kept apart so the main entry stays free of
 * Node built-ins.
 *
 * @example
 * ```ts
 * import { createFaxPlusClient } from "@faxkit/client/node";
 * ```
 *
 * @module @faxkit/client/node
 */
import { openAsBlob } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import type { FilePath } from "@faxkit/types";
import { createFaxPlusClient as createClient, type FaxPlusClient, type FaxPlusClientOptions } from "./client.js";
import { contentTypeForFileName } from "./internal/media-types.js";
import type { FilesApi, UploadOptions, UploadSource } from "./resources/files.js";
import type { OutboxWorkflows, SendFile } from "./resources/outbox/types.js";

/** Options of {@link fileFromPath}. */
export interface FileFromPathOptions {
  /** Default: from the extension, else `""` (then `files.upload` sniffs it). */
  contentType?: string;
}

/** `fax.files` of the Node client. */
export interface NodeFilesApi extends Omit<FilesApi, "upload"> {
  /**
   * Also a path, read from disk as it is sent. A missing file is an `ENOENT` error; nothing is sent.
   *
   * @example
   * ```ts
   * const { path } = await fax.files.upload("/srv/outgoing/invoice.pdf", { format: "pdf" });
   * ```
   */
  upload(file: UploadSource | string, options?: UploadOptions): Promise<FilePath>;
}

/** `fax.outbox` of the Node client: `sendFiles` also takes paths. */
export type NodeOutboxApi = Omit<FaxPlusClient["outbox"], "sendFiles"> & Pick<OutboxWorkflows<UploadSource | string>, "sendFiles">;

/** The client of the Node entry: `files.upload` and `outbox.sendFiles` also take a path. */
export type NodeFaxPlusClient = Omit<FaxPlusClient, "files" | "outbox"> & {
  /** `fax.files`, whose `upload` also takes a path. */
  readonly files: NodeFilesApi;
  /** `fax.outbox`, whose `sendFiles` also takes paths. */
  readonly outbox: NodeOutboxApi;
};

function fileError(path: string, code: string, what: string, cause?: unknown): Error {
  const error = new Error(`fileFromPath: ${what}: ${path} (${code})`, cause === undefined ? undefined : { cause });
  return Object.assign(error, { code, path });
}

/**
 * A `File` backed by `fs.openAsBlob`: nothing is read until it is sent, so the file must not
 * change before then (a changed file fails with `NotReadableError`).
 *
 * @example
 * ```ts
 * const { path } = await fax.files.upload(await fileFromPath("./scans/contract.tiff"));
 * ```
 */
export async function fileFromPath(path: string, options: FileFromPathOptions = {}): Promise<File> {
  if (typeof path !== "string" || path === "")
    throw new TypeError(`fileFromPath: path must be a non-empty string (got ${path === null ? "null" : typeof path})`);
  let stats: Awaited<ReturnType<typeof stat>>;
  try {
    stats = await stat(path);
  } catch (cause) {
    const code = (cause as { code?: unknown })?.code;
    if (code === "ENOENT" || code === "ENOTDIR") throw fileError(path, "ENOENT", "no such file", cause);
    throw fileError(path, typeof code === "string" ? code : "EIO", "cannot read the file", cause);
  }
  if (!stats.isFile()) throw fileError(path, stats.isDirectory() ? "EISDIR" : "EINVAL", "not a regular file");
  const name = basename(path);
  const type = options.contentType ?? contentTypeForFileName(name) ?? "";
  let blob: Blob;
  try {
    blob = await openAsBlob(path, { type });
  } catch (cause) {
    // Gone between stat and open (Node 20 says only "Unable to open file as blob").
    throw fileError(path, "ENOENT", "no such file", cause);
  }
  return new File([blob], name, { type, lastModified: stats.mtimeMs });
}

/** Every path opened (so a missing file fails before anything is uploaded), the rest as given. */
async function openPaths(files: readonly SendFile<UploadSource | string>[]): Promise<SendFile[]> {
  if (!Array.isArray(files)) return files as never; // sendFiles names the problem
  return Promise.all(
    files.map(async (file) => {
      if (typeof file === "string") return fileFromPath(file);
      if (file === null || typeof file !== "object" || !("file" in file) || typeof file.file !== "string") return file as SendFile;
      const opened = await fileFromPath(file.file, file.contentType === undefined ? {} : { contentType: file.contentType });
      return { ...file, file: opened };
    }),
  );
}

/** The environment variable read for a token when the options name no credentials. */
export const TOKEN_ENV_VAR = "FAXPLUS_TOKEN";

/** `token` from {@link TOKEN_ENV_VAR} only when neither `token` nor `oauth` is given, so options always win. */
function withTokenFromEnv(options: FaxPlusClientOptions): FaxPlusClientOptions {
  if (options.token !== undefined || options.oauth !== undefined) return options;
  const token = process.env[TOKEN_ENV_VAR];
  return token === undefined || token.trim() === "" ? options : { ...options, token };
}

/**
 * The main entry's client, whose `files.upload` and `outbox.sendFiles` also take file paths,
 * and which reads its token from `FAXPLUS_TOKEN` when given neither `token` nor `oauth`.
 *
 * @example
 * ```ts
 * const { path } = await createFaxPlusClient().files.upload("./invoice.pdf"); // FAXPLUS_TOKEN=… node app.js
 * ```
 */
export function createFaxPlusClient(options: FaxPlusClientOptions = {}): NodeFaxPlusClient {
  const client = createClient(withTokenFromEnv(options));
  const { files, outbox } = client;
  return {
    ...client,
    outbox: {
      ...outbox,
      async sendFiles(args, sendOptions) {
        if (args === null || typeof args !== "object") return outbox.sendFiles(args, sendOptions);
        return outbox.sendFiles({ ...args, files: await openPaths(args.files) }, sendOptions);
      },
    },
    files: {
      ...files,
      async upload(file, uploadOptions) {
        if (typeof file !== "string") return files.upload(file, uploadOptions);
        const contentType = uploadOptions?.contentType;
        return files.upload(await fileFromPath(file, contentType === undefined ? {} : { contentType }), uploadOptions);
      },
    },
  };
}
