import { quoteRequestText } from "../../../internal/quote-request-text.js";
import { fail } from "../answer-error.js";
import { bytesAnswer, jsonAnswer } from "../answers.js";
import { faxTime, newId } from "../fixtures.js";
import { LIMITS } from "../limits.js";
import type { FormPart } from "../multipart.js";
import { type OperationCall, type OperationHandler, userOf } from "../operation-context.js";
import type { FaxEntry, StoredDocument } from "../state.js";
import { textPdf } from "../text-pdf.js";
import { faxOrFail } from "./faxes.js";

const FILE_PART = "fax_file";
const TIFF = "image/tiff";
const PDF = "application/pdf";
/** The spec's `encoding.fax_file.contentType`, plus what a client sends when it cannot tell the type. */
const ACCEPTED_TYPES = new Set([
  PDF,
  TIFF,
  "image/jpeg",
  "image/png",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "text/plain",
  "application/octet-stream",
]);

function filePart(call: OperationCall): FormPart {
  const part = call.parts?.find((p) => p.name === FILE_PART);
  if (!part) throw fail(400, `the upload has no part named "${FILE_PART}"`);
  // The spec's `format: binary`: a file part, which carries a file name; a plain text field does not.
  if (part.fileName === undefined) throw fail(400, `"${FILE_PART}" must be a file part (with a file name)`, "invalid_file");
  const mediaType = (part.contentType ?? "application/octet-stream").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!ACCEPTED_TYPES.has(mediaType))
    throw fail(
      400,
      `"${FILE_PART}" of type ${quoteRequestText(mediaType)} is not accepted (PDF, TIFF, JPEG, PNG, Word or text)`,
      "invalid_file_type",
    );
  if (part.bytes.byteLength === 0) throw fail(400, `the "${FILE_PART}" part is empty`);
  if (part.bytes.byteLength > LIMITS.sendBytes) throw fail(400, `the file is over the ${LIMITS.sendBytes} bytes a fax may carry`);
  return part;
}

/** The stored file's extension: the `format` asked for, else the file name's, else pdf. */
function extensionOf(part: FormPart, format: unknown): string {
  if (typeof format === "string") return format;
  const fromName = /\.([A-Za-z0-9]{1,5})$/.exec(part.fileName ?? "")?.[1];
  return fromName?.toLowerCase() ?? "pdf";
}

/** Stores the `fax_file` part (a copy: the request's buffer is not kept) and answers with its path for `sendFax`. */
const uploadFile: OperationHandler = (call, ctx) => {
  const owner = userOf(call, ctx);
  const part = filePart(call);
  if (!ctx.state.hasRoomForFile(part.bytes.byteLength))
    throw fail(400, `the fake's file store is full (${LIMITS.files} files, ${LIMITS.fileBytes} bytes); reset() empties it`);
  const path = `/storage/${faxTime(ctx.clock.now()).slice(0, 10)}/${newId()}.${extensionOf(part, call.query.format)}`;
  const document: StoredDocument = {
    // A fresh copy: a Node Buffer's slice() would share (pooled) memory with the request.
    bytes: new Uint8Array(part.bytes),
    contentType: part.contentType ?? "application/octet-stream",
    fileName: part.fileName ?? FILE_PART,
  };
  ctx.state.uploads.set(path, { path, owner, document });
  ctx.state.countFile(document.bytes.byteLength);
  return jsonAnswer(200, { path });
};

/** `format` wins; else an Accept that takes TIFF and not PDF; else the document's own type if TIFF; else PDF. */
function downloadType(call: OperationCall, document: StoredDocument | undefined): string {
  if (call.query.format === "tiff") return TIFF;
  if (call.query.format === "pdf") return PDF;
  const accept = call.headers.accept?.toLowerCase() ?? "";
  if (accept.includes(TIFF) && !accept.includes(PDF)) return TIFF;
  return document?.contentType === TIFF ? TIFF : PDF;
}

function placeholder(entry: FaxEntry): Uint8Array {
  const { fax } = entry;
  return textPdf([`Fax ${fax.id}`, `From: ${fax.from ?? ""}`, `To: ${fax.to ?? ""}`, `Pages: ${fax.pages}`]);
}

/**
 * The fax's document: the first file it was sent with, byte for byte (a seeded fax without a
 * seeded file gets a one-page placeholder PDF). No conversion happens: TIFF asked of a PDF
 * gives the same bytes under `image/tiff`.
 */
const getFile: OperationHandler = (call, ctx) => {
  const entry = faxOrFail(call, ctx);
  const document = entry.documents[0];
  const type = downloadType(call, document);
  return bytesAnswer(document?.bytes ?? placeholder(entry), type, `${entry.fax.id}.${type === TIFF ? "tiff" : "pdf"}`);
};

const getFaxReport: OperationHandler = (call, ctx) => {
  const { fax } = faxOrFail(call, ctx);
  const bytes = textPdf([
    "Fax confirmation report",
    `Fax id: ${fax.id}`,
    `From: ${fax.from ?? ""}`,
    `To: ${fax.to ?? ""}`,
    `Pages: ${fax.pages}`,
    `Status: ${fax.status}`,
    `Time: ${fax.start_time ?? ""} UTC`,
  ]);
  return bytesAnswer(bytes, PDF, `report-${fax.id}.pdf`);
};

export const fileHandlers = { uploadFile, getFile, getFaxReport } satisfies Record<string, OperationHandler>;
