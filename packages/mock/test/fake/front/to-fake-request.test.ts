import { describe, expect, it } from "vitest";
import { toFakeRequest } from "../../../src/fake/msw/to-fake-request.js";

// The conversion on its own, for what a test through fetch cannot send.

describe("toFakeRequest", () => {
  it("a declared Content-Length over the limit is refused without reading the body", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(16));
      },
    });
    const request = new Request("https://restapi.fax.plus/v3/files", {
      method: "POST",
      headers: { "content-length": "300000000" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(await toFakeRequest(request, 1024)).toEqual({
      ok: false,
      status: 413,
      body: {
        error: "payload_too_large",
        description: "the mock accepts request bodies of at most 1024 bytes (maxBodyBytes); this one declares 300000000 bytes",
      },
    });
    expect(pulled).toBeLessThanOrEqual(1); // a stream may pull once on creation; nothing more is read
  });

  it("an endless body is cut as soon as the count passes the limit", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(256));
      },
    });
    const request = new Request("https://restapi.fax.plus/v3/files", { method: "POST", body: endless, duplex: "half" } as RequestInit);
    const converted = await toFakeRequest(request, 1024);
    expect(converted).toMatchObject({ ok: false, status: 413 });
    expect(pulled).toBeLessThan(10);
  });

  it("a header listed twice (set-cookie) is joined; a header named __proto__ stays a header", async () => {
    const headers = new Headers();
    headers.append("set-cookie", "a=1");
    headers.append("set-cookie", "b=2");
    headers.append("__proto__", "x");
    const converted = await toFakeRequest(new Request("https://restapi.fax.plus/v3/x", { headers }), 1024);
    expect(converted.ok && converted.request.headers["set-cookie"]).toBe("a=1, b=2");
    expect(converted.ok && Object.hasOwn(converted.request.headers, "__proto__")).toBe(true);
  });

  it("a method in lower case is upper case for the engine", async () => {
    const converted = await toFakeRequest(new Request("https://restapi.fax.plus/v3/x", { method: "patch" }), 1024);
    expect(converted.ok && converted.request.method).toBe("PATCH");
  });
});
