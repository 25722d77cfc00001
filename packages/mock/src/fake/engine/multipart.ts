import { quoteRequestText } from "../../internal/quote-request-text.js";
import { LIMITS } from "./limits.js";

/** One part of a multipart/form-data body. */
export interface FormPart {
  name: string;
  fileName: string | undefined;
  contentType: string | undefined;
  /** A view into the request body: copy it to keep it. */
  bytes: Uint8Array;
}

export type MultipartResult = { ok: true; parts: FormPart[] } | { ok: false; description: string };

const headerText = new TextDecoder("utf-8");
// RFC 2046 bchars: a boundary holds no CR or LF, so a delimiter cannot overlap itself and the scan stays linear.
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;

/**
 * Splits a multipart/form-data body (RFC 7578) into its parts, bounded: at most
 * {@link LIMITS.multipartParts} parts, each header block at most
 * {@link LIMITS.multipartHeaderBytes}. Anything malformed is a description for a 400 that
 * says what is wrong; request text in it is quoted.
 *
 * @example
 * ```ts
 * const result = parseMultipart(body, 'multipart/form-data; boundary="xyz"');
 * if (result.ok) console.log(result.parts.map((p) => p.name));
 * ```
 */
export function parseMultipart(body: Uint8Array, contentType: string | undefined): MultipartResult {
  const boundary = boundaryOf(contentType);
  if (typeof boundary !== "string") return boundary;
  const delimiter = ascii(`--${boundary}`);
  const start = indexOfBytes(body, delimiter, 0);
  if (start === -1) return bad("the multipart body has no boundary line");
  const parts: FormPart[] = [];
  let cursor = start + delimiter.length;
  for (;;) {
    if (body[cursor] === 45 && body[cursor + 1] === 45) return { ok: true, parts };
    if (body[cursor] !== 13 || body[cursor + 1] !== 10) return bad("a multipart boundary line is not followed by CRLF or --");
    if (parts.length >= LIMITS.multipartParts) return bad(`the multipart body has more than ${LIMITS.multipartParts} parts`);
    const headersStart = cursor + 2;
    const headersEnd = indexOfBytes(body, ascii("\r\n\r\n"), headersStart, headersStart + LIMITS.multipartHeaderBytes);
    if (headersEnd === -1) return bad(`a multipart part has no end of headers within ${LIMITS.multipartHeaderBytes} bytes`);
    const next = nextDelimiter(body, ascii(`\r\n--${boundary}`), headersEnd + 4);
    if (next === -1) return bad("the multipart body ends without its closing boundary");
    const part = readPart(headerText.decode(body.subarray(headersStart, headersEnd)), body.subarray(headersEnd + 4, next));
    if ("description" in part) return bad(part.description);
    parts.push(part);
    cursor = next + 2 + delimiter.length;
  }
}

/** The next CRLF--boundary that ends a line (followed by CRLF or `--`): the same text inside a file, followed by more, is data. */
function nextDelimiter(body: Uint8Array, delimiter: Uint8Array, from: number): number {
  for (let at = indexOfBytes(body, delimiter, from); at !== -1; at = indexOfBytes(body, delimiter, at + 1)) {
    const after = at + delimiter.length;
    if ((body[after] === 13 && body[after + 1] === 10) || (body[after] === 45 && body[after + 1] === 45)) return at;
  }
  return -1;
}

function bad(description: string): { ok: false; description: string } {
  return { ok: false, description };
}

function boundaryOf(contentType: string | undefined): string | { ok: false; description: string } {
  if (contentType === undefined || contentType.trim() === "")
    return bad("an upload must be multipart/form-data (no content-type was sent)");
  const [type, ...params] = contentType.split(";");
  if (type?.trim().toLowerCase() !== "multipart/form-data")
    return bad(`an upload must be multipart/form-data (got content-type ${quoteRequestText(contentType)})`);
  for (const param of params) {
    const eq = param.indexOf("=");
    if (eq === -1 || param.slice(0, eq).trim().toLowerCase() !== "boundary") continue;
    const value = unquote(param.slice(eq + 1).trim());
    if (!BOUNDARY.test(value)) return bad(`the multipart boundary ${quoteRequestText(value)} is not 1 to 70 allowed characters`);
    return value;
  }
  return bad("the multipart content-type has no boundary parameter");
}

function readPart(headers: string, bytes: Uint8Array): FormPart | { description: string } {
  let disposition: string | undefined;
  let contentType: string | undefined;
  for (const line of headers.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0) return { description: `a multipart part header line ${quoteRequestText(line)} has no name` };
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === "content-disposition") disposition = value;
    else if (name === "content-type") contentType = value;
  }
  if (disposition === undefined) return { description: "a multipart part has no Content-Disposition header" };
  const [kind, ...params] = splitParams(disposition);
  if (kind?.toLowerCase() !== "form-data")
    return { description: `a multipart part's Content-Disposition is ${quoteRequestText(disposition)}, not form-data` };
  const values = new Map<string, string>();
  for (const param of params) {
    const eq = param.indexOf("=");
    if (eq > 0) values.set(param.slice(0, eq).trim().toLowerCase(), unquote(param.slice(eq + 1).trim()));
  }
  const name = values.get("name");
  if (name === undefined) return { description: "a multipart part's Content-Disposition has no name" };
  return { name, fileName: values.get("filename"), contentType, bytes };
}

/** Splits on `;` outside double quotes (a quoted filename may hold one). */
function splitParams(value: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const char = value[i] as string;
    if (char === "\\" && quoted) {
      current += char + (value[i + 1] ?? "");
      i++;
    } else if (char === '"') {
      quoted = !quoted;
      current += char;
    } else if (char === ";" && !quoted) {
      out.push(current.trim());
      current = "";
    } else current += char;
  }
  out.push(current.trim());
  return out;
}

function unquote(value: string): string {
  if (value.length < 2 || !value.startsWith('"') || !value.endsWith('"')) return value;
  return value.slice(1, -1).replace(/\\(.)/g, "$1");
}

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => char.charCodeAt(0));
}

/** First index of `needle` in `haystack` at or after `from` (and, with `limit`, starting before it), or -1. */
export function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from: number, limit = haystack.length): number {
  const first = needle[0] as number;
  const last = Math.min(limit, haystack.length - needle.length + 1);
  for (let i = haystack.indexOf(first, from); i !== -1 && i < last; i = haystack.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}
