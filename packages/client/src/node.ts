/**
 * `@faxkit/client/node`: what only Node can do — documents from file paths. The main entry
 * (`@faxkit/client`) stays free of Node built-ins; import the rest (errors, types) from there.
 *
 * @example
 * ```ts
 * import { createFaxPlusClient } from "@faxkit/client/node";
 * const fax = createFaxPlusClient({ token: process.env.FAXPLUS_TOKEN });
 * const { path } = await fax.files.upload("./invoice.pdf");
 * await fax.outbox.send({ from: "+12345667", to: ["+12345688"], files: [path] });
 * ```
 */
import { openAsBlob } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import type { FilePath } from "@faxkit/types";
import { createFaxPlusClient as createClient, type FaxPlusClient, type FaxPlusClientOptions } from "./client.js";
import { contentTypeForFileName } from "./internal/media-types.js";
import type { FilesApi, UploadOptions, UploadSource } from "./resources/files.js";

/** Options of {@link fileFromPath}. */
export interface FileFromPathOptions {
  /** MIME type of the file. Default: from its extension (pdf, tif/tiff, png, jpg/jpeg, doc/docx, txt, rtf, xls/xlsx), else `""` (then `files.upload` sniffs it). */
  contentType?: string;
}

/** `fax.files` of the Node client: `upload` also takes a file path. */
export interface NodeFilesApi extends Omit<FilesApi, "upload"> {
  /**
   * {@link FilesApi.upload}, and a path to a file on disk, opened with {@link fileFromPath}:
   * read from disk as it is sent, not before. A missing file is an `ENOENT` error; nothing is sent.
   *
   * @example
   * ```ts
   * const { path } = await fax.files.upload("/srv/outgoing/invoice.pdf", { format: "pdf" });
   * ```
   */
  upload(file: UploadSource | string, options?: UploadOptions): Promise<FilePath>;
}

/** The client of {@link createFaxPlusClient}: the usual one, with {@link NodeFilesApi} as `files`. */
export type NodeFaxPlusClient = Omit<FaxPlusClient, "files"> & { readonly files: NodeFilesApi };

/** A Node-style error for a path that cannot be read, naming it and keeping its `code` (`ENOENT`, `EISDIR`, …). */
function fileError(path: string, code: string, what: string, cause?: unknown): Error {
  const error = new Error(`fileFromPath: ${what}: ${path} (${code})`, cause === undefined ? undefined : { cause });
  return Object.assign(error, { code, path });
}

/**
 * A `File` for a file on disk, backed by `fs.openAsBlob`: nothing is read until it is sent,
 * and then it is streamed. `name` is the base name of the path; `type` comes from the
 * extension (or `options.contentType`). A missing path is an error naming it, with `code`
 * `"ENOENT"` (a directory: `"EISDIR"`), before anything is sent. The file must not change
 * until it is uploaded: reading a changed file fails (`NotReadableError`).
 *
 * @example
 * ```ts
 * const file = await fileFromPath("./scans/contract.tiff");
 * const { path } = await fax.files.upload(file); // also works with the main entry's client
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

/**
 * `createFaxPlusClient` of the main entry, for Node: the same client (same options), whose
 * `files.upload` also takes a file path (see {@link NodeFilesApi}).
 *
 * @example
 * ```ts
 * const fax = createFaxPlusClient({ token: process.env.FAXPLUS_TOKEN });
 * const { path } = await fax.files.upload("./invoice.pdf");
 * ```
 */
export function createFaxPlusClient(options: FaxPlusClientOptions = {}): NodeFaxPlusClient {
  const client = createClient(options);
  const { files } = client;
  return {
    ...client,
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
