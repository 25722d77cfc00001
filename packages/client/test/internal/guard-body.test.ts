import { describe, expect, it } from "vitest";
import { TimeoutError } from "../../src/errors/TimeoutError.js";
import { guardBody, preloadBodyGuard } from "../../src/internal/guard-body.js";

const context = {
  method: "GET",
  url: "https://api.test/v3/x",
  timeoutMs: 30,
  deadlineAt: Number.POSITIVE_INFINITY,
  abort: () => undefined,
};

function stalled(): Response {
  return new Response(new ReadableStream<Uint8Array>({ pull: () => new Promise<void>(() => undefined) }));
}

describe("guardBody (loading the body guard on the first response)", () => {
  it("gives the response itself, guarded: a body that stalls is a TimeoutError", async () => {
    const response = stalled();
    const guarded = await guardBody(response, context);
    expect(guarded).toBe(response);
    await expect(guarded.text()).rejects.toBeInstanceOf(TimeoutError);
  });

  it("once loaded, guards at once, without a promise in between", async () => {
    await preloadBodyGuard();
    const response = new Response('{"ok":true}');
    const guarded = guardBody(response, context);
    expect(guarded).toBe(response);
    expect(await (guarded as Response).json()).toEqual({ ok: true });
  });
});
