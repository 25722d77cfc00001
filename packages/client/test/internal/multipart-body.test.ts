import { describe, expect, it } from "vitest";
import { multipartBody } from "../../src/internal/multipart-body.js";

const text = (s: string) => new TextEncoder().encode(s);
const streamOf = (...chunks: unknown[]) =>
  new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.shift();
      if (next === undefined) controller.close();
      else controller.enqueue(next as Uint8Array);
    },
  });

async function bodyText(body: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(body).text();
}

describe("multipartBody", () => {
  it("writes one file part: header, the source's bytes, closing boundary", async () => {
    const { body, contentType } = multipartBody(
      { name: "fax_file", fileName: "a.pdf", contentType: "application/pdf", source: streamOf(text("%PDF"), text("-1.7")) },
      "BOUNDARY",
    );
    expect(contentType).toBe("multipart/form-data; boundary=BOUNDARY");
    expect(await bodyText(body)).toBe(
      '--BOUNDARY\r\nContent-Disposition: form-data; name="fax_file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\r\n--BOUNDARY--\r\n',
    );
  });

  it("is what a multipart parser reads back, with a random boundary", async () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
    const { body, contentType } = multipartBody({
      name: "fax_file",
      fileName: "bytes.bin",
      contentType: "application/octet-stream",
      source: streamOf(bytes.slice(0, 1), bytes.slice(1, 65_536), bytes.slice(65_536)),
    });
    expect(contentType).toMatch(/^multipart\/form-data; boundary=----faxkit[0-9a-f]{48}$/);
    const form = await new Request("http://x/", {
      method: "POST",
      body,
      headers: { "content-type": contentType },
      duplex: "half",
    } as RequestInit).formData();
    const part = form.get("fax_file") as File;
    expect(part.name).toBe("bytes.bin");
    expect(part.type).toBe("application/octet-stream");
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(bytes);
  });

  it("uses a different boundary each time", () => {
    const a = multipartBody({ name: "f", fileName: "a", contentType: "text/plain", source: streamOf() });
    const b = multipartBody({ name: "f", fileName: "a", contentType: "text/plain", source: streamOf() });
    expect(a.contentType).not.toBe(b.contentType);
  });

  it("percent-encodes quotes and line breaks in names, as browsers do", async () => {
    const { body } = multipartBody({ name: 'x"y', fileName: 'a"\r\nb.pdf', contentType: "application/pdf", source: streamOf() }, "B");
    expect(await bodyText(body)).toContain('name="x%22y"; filename="a%22%0D%0Ab.pdf"\r\n');
  });

  it("refuses a content type with a line break (header injection)", () => {
    expect(() => multipartBody({ name: "f", fileName: "a", contentType: "text/plain\r\nX-Evil: 1", source: streamOf() })).toThrow(
      TypeError,
    );
  });

  it("errors with a TypeError on a chunk that is not bytes, and records it as the failure", async () => {
    const multipart = multipartBody(
      { name: "f", fileName: "a", contentType: "text/plain", source: streamOf(text("ok"), "not bytes") },
      "B",
    );
    expect(multipart.failure).toBeUndefined();
    await expect(bodyText(multipart.body)).rejects.toThrow("the upload stream must yield Uint8Array chunks (got string)");
    expect(multipart.failure?.error).toBeInstanceOf(TypeError);
  });

  it("passes on the source's error and records it", async () => {
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error("disk gone"));
      },
    });
    const multipart = multipartBody({ name: "f", fileName: "a", contentType: "text/plain", source: broken }, "B");
    await expect(bodyText(multipart.body)).rejects.toThrow("disk gone");
    expect((multipart.failure?.error as Error).message).toBe("disk gone");
  });

  it("cancels the source when the body is cancelled", async () => {
    let cancelled: unknown;
    const source = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(text("x"));
      },
      cancel(reason) {
        cancelled = reason;
      },
    });
    const { body } = multipartBody({ name: "f", fileName: "a", contentType: "text/plain", source }, "B");
    const reader = body.getReader();
    await reader.read();
    await reader.cancel("stop");
    expect(cancelled).toBe("stop");
  });
});
