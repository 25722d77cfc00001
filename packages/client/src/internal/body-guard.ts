import type { FaxPlusError } from "../errors/FaxPlusError.js";
import type { AttemptContext, AttemptFailure } from "./attempt-errors.js";

export interface BodyGuard extends AttemptContext {
  /** Frees the connection when the body fails. */
  abort: () => void;
}

interface GuardedBody {
  /** The body re-streamed under the same guard, once `body` or `clone()` asked for it. */
  stream?: ReadableStream<Uint8Array>;
  /** The whole body for `text()`, possibly a view of fetch's own (pooled) buffer: decoded, never handed out. */
  view(): Promise<Uint8Array>;
  restream(): ReadableStream<Uint8Array>;
}

const GUARDED = Symbol("guarded body");
type Guarded = Response & { [GUARDED]: GuardedBody };
const noop = () => undefined;
const decoder = new TextDecoder();

let guardedPrototype: object | undefined;

/**
 * Response's body methods over the guarded body, made on first use (`Response` may be missing
 * at import): `text()` and `json()` read it as it is; the rest take it re-streamed.
 */
function prototypeOfGuarded(): object {
  if (guardedPrototype) return guardedPrototype;
  const methods: Record<string, (this: Guarded) => unknown> = {
    async text() {
      return decoder.decode(await this[GUARDED].view());
    },
    async json() {
      return JSON.parse(await this.text());
    },
    clone() {
      const guarded = this[GUARDED];
      const [mine, theirs] = guarded.restream().tee();
      guarded.stream = mine;
      return Object.defineProperty(new Response(theirs, this), "url", { value: this.url });
    },
  };
  for (const name of ["arrayBuffer", "blob", "bytes", "formData"] as const)
    methods[name] = function (this: Guarded) {
      return new Response(this.body, this)[name]();
    };
  guardedPrototype = Object.create(Response.prototype, {
    body: {
      get(this: Guarded) {
        return this[GUARDED].restream();
      },
    },
  });
  return Object.assign(guardedPrototype as object, methods);
}

/**
 * Guards the body of `response` (the same object is returned) so a server cannot hang or
 * flood the reader: a stall (no data for `timeoutMs` while a reader waits), the deadline (a
 * server trickling a byte at a time), more than `maxBytes`, a cut or the caller's abort errors
 * it with the typed error. `text()` and `json()` (what JSON calls use) read it without
 * re-streaming; `body`, `clone()` and the other readers take it re-streamed under the same guard.
 * One timer serves every read: a read notes when it began to wait, and the timer, when it
 * fires, fails a read that has waited too long — a slow consumer, not waiting, is never timed out.
 *
 * @example
 * ```ts
 * const guarded = guardBody(response, { ...context, abort: () => controller.abort() });
 * await guarded.json(); // TimeoutError if the body stalls for timeoutMs
 * ```
 */
export function guardBody(response: Response, guard: BodyGuard): Response {
  const source = response.body;
  if (source === null) return response;
  const { timeoutMs, deadlineAt, signal } = guard;
  const maxBytes = guard.maxBytes ?? Number.POSITIVE_INFINITY;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let received = 0;
  let waitingSince = -1; // when the pending read began, or -1: nobody waits
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failed: Promise<FaxPlusError> | undefined;

  const settle = () => {
    clearTimeout(timer);
    timer = undefined;
    signal?.removeEventListener("abort", onAbort);
  };
  // The typed error is built on the first failure only (the happy path never loads the
  // messages); the pending read ends when the reader is cancelled with it.
  const fail = (kind: AttemptFailure, cause?: unknown) => {
    if (failed) return;
    settle();
    guard.abort();
    failed = import("./attempt-errors.js").then((module) => module.bodyError(kind, guard, cause, response));
    failed.then((typed) => reader?.cancel(typed).catch(noop));
  };
  const onAbort = () => fail("abort", signal?.reason);
  const tick = () => {
    timer = undefined;
    if (waitingSince < 0 || failed) return;
    const now = Date.now();
    if (now >= deadlineAt) fail("late");
    else if (now - waitingSince >= timeoutMs) fail("stall");
    else timer = setTimeout(tick, Math.min(waitingSince + timeoutMs, deadlineAt) - now);
  };
  const next = async (): Promise<ReadableStreamReadResult<Uint8Array>> => {
    if (!reader) {
      reader = source.getReader();
      if (signal?.aborted) onAbort();
      else signal?.addEventListener("abort", onAbort);
    }
    if (failed) throw await failed;
    waitingSince = Date.now();
    timer ??= setTimeout(tick, Math.min(timeoutMs, deadlineAt - waitingSince));
    let result: ReadableStreamReadResult<Uint8Array> | undefined;
    try {
      result = await reader.read();
    } catch (error) {
      fail("cut", error);
    }
    waitingSince = -1;
    if (failed) throw await failed;
    const read = result as ReadableStreamReadResult<Uint8Array>;
    if (read.done) settle();
    else received += read.value.byteLength;
    if (received > maxBytes) {
      fail("size");
      throw await failed;
    }
    return read;
  };

  const guarded: GuardedBody = {
    async view() {
      if (guarded.stream) return new Uint8Array(await new Response(guarded.stream).arrayBuffer());
      if (reader) throw new TypeError("Body is unusable: Body has already been read");
      const chunks: Uint8Array[] = [];
      for (let part = await next(); !part.done; part = await next()) chunks.push(part.value);
      if (chunks.length === 1) return chunks[0] as Uint8Array;
      const all = new Uint8Array(received);
      let offset = 0;
      for (const chunk of chunks) {
        all.set(chunk, offset);
        offset += chunk.byteLength;
      }
      return all;
    },
    restream() {
      guarded.stream ??= new ReadableStream<Uint8Array>({
        async pull(controller) {
          const { done, value } = await next();
          if (done) controller.close();
          else controller.enqueue(value);
        },
        cancel(reason) {
          settle();
          return reader ? reader.cancel(reason) : source.cancel(reason);
        },
      });
      return guarded.stream;
    },
  };
  (response as Guarded)[GUARDED] = guarded;
  return Object.setPrototypeOf(response, prototypeOfGuarded());
}
