export interface MultipartFilePart {
  name: string;
  fileName: string;
  contentType: string;
  source: ReadableStream<Uint8Array>;
}

export interface MultipartBody {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  /** fetch reports a failing source as "fetch failed"; this is the error worth showing instead. */
  readonly failure: { error: unknown } | undefined;
}

/** 24 random bytes as hex cannot plausibly occur in the content. */
function randomBoundary(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return `----faxkit${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** As browsers do (WHATWG HTML, multipart/form-data encoding). */
function quoted(value: string): string {
  return `"${value.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A")}"`;
}

/** Streams the source instead of buffering it, so its length is unknown: sent chunked (`duplex: "half"`). */
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
