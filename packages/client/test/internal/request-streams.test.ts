import { describe, expect, it, vi } from "vitest";

// The files API asks this module whether fetch can send streams; here it answers "no" (as in
// Firefox or Safari), to check the fallback. The real function is tested through importActual.
vi.mock("../../src/internal/request-streams.js", () => ({ supportsRequestStreams: () => false }));

const { supportsRequestStreams } = await vi.importActual<typeof import("../../src/internal/request-streams.js")>(
  "../../src/internal/request-streams.js",
);
const { createFaxPlusClient } = await import("../../src/index.js");

describe("supportsRequestStreams", () => {
  it("is true in Node", () => {
    expect(supportsRequestStreams()).toBe(true);
  });

  it("is false for a Request that ignores duplex and turns the stream into text (Firefox, Safari)", () => {
    class TextBodyRequest extends Request {
      constructor(input: RequestInfo | URL, init?: RequestInit) {
        super(input, { method: init?.method ?? "POST", body: String(init?.body) });
      }
    }
    expect(supportsRequestStreams(TextBodyRequest)).toBe(false);
  });

  it("is false for a Request that throws on a stream body", () => {
    class NoStreams extends Request {
      constructor(input: RequestInfo | URL) {
        super(input);
        throw new TypeError("streams not supported");
      }
    }
    expect(supportsRequestStreams(NoStreams)).toBe(false);
  });
});

describe("files.upload where fetch cannot send streams", () => {
  it("reads the stream into a Blob and sends it as FormData", async () => {
    const sent: Request[] = [];
    let form: FormData | undefined;
    const fetch = (async (request: Request) => {
      sent.push(request);
      form = await request.formData();
      return Response.json({ path: "/storage/x.pdf" });
    }) as typeof globalThis.fetch;
    const fax = createFaxPlusClient({ fetch, token: "t", maxRetries: 0 });
    const pdf = new TextEncoder().encode("%PDF-1.7 streamed then buffered");
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(pdf.slice(0, 3));
        controller.enqueue(pdf.slice(3));
        controller.close();
      },
    });
    await expect(fax.files.upload(stream)).resolves.toEqual({ path: "/storage/x.pdf" });
    expect(sent[0]?.headers.get("content-type")).not.toContain("----faxkit");
    const part = form?.get("fax_file") as File;
    expect(part).toMatchObject({ name: "document.pdf", type: "application/pdf" });
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(pdf);
  });
});
