import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  createFaxPlusClient,
  NotFoundError,
  RateLimitError,
  ResponseParseError,
  TimeoutError,
} from "../../src/index.js";

const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const TIFF_LE = new Uint8Array([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0, 1, 2, 3]);
const TIFF_BE = new Uint8Array([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 1, 2, 3]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70]);
const OTHER = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]);

interface Sent {
  request: Request;
  /** The multipart body as a server parses it (uploads only). */
  form: FormData | undefined;
}

/** A client over a fetch that records each request (reading a multipart body as a server would) and answers with `reply`. */
function recording(reply: (request: Request) => Response = () => Response.json({ path: "/storage/2024-09-09/abc.pdf" })) {
  const sent: Sent[] = [];
  const fetch = (async (request: Request) => {
    const multipart = request.headers.get("content-type")?.startsWith("multipart/form-data") ?? false;
    sent.push({ request, form: multipart ? await request.formData() : undefined });
    return reply(request);
  }) as typeof globalThis.fetch;
  const fax = createFaxPlusClient({ fetch, token: "tok_files_1", maxRetries: 0 });
  return { fax, sent };
}

async function filePart(sent: Sent | undefined): Promise<{ name: string; type: string; bytes: Uint8Array }> {
  const part = sent?.form?.get("fax_file");
  if (!(part instanceof File)) throw new Error(`no file part "fax_file" in ${JSON.stringify([...(sent?.form?.keys() ?? [])])}`);
  return { name: part.name, type: part.type, bytes: new Uint8Array(await part.arrayBuffer()) };
}

/** A stream yielding `chunks` one per pull. */
function streamOf(...chunks: unknown[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    pull(controller) {
      const next = chunks.shift();
      if (next === undefined) controller.close();
      else controller.enqueue(next as Uint8Array);
    },
  });
}

describe("files.upload (recorded requests)", () => {
  it("sends a File as multipart part fax_file with its name, type and bytes, and resolves to { path }", async () => {
    const { fax, sent } = recording();
    const result = await fax.files.upload(new File([PDF], "invoice.pdf", { type: "application/pdf" }));
    expect(result).toEqual({ path: "/storage/2024-09-09/abc.pdf" });
    expect(sent).toHaveLength(1);
    const { request } = sent[0] as Sent;
    expect(request.method).toBe("POST");
    expect(request.url).toBe("https://restapi.fax.plus/v3/accounts/self/files");
    expect(request.headers.get("authorization")).toBe("Bearer tok_files_1");
    expect(request.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
    expect([...(sent[0]?.form?.keys() ?? [])]).toEqual(["fax_file"]);
    expect(await filePart(sent[0])).toEqual({ name: "invoice.pdf", type: "application/pdf", bytes: PDF });
  });

  it.each([
    ["Uint8Array (PDF)", PDF, "application/pdf", "document.pdf"],
    ["Buffer (PNG)", Buffer.from(PNG), "image/png", "document.png"],
    ["ArrayBuffer (little-endian TIFF)", TIFF_LE.slice().buffer, "image/tiff", "document.tif"],
    ["ArrayBuffer (big-endian TIFF)", TIFF_BE.slice().buffer, "image/tiff", "document.tif"],
    ["Uint8Array (JPEG)", JPEG, "image/jpeg", "document.jpg"],
    ["Uint8Array (unknown)", OTHER, "application/octet-stream", "document"],
    ["Blob without a type (PDF)", new Blob([PDF]), "application/pdf", "document.pdf"],
  ])("sniffs the type of %s and names it after the type", async (_label, input, type, name) => {
    const { fax, sent } = recording();
    await fax.files.upload(input);
    const expected = input instanceof Blob ? new Uint8Array(await input.arrayBuffer()) : new Uint8Array(input as ArrayBuffer);
    expect(await filePart(sent[0])).toEqual({ name, type, bytes: expected });
  });

  it("sends only the bytes of a Uint8Array view, not its whole buffer", async () => {
    const { fax, sent } = recording();
    const backing = new Uint8Array([9, 9, ...PDF, 9, 9]);
    await fax.files.upload(backing.subarray(2, 2 + PDF.length));
    expect((await filePart(sent[0])).bytes).toEqual(PDF);
  });

  it("takes a Blob's own type over sniffing, and the options over both", async () => {
    const { fax, sent } = recording();
    await fax.files.upload(new Blob([PDF], { type: "text/plain" }));
    await fax.files.upload(new File([PDF], "scan.bin", { type: "image/png" }), {
      fileName: "contract.pdf",
      contentType: "application/pdf",
    });
    expect(await filePart(sent[0])).toMatchObject({ name: "document.txt", type: "text/plain" });
    expect(await filePart(sent[1])).toMatchObject({ name: "contract.pdf", type: "application/pdf", bytes: PDF });
  });

  it("passes format as a query parameter and user_id as the account", async () => {
    const { fax, sent } = recording();
    await fax.files.upload(PDF, { format: "tiff", user_id: "member-7" });
    expect(sent[0]?.request.url).toBe("https://restapi.fax.plus/v3/accounts/member-7/files?format=tiff");
  });

  it("keeps its own multipart Content-Type when the call's headers carry another one", async () => {
    const { fax, sent } = recording();
    await fax.files.upload(PDF, { headers: { "content-type": "application/json", "x-trace": "t1" } });
    expect(sent[0]?.request.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
    expect(sent[0]?.request.headers.get("x-trace")).toBe("t1");
    expect((await filePart(sent[0])).bytes).toEqual(PDF);
  });

  it("streams a ReadableStream in a hand-built multipart body, sniffing across chunk boundaries", async () => {
    const { fax, sent } = recording();
    // "%P" | "DF-1.7…" : the signature is split over two chunks; an empty chunk in between.
    await fax.files.upload(streamOf(PDF.slice(0, 2), new Uint8Array(0), PDF.slice(2, 10), PDF.slice(10)));
    expect(sent[0]?.request.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=----faxkit[0-9a-f]{48}$/);
    expect(await filePart(sent[0])).toEqual({ name: "document.pdf", type: "application/pdf", bytes: PDF });
  });

  it("escapes quotes and line breaks in the streamed part's file name", async () => {
    const { fax, sent } = recording();
    await fax.files.upload(streamOf(PDF), { fileName: 'a"b\r\nc.pdf', contentType: "application/pdf" });
    // Browsers percent-encode these; a server decodes them back (undici does, like browsers).
    expect((await filePart(sent[0])).name).toBe('a"b\r\nc.pdf');
    expect(sent[0]?.form?.has("c.pdf")).toBe(false);
  });

  it("starts sending a stream before the stream has ended (no buffering first)", async () => {
    let fetchCalled!: () => void;
    const sending = new Promise<void>((resolve) => {
      fetchCalled = resolve;
    });
    const rest = PDF.slice(8);
    let sentRest = false;
    const source = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(PDF.slice(0, 8));
      },
      async pull(controller) {
        if (sentRest) return;
        // The last chunk only comes once the request is on its way; a buffering upload would wait forever.
        const tooLate = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 2_000));
        if ((await Promise.race([sending, tooLate])) === "timeout")
          return controller.error(new Error("the upload waited for the whole stream"));
        sentRest = true;
        controller.enqueue(rest);
        controller.close();
      },
    });
    const fetch = (async (request: Request) => {
      fetchCalled();
      const part = (await request.formData()).get("fax_file") as File;
      return Response.json({ path: `/storage/${part.size}.pdf` });
    }) as typeof globalThis.fetch;
    const fax = createFaxPlusClient({ fetch, token: "t", maxRetries: 0 });
    await expect(fax.files.upload(source, { contentType: "application/pdf" })).resolves.toEqual({ path: `/storage/${PDF.length}.pdf` });
  });

  it("reports a stream that yields something other than bytes as that TypeError", async () => {
    const { fax } = recording();
    await expect(fax.files.upload(streamOf(PDF.slice(0, 4), "text chunk" as unknown), { contentType: "application/pdf" })).rejects.toThrow(
      new TypeError("the upload stream must yield Uint8Array chunks (got string)"),
    );
  });

  it("reports the source stream's own error when it breaks mid-upload", async () => {
    const { fax } = recording();
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(PDF.slice(0, 8));
      },
      pull(controller) {
        controller.error(new Error("disk read failed"));
      },
    });
    await expect(fax.files.upload(broken)).rejects.toThrow("disk read failed");
  });

  it.each([
    [null, "(got null)"],
    [undefined, "(got undefined)"],
    [42, "(got 42)"],
    [
      "./invoice.pdf",
      '(got "./invoice.pdf"); to upload a file by its path, use createFaxPlusClient or fileFromPath from @faxkit/client/node',
    ],
    [{ path: "x" }, "(got an object)"],
    [[1, 2, 3], "(got an array)"],
  ])("rejects %j as the file with a TypeError naming it, sending nothing", async (input, detail) => {
    const { fax, sent } = recording();
    const error = await fax.files.upload(input as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe(
      `files.upload: file must be a Blob or File, Uint8Array or Buffer, ArrayBuffer or ReadableStream ${detail}`,
    );
    expect(sent).toHaveLength(0);
  });

  it.each([
    [{ format: "png" }, 'files.upload: format must be "pdf" or "tiff" (got "png")'],
    [{ fileName: "" }, 'files.upload: fileName must be a non-empty string (got "")'],
    [{ contentType: "pdf" }, 'files.upload: contentType must be a MIME type such as "application/pdf" (got "pdf")'],
    [{ contentType: "application/pdf\r\nX-Evil: 1" }, "files.upload: contentType must be a MIME type such as"],
    [{ user_id: "" }, 'files.upload: user_id must be a non-empty string (got "")'],
    [{ filename: "a.pdf" }, 'files.upload: unknown option "filename"; it takes format, fileName, contentType, user_id, signal'],
  ])("rejects bad options %j with a TypeError, sending nothing", async (options, message) => {
    const { fax, sent } = recording();
    const error = await fax.files.upload(PDF, options as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toContain(message);
    expect(sent).toHaveLength(0);
  });

  it("turns an error status into its typed error", async () => {
    const { fax } = recording(() => Response.json({ error: "invalid_file", description: "Unsupported file type" }, { status: 400 }));
    const error = await fax.files.upload(PDF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, code: "invalid_file", description: "Unsupported file type", operationId: "uploadFile" });
  });

  it("rejects a success without a JSON { path } as ResponseParseError", async () => {
    const notJson = recording(() => new Response("<html>ok</html>", { status: 200 }));
    const noPath = recording(() => Response.json({ id: "x" }));
    await expect(notJson.fax.files.upload(PDF)).rejects.toThrow(ResponseParseError);
    const error = await noPath.fax.files.upload(PDF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect((error as Error).message).toContain('without the uploaded file\'s "path"');
  });
});

describe("files.upload under a 429 (the POST retry of unprocessed requests)", () => {
  /** Answers the first request 429 (Retry-After 0), then a path; counts requests and the bytes each carried. */
  function busyOnce() {
    const bodies: number[] = [];
    const fetch = (async (request: Request) => {
      bodies.push((await request.arrayBuffer()).byteLength);
      if (bodies.length === 1) return Response.json({ error: "rate_limited" }, { status: 429, headers: { "retry-after": "0" } });
      return Response.json({ path: "/storage/2024-09-09/abc.pdf" });
    }) as typeof globalThis.fetch;
    return { fax: createFaxPlusClient({ fetch, token: "tok_files_2", maxRetries: 2 }), bodies };
  }

  it("retries a Blob upload, sending the whole document again", async () => {
    const { fax, bodies } = busyOnce();
    await expect(fax.files.upload(PDF)).resolves.toEqual({ path: "/storage/2024-09-09/abc.pdf" });
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toBe(bodies[0]);
  });

  it("does not retry a stream (read once; a retry would hold all of it in memory) unless the call asks", async () => {
    const once = busyOnce();
    await expect(once.fax.files.upload(streamOf(PDF))).rejects.toBeInstanceOf(RateLimitError);
    expect(once.bodies).toHaveLength(1);
    const asked = busyOnce();
    await expect(asked.fax.files.upload(streamOf(PDF), { retry: true })).resolves.toEqual({ path: "/storage/2024-09-09/abc.pdf" });
    expect(asked.bodies).toHaveLength(2);
  });
});

describe("files.download and files.report (recorded requests)", () => {
  const document = randomBytes(3000);
  const answer = (headers: Record<string, string> = {}) =>
    recording(
      () =>
        new Response(document, {
          headers: { "content-type": "application/pdf", "content-disposition": 'attachment; filename="fax-5e7d.pdf"', ...headers },
        }),
    );

  it("GETs the document with the format and a matching Accept, and reads it", async () => {
    const { fax, sent } = answer();
    const download = await fax.files.download("5e7de3ad54cfd54eb568cc76", { format: "pdf" });
    const request = sent[0]?.request as Request;
    expect(request.method).toBe("GET");
    expect(request.url).toBe("https://restapi.fax.plus/v3/accounts/self/files/5e7de3ad54cfd54eb568cc76?format=pdf");
    expect(request.headers.get("accept")).toBe("application/pdf, application/json;q=0.1");
    expect(download.contentType).toBe("application/pdf");
    expect(download.fileName).toBe("fax-5e7d.pdf");
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(new Uint8Array(document));
  });

  it("asks for TIFF with Accept image/tiff, and for either without a format", async () => {
    const { fax, sent } = answer({ "content-type": "image/tiff" });
    await fax.files.download("f1", { format: "tiff", user_id: "member-7" });
    await fax.files.download("f2");
    expect(sent[0]?.request.url).toBe("https://restapi.fax.plus/v3/accounts/member-7/files/f1?format=tiff");
    expect(sent[0]?.request.headers.get("accept")).toBe("image/tiff, application/json;q=0.1");
    expect(sent[1]?.request.url).toBe("https://restapi.fax.plus/v3/accounts/self/files/f2");
    expect(sent[1]?.request.headers.get("accept")).toBe("application/pdf, image/tiff, application/json;q=0.1");
  });

  it("encodes the fax id as one path segment", async () => {
    const { fax, sent } = answer();
    await fax.files.download("a/../b?c");
    expect(sent[0]?.request.url).toBe("https://restapi.fax.plus/v3/accounts/self/files/a%2F..%2Fb%3Fc");
  });

  it("reads into a Blob typed with the response's Content-Type", async () => {
    const { fax } = answer();
    const blob = await (await fax.files.download("f1")).blob();
    expect(blob.type).toBe("application/pdf");
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(new Uint8Array(document));
  });

  it("can be read once: a second read says what read it first", async () => {
    const { fax } = answer();
    const first = await fax.files.download("f1");
    await first.arrayBuffer();
    await expect(first.blob()).rejects.toThrow(
      new TypeError(
        "files.download: this download was already read through arrayBuffer(); a FileDownload can be read once — keep what the first read returned, or download again",
      ),
    );
    const second = await fax.files.download("f1");
    const reader = second.body.getReader();
    expect((await reader.read()).done).toBe(false);
    await expect(second.arrayBuffer()).rejects.toThrow("already read through `body`");
  });

  it("GETs the confirmation report as a PDF", async () => {
    const { fax, sent } = answer({ "content-disposition": "attachment; filename*=UTF-8''Best%C3%A4tigung.pdf" });
    const report = await fax.files.report("5e7de3ad54cfd54eb568cc76", { user_id: "member-7" });
    expect(sent[0]?.request.url).toBe("https://restapi.fax.plus/v3/accounts/member-7/report/5e7de3ad54cfd54eb568cc76");
    expect(sent[0]?.request.headers.get("accept")).toBe("application/pdf, application/json;q=0.1");
    expect(report.fileName).toBe("Bestätigung.pdf");
    expect((await report.arrayBuffer()).byteLength).toBe(document.length);
  });

  it("has a null fileName without Content-Disposition, and an empty body for an empty document", async () => {
    const { fax } = recording(() => new Response(null, { status: 200, headers: { "content-length": "0" } }));
    const download = await fax.files.download("f1");
    expect(download.fileName).toBeNull();
    expect(download.contentType).toBeNull();
    expect((await download.arrayBuffer()).byteLength).toBe(0);
  });

  it("turns error statuses into typed errors", async () => {
    const missing = recording(() => Response.json({ error: "fax_not_found", description: "No such fax" }, { status: 404 }));
    const denied = recording(() => Response.json({ error: "invalid_token" }, { status: 401 }));
    await expect(missing.fax.files.download("f1")).rejects.toThrow(NotFoundError);
    await expect(missing.fax.files.report("f1")).rejects.toMatchObject({
      name: "NotFoundError",
      code: "fax_not_found",
      operationId: "getFaxReport",
    });
    await expect(denied.fax.files.download("f1")).rejects.toThrow(AuthenticationError);
  });

  it.each([
    ["download", "", undefined, 'files.download: faxId must be a non-empty fax id string (got "")'],
    ["download", 42, undefined, "files.download: faxId must be a non-empty fax id string (got 42)"],
    ["download", "..", undefined, 'files.download: faxId must be a non-empty fax id string (got "..")'],
    ["download", "f1", { format: "png" }, 'files.download: format must be "pdf" or "tiff" (got "png")'],
    ["download", "f1", { format: "PDF" }, 'files.download: format must be "pdf" or "tiff" (got "PDF")'],
    ["report", undefined, undefined, "files.report: faxId must be a non-empty fax id string (got undefined)"],
    ["report", "f1", { format: "pdf" }, 'files.report: unknown option "format"; it takes user_id, signal'],
  ])("%s(%j, %j) is a TypeError naming the argument; nothing is sent", async (method, faxId, options, message) => {
    const { fax, sent } = answer();
    const call = method === "download" ? fax.files.download : fax.files.report;
    const error = await call(faxId as never, options as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toContain(message);
    expect(sent).toHaveLength(0);
  });
});

/**
 * End to end over a real node:http server on 127.0.0.1: the multipart body as the server
 * receives it (raw bytes, parsed), the send-fax request that uses the returned path, and a
 * document answered in many chunks.
 */
describe("files against a loopback node:http server", () => {
  const big = randomBytes(512 * 1024 + 123);
  const CHUNK = 16 * 1024;
  interface Upload {
    part: File;
    contentType: string;
    transferEncoding: string | undefined;
    contentLength: string | undefined;
  }
  const uploads: Upload[] = [];
  const sends: unknown[] = [];
  let server: Server;
  let baseUrl: string;

  const readBody = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const body = await readBody(req);
      const url = new URL(req.url ?? "/", "http://x");
      if (req.method === "POST" && url.pathname === "/v3/accounts/self/files") {
        const contentType = req.headers["content-type"] ?? "";
        const form = await new Request("http://x/", { method: "POST", body, headers: { "content-type": contentType } }).formData();
        const part = form.get("fax_file") as File;
        uploads.push({
          part,
          contentType,
          transferEncoding: req.headers["transfer-encoding"],
          contentLength: req.headers["content-length"],
        });
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ path: `/storage/2024-09-09/${uploads.length}-${part.name}` }));
      } else if (req.method === "POST" && url.pathname === "/v3/accounts/self/outbox") {
        sends.push(JSON.parse(body.toString("utf8")));
        res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ ids: { "+12345688": "1a2b3c4d5e6f7890" } }));
      } else if (req.method === "GET" && url.pathname === "/v3/accounts/self/files/big") {
        res.writeHead(200, { "content-type": "image/tiff", "content-disposition": 'attachment; filename="big.tiff"' });
        let offset = 0;
        const next = () => {
          if (offset >= big.length) return res.end();
          res.write(big.subarray(offset, offset + CHUNK));
          offset += CHUNK;
          setImmediate(next);
        };
        next();
      } else if (req.method === "GET" && url.pathname === "/v3/accounts/self/files/cut") {
        res.writeHead(200, { "content-type": "application/pdf", "content-length": String(big.length) });
        res.write(big.subarray(0, CHUNK), () => setTimeout(() => res.socket?.destroy(), 20));
      } else if (req.method === "GET" && url.pathname === "/v3/accounts/self/files/stall") {
        res.writeHead(200, { "content-type": "application/pdf" });
        res.write(big.subarray(0, CHUNK)); // and nothing more
      } else {
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "not_found", description: "No such file" }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const client = () => createFaxPlusClient({ baseUrl, token: "tok_e2e_1", timeout: 2_000, maxRetries: 0 });

  it("uploads a File, then sends a fax with the path it got back", async () => {
    const fax = client();
    const { path } = await fax.files.upload(new File([big], "contract.pdf", { type: "application/pdf" }), { format: "pdf" });
    const upload = uploads.at(-1) as Upload;
    expect(path).toBe(`/storage/2024-09-09/${uploads.length}-contract.pdf`);
    expect(upload.part.name).toBe("contract.pdf");
    expect(upload.part.type).toBe("application/pdf");
    expect(Buffer.from(await upload.part.arrayBuffer()).equals(big)).toBe(true);
    expect(upload.contentLength).toBeDefined(); // a FormData body has a known length

    const sent = await fax.outbox.send({ from: "+12345667", to: ["+12345688"], files: [path], return_ids: true });
    expect(sent).toEqual({ ids: { "+12345688": "1a2b3c4d5e6f7890" } });
    expect(sends.at(-1)).toEqual({ from: "+12345667", to: ["+12345688"], files: [path], return_ids: true });
  });

  it("streams a ReadableStream upload with chunked encoding, byte for byte", async () => {
    const chunks: Uint8Array[] = [];
    for (let offset = 0; offset < big.length; offset += 7_777) chunks.push(new Uint8Array(big.subarray(offset, offset + 7_777)));
    const { path } = await client().files.upload(streamOf(...chunks), { fileName: "stream.tiff", contentType: "image/tiff" });
    const upload = uploads.at(-1) as Upload;
    expect(path).toBe(`/storage/2024-09-09/${uploads.length}-stream.tiff`);
    expect(upload.transferEncoding).toBe("chunked");
    expect(upload.contentType).toMatch(/^multipart\/form-data; boundary=----faxkit/);
    expect(upload.part.type).toBe("image/tiff");
    expect(Buffer.from(await upload.part.arrayBuffer()).equals(big)).toBe(true);
  });

  it("downloads a body sent in many chunks, byte for byte, through the stream and whole", async () => {
    const fax = client();
    const streamed = await fax.files.download("big", { format: "tiff" });
    expect(streamed.contentType).toBe("image/tiff");
    expect(streamed.fileName).toBe("big.tiff");
    const received: Uint8Array[] = [];
    for await (const chunk of streamed.body as unknown as AsyncIterable<Uint8Array>) received.push(chunk);
    expect(received.length).toBeGreaterThan(1);
    expect(Buffer.concat(received).equals(big)).toBe(true);

    const whole = await fax.files.download("big");
    expect(Buffer.from(await whole.arrayBuffer()).equals(big)).toBe(true);
  });

  it("a body cut off mid-way rejects the read with ConnectionError; one that stalls, with TimeoutError", async () => {
    const cut = await client().files.download("cut");
    await expect(cut.arrayBuffer()).rejects.toThrow(ConnectionError);
    const stalled = await createFaxPlusClient({ baseUrl, token: "t", timeout: 150, maxRetries: 0 }).files.download("stall");
    await expect(stalled.blob()).rejects.toThrow(TimeoutError);
  });

  it("a missing document is a NotFoundError", async () => {
    await expect(client().files.download("nope")).rejects.toMatchObject({
      name: "NotFoundError",
      status: 404,
      description: "No such file",
    });
  });
});
