import { describe, expect, it } from "vitest";
import { AbortError } from "../../src/errors/AbortError.js";
import { ConnectionError } from "../../src/errors/ConnectionError.js";
import { ResponseTooLargeError } from "../../src/errors/ResponseTooLargeError.js";
import { TimeoutError } from "../../src/errors/TimeoutError.js";
import { guardBody } from "../../src/internal/body-guard.js";

const encoder = new TextEncoder();

/** A body that sends `chunks` and then either ends, stalls forever, or breaks. */
function body(chunks: string[], then: "end" | "stall" | "break") {
  let i = 0;
  let cancelled: unknown;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < chunks.length) return controller.enqueue(encoder.encode(chunks[i++]));
      if (then === "end") return controller.close();
      if (then === "break") return controller.error(new TypeError("terminated"));
      return new Promise<void>(() => undefined); // never more data
    },
    cancel(reason) {
      cancelled = reason;
    },
  });
  return { stream, cancelled: () => cancelled };
}

function guarded(stream: ReadableStream<Uint8Array>, extra: Partial<Parameters<typeof guardBody>[1]> = {}) {
  let aborted = 0;
  const response = guardBody(new Response(stream, { status: 200, headers: { "content-type": "application/json" } }), {
    method: "GET",
    url: "https://api.test/v3/accounts/self/faxes",
    timeoutMs: 50,
    deadlineAt: Number.POSITIVE_INFINITY,
    abort: () => aborted++,
    ...extra,
  });
  return { response, aborted: () => aborted };
}

describe("guardBody", () => {
  it("passes a healthy body through unchanged, with status and headers", async () => {
    const { response } = guarded(body(['{"a":', "1}"], "end").stream);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({ a: 1 });
  });

  it("a body that stalls mid-way errors with TimeoutError and ends the connection", async () => {
    const source = body(['{"records":['], "stall");
    const { response, aborted } = guarded(source.stream);
    const error = await response.text().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toBe("GET https://api.test/v3/accounts/self/faxes: the response body stalled (no data for 50 ms)");
    expect(aborted()).toBe(1);
    expect(source.cancelled()).toBeInstanceOf(TimeoutError);
  });

  it("a connection cut mid-body errors with ConnectionError", async () => {
    const { response } = guarded(body(['{"records":['], "break").stream);
    const error = await response.text().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain("the connection broke while reading the response body: terminated");
  });

  it("does not time out a slow consumer: the clock runs only while waiting for data", async () => {
    const { response } = guarded(body(["ab", "cd", "ef"], "end").stream);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const parts: string[] = [];
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 80)); // longer than timeoutMs between reads
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(new TextDecoder().decode(value));
    }
    expect(parts.join("")).toBe("abcdef");
  });

  it("the caller's abort while reading errors the body with an AbortError carrying the reason", async () => {
    const controller = new AbortController();
    const { response } = guarded(body(["{"], "stall").stream, { timeoutMs: 5_000, signal: controller.signal });
    setTimeout(() => controller.abort("user left"), 20);
    const error = await response.text().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).message).toBe("GET https://api.test/v3/accounts/self/faxes was aborted by the caller");
    expect((error as Error).cause).toBe("user left");
  });

  it("guards the response in place: the same object, still a Response", async () => {
    const original = new Response(body(['{"a":1}'], "end").stream);
    const response = guardBody(original, {
      method: "GET",
      url: "u",
      timeoutMs: 50,
      deadlineAt: Number.POSITIVE_INFINITY,
      abort: () => undefined,
    });
    expect(response).toBe(original);
    expect(response).toBeInstanceOf(Response);
    expect(await response.json()).toEqual({ a: 1 });
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
  });

  it.each(["text", "arrayBuffer", "blob", "bytes"] as const)("%s() errors on a stall like json() does", async (method) => {
    const { response, aborted } = guarded(body(['{"records":['], "stall").stream);
    const error = await (response[method] as () => Promise<unknown>).call(response).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(aborted()).toBe(1);
  });

  it("arrayBuffer() and bytes() hold exactly the body, whatever buffer its chunks came in", async () => {
    const pooled = new Uint8Array(64).fill(120); // a chunk that is a view into a larger buffer
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(pooled.subarray(10, 13));
        controller.close();
      },
    });
    const buffer = await guarded(stream).response.arrayBuffer();
    expect(buffer.byteLength).toBe(3);
    const bytes = await guarded(body(["abc", "de"], "end").stream).response.bytes();
    expect(new TextDecoder().decode(bytes)).toBe("abcde");
    expect(bytes.buffer.byteLength).toBe(5);
  });

  it("a clone is guarded as well: both copies read the body, a stall errors each", async () => {
    const healthy = guarded(body(['{"a":', "1}"], "end").stream).response;
    const copy = healthy.clone();
    expect(await copy.json()).toEqual({ a: 1 });
    expect(await healthy.json()).toEqual({ a: 1 });

    const stalled = guarded(body(['{"records":['], "stall").stream).response;
    const stalledCopy = stalled.clone();
    const errors = await Promise.all([stalledCopy.text(), stalled.text()].map((read) => read.catch((e: unknown) => e)));
    expect(errors[0]).toBeInstanceOf(TimeoutError);
    expect(errors[1]).toBeInstanceOf(TimeoutError);
  });

  it("more than maxBytes errors with ResponseTooLargeError, from text() and from the stream alike", async () => {
    const big = () => guarded(body(["x".repeat(60), "x".repeat(60)], "end").stream, { maxBytes: 100 }).response;
    await expect(big().text()).rejects.toBeInstanceOf(ResponseTooLargeError);
    const reader = (big().body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await expect(reader.read()).rejects.toBeInstanceOf(ResponseTooLargeError);
  });

  it("the deadline ends a body that keeps trickling, as a TimeoutError naming the deadline", async () => {
    let n = 0;
    const trickle = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        controller.enqueue(encoder.encode(String(n++ % 10)));
      },
    });
    const { response } = guarded(trickle, { deadlineAt: Date.now() + 80, deadlineMs: 80 });
    const error = await response.text().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toContain("did not finish within its deadline of 80 ms (the response body was still arriving)");
  });

  it("returns a response without a body as it is", () => {
    const empty = new Response(null, { status: 204 });
    expect(
      guardBody(empty, { method: "DELETE", url: "u", timeoutMs: 10, deadlineAt: Number.POSITIVE_INFINITY, abort: () => undefined }),
    ).toBe(empty);
  });
});
