/**
 * A loopback stand-in for the three file endpoints, answering as the spec documents them
 * where Prism does not (see README.md, "Where Prism falls short"):
 *
 * - `getFile` / `getFaxReport` answer real binary documents (`PDF_BYTES`, `TIFF_BYTES`) with
 *   `Content-Type` per `format` (which wins) or `Accept`, and a `Content-Disposition` file name;
 * - `uploadFile` parses the multipart body and accepts it only with a `fax_file` FILE part
 *   (a file name, not a plain field) whose media type is in the spec's
 *   `encoding.fax_file.contentType` list, and a `format` of `pdf` / `tiff`;
 * - every route needs `Authorization: Bearer …` (else the spec's 401 example), and honours
 *   `Prefer: code=NNN` like Prism: the spec's JSON example of that documented status.
 */
import type { ServerResponse } from "node:http";
import { type OperationId, operations } from "@faxkit/types";
import { PDF_BYTES, TIFF_BYTES } from "../cases/documents.js";
import { responseExample, uploadContentTypes } from "../cases/spec.js";
import { type StubRequest, type StubServer, sendJson, startStub } from "./stub-server.js";

/** A `fax_file` part as the stub received it. */
export interface ReceivedUpload {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
  format: string | null;
  /** `chunked` for a streamed body. */
  transferEncoding: string | undefined;
  contentLength: string | undefined;
}

export interface FilesStub extends StubServer {
  uploads: ReceivedUpload[];
}

const ROUTES: { operationId: OperationId; method: string; pattern: RegExp }[] = [
  { operationId: "uploadFile", method: "POST", pattern: /^\/v3\/accounts\/([^/]+)\/files$/ },
  { operationId: "getFile", method: "GET", pattern: /^\/v3\/accounts\/([^/]+)\/files\/([^/]+)$/ },
  { operationId: "getFaxReport", method: "GET", pattern: /^\/v3\/accounts\/([^/]+)\/report\/([^/]+)$/ },
];

const apiError = (response: ServerResponse, status: number, error: string, description: string) =>
  sendJson(response, status, { error, description });

function sendDocument(response: ServerResponse, bytes: Uint8Array, contentType: string, fileName: string): void {
  response.writeHead(200, {
    "content-type": contentType,
    "content-length": bytes.length,
    "content-disposition": `attachment; filename="${fileName}"`,
  });
  response.end(Buffer.from(bytes));
}

export async function startFilesStub(): Promise<FilesStub> {
  const uploads: ReceivedUpload[] = [];
  const allowedTypes = uploadContentTypes();

  async function upload(request: StubRequest, response: ServerResponse): Promise<void> {
    const format = request.url.searchParams.get("format");
    if (format !== null && format !== "pdf" && format !== "tiff")
      return apiError(response, 400, "invalid_format", `format must be pdf or tiff (got ${format})`);
    const contentType = request.headers["content-type"] ?? "";
    if (!/^multipart\/form-data;/i.test(contentType))
      return apiError(response, 400, "invalid_content_type", `expected multipart/form-data (got ${contentType || "none"})`);
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(request.body), { headers: { "content-type": contentType } }).formData();
    } catch (error) {
      return apiError(response, 400, "invalid_multipart", `the multipart body does not parse: ${(error as Error).message}`);
    }
    const part = form.get("fax_file");
    if (!(part instanceof File)) return apiError(response, 400, "invalid_file", "fax_file must be a file part (with a file name)");
    const essence = part.type.split(";")[0]?.trim().toLowerCase() ?? "";
    if (!allowedTypes.includes(essence))
      return apiError(response, 400, "invalid_file_type", `fax_file of type ${part.type || "(none)"} is not accepted`);
    uploads.push({
      fileName: part.name,
      contentType: part.type,
      bytes: new Uint8Array(await part.arrayBuffer()),
      format,
      transferEncoding: request.headers["transfer-encoding"],
      contentLength: request.headers["content-length"],
    });
    sendJson(response, 200, { path: `/storage/2024-09-09/${uploads.length.toString(16).padStart(32, "0")}.${format ?? "pdf"}` });
  }

  const stub = await startStub(async (request, response) => {
    const route = ROUTES.find((r) => r.method === request.method && r.pattern.test(request.url.pathname));
    if (route === undefined) return apiError(response, 404, "not_found", `the files stub has no ${request.method} ${request.url.pathname}`);
    const op = operations[route.operationId];
    const [, , faxId] = route.pattern.exec(request.url.pathname) ?? [];

    if (!/^Bearer \S+$/.test(request.headers.authorization ?? "")) return sendJson(response, 401, responseExample(route.operationId, 401));
    const preferred = /code=(\d{3})/.exec(String(request.headers.prefer ?? ""))?.[1];
    if (preferred !== undefined) {
      const status = Number(preferred);
      if (!(op.errorStatuses as readonly (number | string)[]).includes(status))
        return apiError(response, 501, "stub_unsupported", `status ${status} is not documented for ${route.operationId}`);
      return sendJson(response, status, responseExample(route.operationId, status));
    }

    if (route.operationId === "uploadFile") return upload(request, response);
    if (route.operationId === "getFaxReport") return sendDocument(response, PDF_BYTES, "application/pdf", `report-${faxId}.pdf`);
    // getFile: `format` overrides Accept (the spec's words); otherwise the first of the two Accept names.
    const format = request.url.searchParams.get("format");
    const accept = String(request.headers.accept ?? "*/*");
    const tiff = format === "tiff" || (format === null && accept.indexOf("image/tiff") >= 0 && !/application\/pdf|\*\/\*/.test(accept));
    if (tiff) return sendDocument(response, TIFF_BYTES, "image/tiff", `${faxId}.tiff`);
    return sendDocument(response, PDF_BYTES, "application/pdf", `${faxId}.pdf`);
  });
  return { ...stub, uploads };
}
