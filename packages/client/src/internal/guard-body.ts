import { ConnectionError } from "../errors/ConnectionError.js";
import { FaxPlusError } from "../errors/FaxPlusError.js";
import { TimeoutError } from "../errors/TimeoutError.js";

/** What {@link guardBody} needs to know about the attempt whose body it watches. */
export interface BodyGuard {
  method: string;
  /** Redacted URL, for messages. */
  url: string;
  /** Longest wait for the next chunk, in ms. */
  timeoutMs: number;
  /** Ends the underlying attempt (frees the connection) when the body stalls. */
  abort: () => void;
  /** The caller's signal: aborting it while the body is read errors the body with `aborted(reason)`. */
  signal?: AbortSignal;
  aborted?: (reason: unknown) => Error;
  /** Credentials to scrub from the errors created here. */
  secrets?: readonly string[];
  /** Operation being called, recorded on the errors created here. */
  operationId?: string;
}

/**
 * The response with its body re-streamed so that a server that stops sending half-way
 * cannot hang the reader: every read that waits on the network longer than `timeoutMs`
 * errors the body with a `TimeoutError` and ends the connection; a connection cut mid-body
 * errors it with a `ConnectionError`; the caller's abort errors it with an `AbortError`. The clock runs only while the reader waits for data,
 * so a slow consumer of a large download is never timed out. Status, headers and `url` are
 * kept; a response without a body is returned as is.
 */
export function guardBody(response: Response, guard: BodyGuard): Response {
  const source = response.body;
  if (source === null) return response;
  const { method, url, timeoutMs, signal } = guard;
  const reader = source.getReader();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let onAbort: (() => void) | undefined;
      // The errors created here take method, URL, timeout, secrets and operation from the guard itself.
      const stalled = new Promise<never>((_, reject) => {
        if (signal) {
          onAbort = () => reject(guard.aborted ? guard.aborted(signal.reason) : signal.reason);
          if (signal.aborted) onAbort();
          else signal.addEventListener("abort", onAbort, { once: true });
        }
        timer = setTimeout(
          () => reject(new TimeoutError(`${method} ${url}: the response body stalled (no data for ${timeoutMs} ms)`, guard)),
          timeoutMs,
        );
      });
      try {
        const { done, value } = await Promise.race([reader.read(), stalled]);
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        const typed =
          error instanceof FaxPlusError
            ? error
            : new ConnectionError(
                `${method} ${url}: the connection broke while reading the response body: ${error instanceof Error ? error.message : String(error)}`,
                { ...guard, cause: error },
              );
        guard.abort();
        reader.cancel(typed).catch(() => undefined);
        controller.error(typed);
      } finally {
        clearTimeout(timer);
        if (onAbort) signal?.removeEventListener("abort", onAbort);
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
  const guarded = new Response(stream, { status: response.status, statusText: response.statusText, headers: response.headers });
  Object.defineProperty(guarded, "url", { value: response.url });
  return guarded;
}
