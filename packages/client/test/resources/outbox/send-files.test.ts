import { FaxValidationError } from "@faxkit/validator";
import { afterEach, describe, expect, it } from "vitest";
import { createFaxPlusClient, FaxPlusError, SendFilesError, ServerError } from "../../../src/index.js";
import { SEND_FILES_LIMITS } from "../../../src/resources/outbox/index.js";
import { startFakeOutbox } from "./fake-outbox-server.js";

const TOKEN = "tok_sendfiles_secret_1";
const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n");
const MiB = 1024 * 1024;
let servers: Awaited<ReturnType<typeof startFakeOutbox>>[] = [];

afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function setup(options: Parameters<typeof startFakeOutbox>[0] = {}) {
  const server = await startFakeOutbox(options);
  servers.push(server);
  const fax = createFaxPlusClient({ baseUrl: server.baseUrl, token: TOKEN, maxRetries: 0 });
  const uploads = () => server.count("POST", /^\/accounts\/self\/files$/);
  const sends = () => server.count("POST", /^\/accounts\/self\/outbox$/);
  return { server, fax, uploads, sends };
}

function streamOf(bytes: Uint8Array, chunk = 64 * 1024): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunk));
      offset += chunk;
    },
  });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable("resolved"),
    (error: unknown) => error,
  );
}

describe("outbox.sendFiles", () => {
  it("uploads a File, bytes and a stream in order, sends once with their paths, and returns result, paths and ids", async () => {
    const { fax, server, uploads, sends } = await setup();
    const sent = await fax.outbox.sendFiles({
      from: "+12345667",
      to: ["+12345688", "+12345699"],
      files: [new File([PDF], "cover.pdf", { type: "application/pdf" }), PDF, { file: streamOf(PDF, 7), fileName: "scan.pdf" }],
      comment: { text: "contract" },
    });
    expect(sent.paths).toEqual(["/storage/1/cover.pdf", "/storage/2/document.pdf", "/storage/3/scan.pdf"]);
    expect(sent.result).toEqual({ ids: { "+12345688": "out-1", "+12345699": "out-2" } });
    expect(sent.ids).toEqual(["out-1", "out-2"]);
    expect([uploads(), sends()]).toEqual([3, 1]);
    const send = server.received.find((r) => r.method === "POST" && r.path === "/accounts/self/outbox");
    expect(JSON.parse(send?.body.toString() ?? "")).toEqual({
      return_ids: true,
      from: "+12345667",
      to: ["+12345688", "+12345699"],
      files: sent.paths,
      comment: { text: "contract" },
    });
  });

  it("keeps return_ids: false when asked, and then has no ids", async () => {
    const { fax } = await setup();
    const sent = await fax.outbox.sendFiles({ from: "+12345667", to: ["+12345688"], files: [PDF], return_ids: false });
    expect(sent).toEqual({ result: {}, paths: ["/storage/1/document.pdf"], ids: [] });
  });

  it.each([
    [
      "more than 10 files",
      { files: Array.from({ length: 11 }, () => PDF) },
      [{ path: "/files", keyword: "maxItems", message: "/files: must have at most 10 items (got 11)" }],
    ],
    ["no file and no from_fax", { files: [] }, [{ path: "/files", keyword: "minItems" }]],
    [
      "a type Fax.Plus does not take, declared or by extension",
      { files: [PDF, new File([PDF], "tool.exe", { type: "application/x-msdownload" }), { file: PDF, fileName: "archive.zip" }] },
      [
        {
          path: "/files/1",
          keyword: "contentType",
          message: expect.stringContaining('"tool.exe" is "application/x-msdownload", not a type'),
        },
        { path: "/files/2", keyword: "contentType", message: expect.stringContaining('"archive.zip" has the extension "zip"') },
      ],
    ],
    [
      "over 30 MB in total",
      { files: [new Blob([new Uint8Array(20 * MiB)]), new Blob([new Uint8Array(10 * MiB + 1)])] },
      [
        {
          path: "/files",
          keyword: "maxTotalBytes",
          message: expect.stringContaining("31457281 bytes in total, over the 30 MB (31457280 bytes)"),
        },
      ],
    ],
    ["no destination (the schema of sendFax)", { to: [] }, [{ path: "/to", keyword: "minItems" }]],
  ])("refuses %s with a FaxValidationError naming it, uploading nothing", async (_what, change, issues) => {
    const { fax, uploads, sends } = await setup();
    const error = await rejection(fax.outbox.sendFiles({ from: "+12345667", to: ["+12345688"], files: [PDF], ...change } as never));
    expect(error).toBeInstanceOf(FaxValidationError);
    expect((error as FaxValidationError).subject).toEqual({ operationId: "sendFax", part: "request" });
    expect((error as FaxValidationError).issues).toEqual(issues.map((issue) => expect.objectContaining(issue)));
    expect([uploads(), sends()]).toEqual([0, 0]);
  });

  it("takes exactly 10 files and exactly 30 MiB, and files of unknown type (the server decides)", async () => {
    const { fax, uploads, sends } = await setup();
    const nine = Array.from({ length: 9 }, () => new Blob([new Uint8Array(1)]));
    const rest = new Blob([new Uint8Array(SEND_FILES_LIMITS.maxTotalBytes - 9)], { type: "application/octet-stream" });
    const sent = await fax.outbox.sendFiles({ from: "+12345667", to: ["+12345688"], files: [...nine, rest] });
    expect(sent.paths).toHaveLength(10);
    expect([uploads(), sends()]).toEqual([10, 1]);
  });

  it("refuses a source that is not a document with a TypeError naming its index, uploading nothing", async () => {
    const { fax, uploads } = await setup();
    const error = await rejection(fax.outbox.sendFiles({ from: "+12345667", to: ["+12345688"], files: [PDF, "invoice.pdf" as never] }));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(
      /^outbox\.sendFiles: files\[1\] must be a Blob .*\(got "invoice\.pdf"\); to send a file by its path, use createFaxPlusClient from @faxkit\/client\/node$/,
    );
    expect(uploads()).toBe(0);
  });

  it("when an upload fails half-way, names the uploaded paths and says nothing was sent", async () => {
    const { fax, uploads, sends } = await setup({
      fail: (n, method, path) =>
        method === "POST" && path === "/accounts/self/files" && n === 3 ? { status: 503, body: { error: "unavailable" } } : undefined,
    });
    const files = [PDF, new File([PDF], "b.pdf", { type: "application/pdf" }), new File([PDF], "c.pdf", { type: "application/pdf" }), PDF];
    const error = await rejection(fax.outbox.sendFiles({ from: "+12345667", to: ["+12345688"], files }));
    expect(error).toBeInstanceOf(SendFilesError);
    expect(error).toBeInstanceOf(FaxPlusError);
    const failure = error as SendFilesError;
    expect(failure.stage).toBe("upload");
    expect(failure.uploaded).toEqual(["/storage/1/document.pdf", "/storage/2/b.pdf"]);
    expect(failure.cause).toBeInstanceOf(ServerError);
    expect(failure.status).toBe(503);
    expect(failure.message).toContain('uploading files[2] ("c.pdf"), 3 of 4, failed');
    expect(failure.message).toContain("Nothing was sent; 2 uploaded file(s) are stored but not sent");
    expect(failure.message).toContain('"/storage/2/b.pdf"');
    expect(JSON.stringify(failure)).not.toContain(TOKEN);
    expect([uploads(), sends()]).toEqual([3, 0]);
  });

  it("counts a stream as it uploads: one taking the total over 30 MB fails before its upload ends, and nothing is sent", async () => {
    const { fax, sends } = await setup();
    const big = new Blob([new Uint8Array(SEND_FILES_LIMITS.maxTotalBytes - 100)], { type: "application/pdf" });
    const error = await rejection(
      fax.outbox.sendFiles({
        from: "+12345667",
        to: ["+12345688"],
        files: [big, { file: streamOf(new Uint8Array(1000), 10), fileName: "s.pdf" }],
      }),
    );
    expect(error).toBeInstanceOf(SendFilesError);
    expect((error as SendFilesError).uploaded).toEqual(["/storage/1/document.pdf"]);
    const cause = (error as SendFilesError).cause;
    expect(cause).toBeInstanceOf(FaxValidationError);
    expect((cause as FaxValidationError).issues[0]).toMatchObject({ path: "/files/1", keyword: "maxTotalBytes" });
    expect(sends()).toBe(0);
  });

  it("when the send is refused, says so, with every uploaded path", async () => {
    const { fax, uploads } = await setup({
      fail: (_n, method, path) =>
        method === "POST" && path === "/accounts/self/outbox" ? { status: 400, body: { error: "invalid_from" } } : undefined,
    });
    const error = await rejection(fax.outbox.sendFiles({ from: "+12345667", to: ["+12345688"], files: [PDF, PDF] }));
    expect(error).toMatchObject({ name: "SendFilesError", stage: "send", status: 400, code: "invalid_from", operationId: "sendFax" });
    expect((error as SendFilesError).uploaded).toEqual(["/storage/1/document.pdf", "/storage/2/document.pdf"]);
    expect((error as Error).message).toContain("The API refused it, so nothing was sent");
    expect(uploads()).toBe(2);
  });
});
