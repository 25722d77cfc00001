// STUB — being implemented (issue 4). Signatures fixed; bodies to be written.
import type { FilePath, FileType } from "@faxkit/types";
import type { ClientContext } from "../internal/client-context.js";
import type { CallOptions } from "./call-options.js";

/** What `files.upload` accepts in every runtime. (File paths: `@faxkit/client/node`.) */
export type UploadSource = Blob | Uint8Array | ArrayBuffer | ReadableStream<Uint8Array>;

/** A downloaded document: the body as a stream, with helpers to read it whole. */
export interface FileDownload {
  readonly body: ReadableStream<Uint8Array>;
  readonly contentType: string | null;
  /** File name from `Content-Disposition`, when the server sent one. */
  readonly fileName: string | null;
  arrayBuffer(): Promise<ArrayBuffer>;
  blob(): Promise<Blob>;
}

export interface FilesApi {
  upload(
    file: UploadSource,
    options?: CallOptions & { format?: FileType; fileName?: string; contentType?: string; user_id?: string },
  ): Promise<FilePath>;
  download(faxId: string, options?: CallOptions & { format?: FileType; user_id?: string }): Promise<FileDownload>;
  report(faxId: string, options?: CallOptions & { user_id?: string }): Promise<FileDownload>;
}

export function createFilesApi(_ctx: ClientContext): FilesApi {
  const missing = async (): Promise<never> => {
    throw new Error("files API is not implemented yet");
  };
  return { upload: missing, download: missing, report: missing };
}
