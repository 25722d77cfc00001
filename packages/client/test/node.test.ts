import { mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it, vi } from "vitest";
import { createFaxPlusClient, fileFromPath, type NodeFaxPlusClient } from "../src/node.js";

const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n");
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "faxkit-node-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function temp(name: string, bytes: Uint8Array = PDF): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

describe("fileFromPath", () => {
  it("is a File named after the path, typed from its extension, with the file's bytes", async () => {
    const path = await temp("invoice.pdf");
    await utimes(path, new Date("2024-09-09T10:44:39Z"), new Date("2024-09-09T10:44:39Z"));
    const file = await fileFromPath(path);
    expect(file).toBeInstanceOf(File);
    expect(file.name).toBe("invoice.pdf");
    expect(file.type).toBe("application/pdf");
    expect(file.size).toBe(PDF.length);
    expect(file.lastModified).toBe(Date.parse("2024-09-09T10:44:39Z"));
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PDF);
  });

  it.each([
    ["scan.TIFF", "image/tiff"],
    ["scan.tif", "image/tiff"],
    ["photo.jpeg", "image/jpeg"],
    ["photo.JPG", "image/jpeg"],
    ["logo.png", "image/png"],
    ["letter.doc", "application/msword"],
    ["letter.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["notes.txt", "text/plain"],
    ["notes.rtf", "application/rtf"],
    ["sheet.xls", "application/vnd.ms-excel"],
    ["sheet.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ["README", ""],
    ["archive.zip", ""],
  ])("types %s as %j", async (name, type) => {
    expect((await fileFromPath(await temp(name))).type).toBe(type);
  });

  it("takes contentType from the options over the extension", async () => {
    const file = await fileFromPath(await temp("fax.bin"), { contentType: "application/pdf" });
    expect(file.type).toBe("application/pdf");
  });

  it("reads the file when it is used, not when it is opened (backed by the file, not a copy)", async () => {
    const path = await temp("changing.pdf");
    const file = await fileFromPath(path);
    await writeFile(path, new TextEncoder().encode("%PDF-1.7 changed after opening"));
    // A copy would still read the old bytes; a file-backed Blob notices the change.
    await expect(file.arrayBuffer()).rejects.toThrow(/could not be read/i);
  });

  it("rejects a missing file with an ENOENT error naming the path", async () => {
    const path = join(dir, "no-such-dir", "missing.pdf");
    const error = await fileFromPath(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(`fileFromPath: no such file: ${path} (ENOENT)`);
    expect(error).toMatchObject({ code: "ENOENT", path });
  });

  it("rejects a directory with EISDIR, and a path that is not a non-empty string with a TypeError", async () => {
    await expect(fileFromPath(dir)).rejects.toMatchObject({ code: "EISDIR", message: `fileFromPath: not a regular file: ${dir} (EISDIR)` });
    await expect(fileFromPath("")).rejects.toThrow(new TypeError("fileFromPath: path must be a non-empty string (got string)"));
    await expect(fileFromPath(42 as never)).rejects.toThrow(new TypeError("fileFromPath: path must be a non-empty string (got number)"));
  });
});

describe("createFaxPlusClient from @faxkit/client/node", () => {
  function recording() {
    const sent: { url: string; part: File | null }[] = [];
    const fetch = (async (request: Request) => {
      const multipart = request.headers.get("content-type")?.startsWith("multipart/form-data");
      sent.push({ url: request.url, part: multipart ? ((await request.formData()).get("fax_file") as File | null) : null });
      return multipart ? Response.json({ path: "/storage/2024-09-09/abc.pdf" }) : Response.json({ uid: "u1" });
    }) as typeof globalThis.fetch;
    return { fax: createFaxPlusClient({ fetch, token: "tok_node_1", maxRetries: 0 }), sent };
  }

  it("uploads a file by its path: base name, type from the extension, the file's bytes", async () => {
    const { fax, sent } = recording();
    const path = await temp("contract.pdf");
    await expect(fax.files.upload(path, { format: "pdf" })).resolves.toEqual({ path: "/storage/2024-09-09/abc.pdf" });
    expect(sent[0]?.url).toBe("https://restapi.fax.plus/v3/accounts/self/files?format=pdf");
    const part = sent[0]?.part as File;
    expect(part.name).toBe("contract.pdf");
    expect(part.type).toBe("application/pdf");
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(PDF);
  });

  it("applies fileName and contentType to a path, and sniffs a path with an unknown extension", async () => {
    const { fax, sent } = recording();
    await fax.files.upload(await temp("upload.tmp"), { fileName: "scan.tiff", contentType: "image/tiff" });
    await fax.files.upload(await temp("upload.bin"));
    expect(sent[0]?.part).toMatchObject({ name: "scan.tiff", type: "image/tiff" });
    expect(sent[1]?.part).toMatchObject({ name: "upload.bin", type: "application/pdf" });
  });

  it("rejects a missing path with ENOENT before anything is sent", async () => {
    const { fax, sent } = recording();
    const path = join(dir, "missing.pdf");
    await expect(fax.files.upload(path)).rejects.toMatchObject({ code: "ENOENT", message: `fileFromPath: no such file: ${path} (ENOENT)` });
    expect(sent).toHaveLength(0);
  });

  it("still takes every other upload source, and is the whole client", async () => {
    const { fax, sent } = recording();
    await fax.files.upload(PDF);
    await fax.files.upload(await fileFromPath(await temp("again.pdf")));
    expect(sent.map((s) => s.part?.name)).toEqual(["document.pdf", "again.pdf"]);
    await expect(fax.accounts.get()).resolves.toEqual({ uid: "u1" });
    const { data } = await fax.GET("/accounts/{user_id}", { params: { path: { user_id: "self" } } });
    expect(data).toEqual({ uid: "u1" });
    expect(typeof fax.files.download).toBe("function");
    expectTypeOf(fax).toEqualTypeOf<NodeFaxPlusClient>();
    expectTypeOf(fax.files.upload).parameter(0).toEqualTypeOf<Blob | Uint8Array | ArrayBuffer | ReadableStream<Uint8Array> | string>();
  });
});

describe("outbox.sendFiles from @faxkit/client/node", () => {
  function recording() {
    const uploaded: File[] = [];
    const sends: unknown[] = [];
    const fetch = (async (request: Request) => {
      if (new URL(request.url).pathname.endsWith("/files")) {
        const part = (await request.formData()).get("fax_file") as File;
        uploaded.push(part);
        return Response.json({ path: `/storage/${uploaded.length}/${part.name}` });
      }
      sends.push(await request.json());
      return Response.json({ ids: { "+12345688": "out-1" } }, { status: 201 });
    }) as typeof globalThis.fetch;
    return { fax: createFaxPlusClient({ fetch, token: "tok_node_2", maxRetries: 0 }), uploaded, sends };
  }

  it("takes paths beside other sources, named and typed from the path, and sends once", async () => {
    const { fax, uploaded, sends } = recording();
    const sent = await fax.outbox.sendFiles({
      from: "+12345667",
      to: ["+12345688"],
      files: [await temp("letter.pdf"), PDF, { file: await temp("scan.bin"), fileName: "scan.tiff", contentType: "image/tiff" }],
    });
    expect(sent.paths).toEqual(["/storage/1/letter.pdf", "/storage/2/document.pdf", "/storage/3/scan.tiff"]);
    expect(sent.ids).toEqual(["out-1"]);
    expect(uploaded.map((file) => [file.name, file.type])).toEqual([
      ["letter.pdf", "application/pdf"],
      ["document.pdf", "application/pdf"],
      ["scan.tiff", "image/tiff"],
    ]);
    expect(new Uint8Array(await (uploaded[0] as File).arrayBuffer())).toEqual(PDF);
    expect(sends).toEqual([{ return_ids: true, from: "+12345667", to: ["+12345688"], files: sent.paths }]);
  });

  it("checks a path's size and type before uploading anything, and fails on a missing path before any upload", async () => {
    const { fax, uploaded } = recording();
    const exe = await temp("tool.exe");
    await expect(fax.outbox.sendFiles({ from: "+12345667", to: ["+12345688"], files: [await temp("a.pdf"), exe] })).rejects.toMatchObject({
      name: "FaxValidationError",
      issues: [expect.objectContaining({ path: "/files/1", keyword: "contentType" })],
    });
    const missing = join(dir, "missing.pdf");
    await expect(
      fax.outbox.sendFiles({ from: "+12345667", to: ["+12345688"], files: [await temp("b.pdf"), missing] }),
    ).rejects.toMatchObject({
      code: "ENOENT",
    });
    expect(uploaded).toHaveLength(0);
  });

  it("types files as documents or paths", () => {
    const { fax } = recording();
    expectTypeOf(fax.outbox.sendFiles).parameter(0).toHaveProperty("files");
    type Files = Parameters<typeof fax.outbox.sendFiles>[0]["files"][number];
    expectTypeOf<string>().toExtend<Files>();
    expectTypeOf<{ file: string; fileName: string }>().toExtend<Files>();
    expectTypeOf<Blob>().toExtend<Files>();
    expectTypeOf<number>().not.toExtend<Files>();
  });
});

describe("FAXPLUS_TOKEN in @faxkit/client/node", () => {
  function authorizationSent(options: Parameters<typeof createFaxPlusClient>[0]): Promise<string | null> {
    let seen: string | null = "(nothing sent)";
    const fetch = (async (request: Request) => {
      seen = request.headers.get("authorization");
      return Response.json({ uid: "u1" });
    }) as typeof globalThis.fetch;
    return createFaxPlusClient({ ...options, fetch, maxRetries: 0 })
      .accounts.get()
      .then(() => seen);
  }

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("sends the token from FAXPLUS_TOKEN when the options name neither token nor oauth", async () => {
    vi.stubEnv("FAXPLUS_TOKEN", "tok_from_env");
    expect(await authorizationSent({})).toBe("Bearer tok_from_env");
  });

  it("lets an explicit token win over FAXPLUS_TOKEN", async () => {
    vi.stubEnv("FAXPLUS_TOKEN", "tok_from_env");
    expect(await authorizationSent({ token: "tok_explicit" })).toBe("Bearer tok_explicit");
  });

  it("ignores FAXPLUS_TOKEN when oauth is configured, and an empty FAXPLUS_TOKEN altogether", async () => {
    vi.stubEnv("FAXPLUS_TOKEN", "tok_from_env");
    const withOauth = authorizationSent({
      oauth: { clientId: "c", clientSecret: "s", refreshToken: "r", tokenUrl: "http://127.0.0.1:9/token" },
      deadline: 50,
    });
    await expect(withOauth).rejects.toThrow();
    vi.stubEnv("FAXPLUS_TOKEN", "  ");
    expect(await authorizationSent({})).toBeNull();
  });
});
