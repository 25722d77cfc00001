import { FaxPlusError } from "../errors/FaxPlusError.js";
import type { AttemptContext, AttemptFailure } from "./attempt-errors.js";

export interface BodyGuard extends AttemptContext {
  /** Frees the connection when the body fails. */
  abort: () => void;
}

/**
 * Re-streams the body so a server cannot hang or flood the reader: a stall, the deadline (a
 * server trickling a byte at a time), too many bytes, a cut or the caller's abort errors it.
 * The stall clock runs only while the reader waits, so a slow consumer is never timed out.
 */
export function guardBody(response: Response, guard: BodyGuard): Response {
  const source = response.body;
  if (source === null) return response;
  const { timeoutMs, signal } = guard;
  const reader = source.getReader();
  let received = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let onAbort: (() => void) | undefined;
      let failure = "cut" as AttemptFailure; // unless whatever ends the read says otherwise
      let cause: unknown;
      const wait = Math.min(timeoutMs, guard.deadlineAt - Date.now());
      const stalled = new Promise<never>((_, reject) => {
        const end = (kind: AttemptFailure, reason?: unknown) => {
          failure = kind;
          reject(reason);
        };
        onAbort = () => end("abort", signal?.reason);
        if (signal?.aborted) onAbort();
        signal?.addEventListener("abort", onAbort, { once: true });
        timer = setTimeout(() => end(wait < timeoutMs ? "late" : "stall"), wait);
      });
      try {
        const { done, value } = await Promise.race([reader.read(), stalled]);
        if (done) return controller.close();
        received += value.byteLength;
        if (received <= (guard.maxBytes ?? received)) return controller.enqueue(value);
        failure = "size";
      } catch (error) {
        cause = error;
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort as () => void);
      }
      guard.abort();
      // Built on the first failure only: the happy path never loads the messages.
      const typed =
        cause instanceof FaxPlusError ? cause : (await import("./attempt-errors.js")).attemptError(failure, guard, cause, response);
      reader.cancel(typed).catch(() => undefined);
      controller.error(typed);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  const guarded = new Response(stream, { status: response.status, statusText: response.statusText, headers: response.headers });
  Object.defineProperty(guarded, "url", { value: response.url });
  return guarded;
}
