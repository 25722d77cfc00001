/**
 * The file operations where Prism falls short (README.md, "Where Prism falls short"). Each
 * block first pins what the mock really does, so a Prism upgrade that changes it is noticed,
 * then checks the client against the loopback files stub, which answers as the spec says.
 */
import { BadRequestError, NotFoundError } from "@faxkit/client";
import { validateRequest } from "@faxkit/validator";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { chunkedStream, PDF_BYTES, pdfBlob, TIFF_BYTES, ZIP_BYTES } from "./cases/documents.js";
import { FAX_ID } from "./cases/operations.js";
import { uploadContentTypes } from "./cases/spec.js";
import { contractClient, TOKEN } from "./helpers/client.js";
import { type FilesStub, startFilesStub } from "./helpers/files-stub.js";

const mockUrl = inject("mockUrl");
const auth = { authorization: `Bearer ${TOKEN}` };

let stub: FilesStub;
beforeAll(async () => {
  stub = await startFilesStub();
});
afterAll(() => stub.close());

/** POSTs a hand-made body to the mock's uploadFile route. */
function uploadRaw(body: BodyInit, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${mockUrl}/accounts/self/files`, { method: "POST", headers: { ...auth, ...headers }, body });
}

describe("binary downloads (getFile, getFaxReport): what the mock does", () => {
  it.each([
    ["files.download", "getFile"],
    ["files.report", "getFaxReport"],
  ] as const)("%s (%s) gets the 6 bytes 'string' labelled application/pdf, without a file name", async (method, _operationId) => {
    const { fax } = contractClient(mockUrl);
    const download = method === "files.download" ? await fax.files.download(FAX_ID) : await fax.files.report(FAX_ID);
    expect(download.contentType).toBe("application/pdf");
    expect(download.fileName).toBeNull();
    expect(new TextDecoder().decode(await download.arrayBuffer())).toBe("string");
  });

  it("with format: tiff the mock labels the same 6 bytes image/tiff", async () => {
    const { fax } = contractClient(mockUrl);
    const download = await fax.files.download(FAX_ID, { format: "tiff" });
    expect(download.contentType).toBe("image/tiff");
    expect(new TextDecoder().decode(await download.arrayBuffer())).toBe("string");
  });

  it("Prefer: code=404 with an Accept of PDF/TIFF only is ignored: the mock serves 200", async () => {
    const { fax, sent } = contractClient(mockUrl);
    const download = await fax.files.download(FAX_ID, { headers: { Prefer: "code=404", Accept: "application/pdf, image/tiff" } });
    expect(sent[0]?.headers.get("accept")).toBe("application/pdf, image/tiff");
    expect(new TextDecoder().decode(await download.arrayBuffer())).toBe("string");
  });

  it("the client's own Accept also takes JSON (errors are documented as JSON): the documented 404 → NotFoundError", async () => {
    const { fax, sent } = contractClient(mockUrl);
    const error = await fax.files.download(FAX_ID, { headers: { Prefer: "code=404" } }).catch((e: unknown) => e);
    expect(sent[0]?.headers.get("accept")).toBe("application/pdf, image/tiff, application/json;q=0.1");
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, operationId: "getFile", code: "not_found" });
  });
});

describe("binary downloads: the client against the loopback stub", () => {
  it("the document arrives byte for byte, as a stream that can be read once", async () => {
    const { fax } = contractClient(stub.url);
    const download = await fax.files.download(FAX_ID, { format: "pdf" });
    const reader = download.body.getReader();
    const parts: Uint8Array[] = [];
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) parts.push(chunk.value);
    expect(Buffer.concat(parts)).toEqual(Buffer.from(PDF_BYTES));
    await expect(download.arrayBuffer()).rejects.toThrow(TypeError);
  });

  it("blob() is typed with the response's Content-Type", async () => {
    const { fax } = contractClient(stub.url);
    const blob = await (await fax.files.download(FAX_ID, { format: "tiff" })).blob();
    expect(blob.type).toBe("image/tiff");
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(TIFF_BYTES);
  });
});

describe("multipart uploads (uploadFile): what the mock checks", () => {
  it("accepts the client's upload of a Blob (FormData) and of a stream (chunked multipart), request validation on", async () => {
    // Regression: validationMiddleware used to reject every multipart request before sending
    // ("invalid uploadFile request: /body: is required"), as it never passed the body on.
    const { fax, sent } = contractClient(mockUrl);
    await expect(fax.files.upload(pdfBlob())).resolves.toEqual({ path: expect.any(String) });
    await expect(fax.files.upload(chunkedStream(PDF_BYTES))).resolves.toEqual({ path: expect.any(String) });
    expect(sent).toHaveLength(2);
  });

  it("validateRequest accepts uploadFile with its multipart body and still requires one", () => {
    const form = new FormData();
    form.append("fax_file", pdfBlob(), "document.pdf");
    expect(validateRequest("uploadFile", { params: { path: { user_id: "self" } }, body: form })).toEqual({ ok: true });
    expect(validateRequest("uploadFile", { params: { path: { user_id: "self" } } })).toMatchObject({ ok: false });
  });

  it.each([
    ["no fax_file part", () => formWith("comment", "no file here"), "request.body: Request body must have required property 'fax_file'"],
    ["an empty body", () => "", "request: Body parameter is required"],
  ])("rejects %s with 400", async (_name, body, violation) => {
    const headers: Record<string, string> = typeof body() === "string" ? { "content-type": "multipart/form-data; boundary=x" } : {};
    const response = await uploadRaw(body() as BodyInit, headers);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { description: string }).description).toContain(violation);
  });

  it("rejects a JSON body with 400 (415 in the violation)", async () => {
    const response = await uploadRaw("{}", { "content-type": "application/json" });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { description: string }).description).toContain("Supported content types: multipart/form-data");
  });

  it("does NOT check that fax_file is a file, nor its media type: a text field and a ZIP both get 200", async () => {
    expect((await uploadRaw(formWith("fax_file", "just text, no file name"))).status).toBe(200);
    const zip = new FormData();
    zip.append("fax_file", new Blob([ZIP_BYTES], { type: "application/zip" }), "archive.zip");
    expect((await uploadRaw(zip)).status).toBe(200);
  });
});

function formWith(name: string, value: string): FormData {
  const form = new FormData();
  form.append(name, value);
  return form;
}

describe("multipart uploads: the client against the loopback stub (checks what the spec says)", () => {
  const upload = () => contractClient(stub.url);

  it("a typed Blob: part fax_file, a default file name, its type, the exact bytes, a Content-Length", async () => {
    const before = stub.uploads.length;
    await expect(upload().fax.files.upload(pdfBlob())).resolves.toEqual({ path: expect.stringMatching(/\.pdf$/) });
    expect(stub.uploads.slice(before)).toEqual([
      expect.objectContaining({ fileName: "document.pdf", contentType: "application/pdf", bytes: PDF_BYTES, transferEncoding: undefined }),
    ]);
    expect(stub.uploads.at(-1)?.contentLength).toMatch(/^\d+$/);
  });

  it("bytes without a type: the type is sniffed (TIFF) and the name follows it", async () => {
    await upload().fax.files.upload(TIFF_BYTES);
    expect(stub.uploads.at(-1)).toMatchObject({ fileName: "document.tif", contentType: "image/tiff", bytes: TIFF_BYTES });
  });

  it("a File keeps its name; fileName and contentType options win; format goes in the query", async () => {
    const { fax, sent } = upload();
    await fax.files.upload(new File([PDF_BYTES], "invoice.pdf", { type: "application/pdf" }));
    expect(stub.uploads.at(-1)).toMatchObject({ fileName: "invoice.pdf", format: null });
    await fax.files.upload(PDF_BYTES, { fileName: "scan 01.pdf", contentType: "application/pdf", format: "tiff" });
    expect(stub.uploads.at(-1)).toMatchObject({ fileName: "scan 01.pdf", contentType: "application/pdf", format: "tiff" });
    expect(sent.at(-1)?.url.search).toBe("?format=tiff");
  });

  it("a ReadableStream is streamed (chunked transfer, no Content-Length) and arrives byte for byte", async () => {
    await upload().fax.files.upload(chunkedStream(PDF_BYTES, 61));
    expect(stub.uploads.at(-1)).toMatchObject({
      fileName: "document.pdf",
      contentType: "application/pdf",
      bytes: PDF_BYTES,
      transferEncoding: "chunked",
      contentLength: undefined,
    });
  });

  it("every media type the spec lists for fax_file is accepted", async () => {
    const { fax } = upload();
    for (const type of uploadContentTypes())
      await expect(fax.files.upload(new Blob([PDF_BYTES], { type }))).resolves.toEqual({ path: expect.any(String) });
  });

  it("a type the spec does not list (ZIP) is sent as given and the API's 400 becomes a BadRequestError", async () => {
    const error = await upload()
      .fax.files.upload(new Blob([ZIP_BYTES], { type: "application/zip" }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, operationId: "uploadFile", code: "invalid_file_type" });
  });
});
