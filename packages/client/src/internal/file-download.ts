import type { FileDownload } from "../resources/files.js";
import { fileNameFromContentDisposition } from "./content-disposition.js";
import { readAll } from "./read-all.js";

/** A second read says what already read the body, rather than returning an empty document. */
export function createFileDownload(stream: ReadableStream<Uint8Array> | null | undefined, headers: Headers, label: string): FileDownload {
  const body = stream ?? new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
  const contentType = headers.get("content-type");
  let readBy: string | undefined;

  async function take(how: string): Promise<Uint8Array<ArrayBuffer>> {
    if (readBy !== undefined)
      throw new TypeError(
        `${label}: this download was already read through ${readBy}; a FileDownload can be read once — keep what the first read returned, or download again`,
      );
    readBy = `${how}()`;
    return readAll(body);
  }

  return {
    get body() {
      readBy ??= "`body`";
      return body;
    },
    contentType,
    fileName: fileNameFromContentDisposition(headers.get("content-disposition")),
    async arrayBuffer() {
      return (await take("arrayBuffer")).buffer;
    },
    async blob() {
      return new Blob([await take("blob")], { type: contentType ?? "" });
    },
  };
}
