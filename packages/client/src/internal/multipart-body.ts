/** One file part of a streamed `multipart/form-data` body. */
export interface MultipartFilePart {
  /** Form field name, e.g. `"fax_file"`. */
  name: string;
  /** `filename` of the part. */
  fileName: string;
  /** `Content-Type` of the part, e.g. `"application/pdf"`. */
  contentType: string;
  /** The file's bytes; read as the body is sent, never all at once. */
  source: ReadableStream<Uint8Array>;
}

/** A streamed multipart body, its `Content-Type` (with the boundary), and what broke it, if anything did. */
export interface MultipartBody {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  /**
   * Set when the body errored because of its source: the source's own error, or the
   * `TypeError` for a chunk that is not a `Uint8Array`. fetch reports such a failure as a
   * network error ("fetch failed"); this is the error worth showing instead.
   */
  readonly failure: { error: unknown } | undefined;
}

/** A random boundary: 24 random bytes as hex cannot plausibly occur in the content. */
function randomBoundary(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return `----faxkit${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** Escapes a name or file name for a quoted header parameter, as browsers do (WHATWG HTML, multipart/form-data encoding). */
function quoted(value: string): string {
  return `"${value.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A")}"`;
}

/**
 * A `multipart/form-data` body with one file part that streams its source instead of
 * buffering it: the part header, then the source's chunks as they arrive, then the closing
 * boundary. Its length is unknown up front, so it is sent with chunked transfer encoding
 * (`duplex: "half"` in fetch). A chunk that is not a `Uint8Array` errors the body with a
 * `TypeError`; cancelling the body cancels the source. The source is locked at once.
 *
 * @example
 * ```ts
 * const { body, contentType } = multipartBody({ name: "fax_file", fileName: "a.pdf", contentType: "application/pdf", source });
 * await fetch(url, { method: "POST", body, headers: { "content-type": contentType }, duplex: "half" });
 * ```
 */
export function multipartBody(part: MultipartFilePart, boundary: string = randomBoundary()): MultipartBody {
  if (/[\r\n]/.test(part.contentType))
    throw new TypeError(`multipart part content type must be one line (got ${JSON.stringify(part.contentType)})`);
  const encoder = new TextEncoder();
  const head = encoder.encode(
    `--${boundary}\r\nContent-Disposition: form-data; name=${quoted(part.name)}; filename=${quoted(part.fileName)}\r\n` +
      `Content-Type: ${part.contentType}\r\n\r\n`,
  );
  const tail = encoder.encode(`\r\n--${boundary}--\r\n`);
  const reader = part.source.getReader();
  let started = false;
  let failure: { error: unknown } | undefined;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        return controller.enqueue(head);
      }
      for (;;) {
        let chunk: ReadableStreamReadResult<unknown>;
        try {
          chunk = await reader.read();
        } catch (error) {
          failure = { error };
          return controller.error(error);
        }
        if (chunk.done) {
          controller.enqueue(tail);
          return controller.close();
        }
        const { value } = chunk;
        if (!(value instanceof Uint8Array)) {
          const error = new TypeError(`the upload stream must yield Uint8Array chunks (got ${value === null ? "null" : typeof value})`);
          failure = { error };
          reader.cancel(error).catch(() => undefined);
          return controller.error(error);
        }
        if (value.byteLength > 0) return controller.enqueue(value);
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return {
    body,
    contentType: `multipart/form-data; boundary=${boundary}`,
    get failure() {
      return failure;
    },
  };
}
