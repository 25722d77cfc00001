/**
 * The file operations where Prism falls short (README.md, "Where Prism falls short").
 *
 * - prism project: each block first pins what the mock really does, so a Prism upgrade that
 *   changes it is noticed, then checks the client against the loopback files stub, which
 *   answers as the spec says.
 * - fake project: the same client checks run against the fake itself, which keeps what it is
 *   sent: an upload is sent as a fax, the fake clock delivers it, and the download must give
 *   back the same bytes under the name and type the upload had.
 */
import { BadRequestError, type FaxPlusClient, NotFoundError } from "@faxkit/client";
import { validateRequest } from "@faxkit/validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chunkedStream, PDF_BYTES, pdfBlob, TIFF_BYTES, ZIP_BYTES } from "./cases/documents.js";
import { FAX_ID, NUMBER } from "./cases/operations.js";
import { uploadContentTypes } from "./cases/spec.js";
import { backendForFile, onFake } from "./helpers/backend.js";
import { contractClient, TOKEN } from "./helpers/client.js";
import { type FilesStub, type ReceivedUpload, startFilesStub } from "./helpers/files-stub.js";

const server = backendForFile();
const auth = { authorization: `Bearer ${TOKEN}` };
/** Where the client's file checks run: the loopback stub in the prism project, the fake itself in the fake project. */
const filesServer = onFake ? "the fake" : "the loopback stub";
const filesUrl = () => (onFake ? server.url : stub.url);

let stub: FilesStub;
beforeAll(async () => {
  stub = await startFilesStub();
});
afterAll(() => stub.close());

/** POSTs a hand-made body to the mock's uploadFile route. */
function uploadRaw(body: BodyInit, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.url}/accounts/self/files`, { method: "POST", headers: { ...auth, ...headers }, body });
}

/**
 * What the server received as the `fax_file` of the upload answered with `path`. The stub
 * records it (its last upload); the fake logs the part's name and type, and gives back its bytes
 * the way a user gets them: the upload is sent as a fax, the fake clock delivers it, and the
 * fax's document is downloaded.
 */
async function received(fax: FaxPlusClient, path: string): Promise<Omit<ReceivedUpload, "transferEncoding" | "contentLength">> {
  if (!onFake) return stub.uploads.at(-1) as ReceivedUpload;
  const logged = server.fake.requests.filter((r) => r.operationId === "uploadFile" && r.status === 200).at(-1);
  const file = (logged?.body as { file?: { name: string; type: string } } | undefined)?.file;
  if (file === undefined) throw new Error("the fake logged no successful upload");
  const format = logged?.query.format;
  const { bytes } = await deliverAndDownload(fax, path);
  return { fileName: file.name, contentType: file.type, bytes, format: typeof format === "string" ? format : null };
}

/** On the fake: sends `path` as a fax, lets the fake clock deliver it, and downloads the fax's document. */
async function deliverAndDownload(fax: FaxPlusClient, path: string) {
  const { ids } = await fax.outbox.send({ from: NUMBER, to: ["+12076001783"], files: [path], return_ids: true });
  const id = Object.values(ids ?? {})[0];
  if (id === undefined) throw new Error("sendFax returned no id");
  await server.fake.clock.advance(60_000); // well past the fake's delivery delay (3 s of fake time)
  const download = await fax.files.download(id);
  return { id, contentType: download.contentType, fileName: download.fileName, bytes: new Uint8Array(await download.arrayBuffer()) };
}

// Prism only: these pin what Prism serves for binary downloads (the reason for the files stub);
// the fake serves documents itself and runs the client checks of the next block.
if (!onFake)
  describe("binary downloads (getFile, getFaxReport): what the mock does", () => {
    it.each([
      ["files.download", "getFile"],
      ["files.report", "getFaxReport"],
    ] as const)("%s (%s) gets the 6 bytes 'string' labelled application/pdf, without a file name", async (method, _operationId) => {
      const { fax } = contractClient(server.url);
      const download = method === "files.download" ? await fax.files.download(FAX_ID) : await fax.files.report(FAX_ID);
      expect(download.contentType).toBe("application/pdf");
      expect(download.fileName).toBeNull();
      expect(new TextDecoder().decode(await download.arrayBuffer())).toBe("string");
    });

    it("with format: tiff the mock labels the same 6 bytes image/tiff", async () => {
      const { fax } = contractClient(server.url);
      const download = await fax.files.download(FAX_ID, { format: "tiff" });
      expect(download.contentType).toBe("image/tiff");
      expect(new TextDecoder().decode(await download.arrayBuffer())).toBe("string");
    });

    it("Prefer: code=404 with an Accept of PDF/TIFF only is ignored: the mock serves 200", async () => {
      const { fax, sent } = contractClient(server.url);
      const download = await fax.files.download(FAX_ID, { headers: { Prefer: "code=404", Accept: "application/pdf, image/tiff" } });
      expect(sent[0]?.headers.get("accept")).toBe("application/pdf, image/tiff");
      expect(new TextDecoder().decode(await download.arrayBuffer())).toBe("string");
    });

    it("the client's own Accept also takes JSON (errors are documented as JSON): the documented 404 → NotFoundError", async () => {
      const { fax, sent } = contractClient(server.url);
      const error = await fax.files.download(FAX_ID, { headers: { Prefer: "code=404" } }).catch((e: unknown) => e);
      expect(sent[0]?.headers.get("accept")).toBe("application/pdf, image/tiff, application/json;q=0.1");
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ status: 404, operationId: "getFile", code: "not_found" });
    });
  });

describe(`binary downloads: the client against ${filesServer}`, () => {
  it("the document arrives byte for byte, as a stream that can be read once", async () => {
    const { fax } = contractClient(filesUrl());
    const download = await fax.files.download(FAX_ID, { format: "pdf" });
    const reader = download.body.getReader();
    const parts: Uint8Array[] = [];
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) parts.push(chunk.value);
    expect(Buffer.concat(parts)).toEqual(Buffer.from(PDF_BYTES));
    await expect(download.arrayBuffer()).rejects.toThrow(TypeError);
  });

  it("blob() is typed with the response's Content-Type", async () => {
    const { fax } = contractClient(filesUrl());
    // The fake serves a fax's own document (no conversion): give it a TIFF to serve as one.
    const faxId = onFake ? (await deliverAndDownload(fax, (await fax.files.upload(TIFF_BYTES)).path)).id : FAX_ID;
    const blob = await (await fax.files.download(faxId, { format: "tiff" })).blob();
    expect(blob.type).toBe("image/tiff");
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(TIFF_BYTES);
  });

  if (onFake)
    it("an upload comes back byte for byte from the fax sent with it, under its name's type (fake: upload → send → deliver → download)", async () => {
      const { fax } = contractClient(filesUrl());
      const { path } = await fax.files.upload(new File([PDF_BYTES], "contract.pdf", { type: "application/pdf" }));
      const delivered = await deliverAndDownload(fax, path);
      expect(delivered).toEqual({ id: delivered.id, contentType: "application/pdf", fileName: `${delivered.id}.pdf`, bytes: PDF_BYTES });
    });
});

describe(`multipart uploads (uploadFile): what ${onFake ? "the fake" : "the mock"} checks`, () => {
  it("accepts the client's upload of a Blob (FormData) and of a stream (chunked multipart), request validation on", async () => {
    // Regression: validationMiddleware used to reject every multipart request before sending
    // ("invalid uploadFile request: /body: is required"), as it never passed the body on.
    const { fax, sent } = contractClient(server.url);
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

  // Each server words its 400 its own way (Prism: its violation; the fake: "request rejected: …").
  it.each(
    onFake
      ? [
          ["no fax_file part", () => formWith("comment", "no file here"), "fax_file"],
          ["an empty body", () => "", "request rejected"],
        ]
      : [
          [
            "no fax_file part",
            () => formWith("comment", "no file here"),
            "request.body: Request body must have required property 'fax_file'",
          ],
          ["an empty body", () => "", "request: Body parameter is required"],
        ],
  )("rejects %s with 400", async (_name, body, violation) => {
    const headers: Record<string, string> = typeof body() === "string" ? { "content-type": "multipart/form-data; boundary=x" } : {};
    const response = await uploadRaw(body() as BodyInit, headers);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { description: string }).description).toContain(violation);
  });

  it("rejects a JSON body with 400", async () => {
    const response = await uploadRaw("{}", { "content-type": "application/json" });
    expect(response.status).toBe(400);
    const description = ((await response.json()) as { description: string }).description;
    // Prism names the 415 in its violation; the fake names the type it expects.
    expect(description).toContain(onFake ? "multipart/form-data" : "Supported content types: multipart/form-data");
  });

  // What the spec's `encoding` says to refuse: the fake refuses it; Prism does not check it (a known gap, README).
  if (onFake)
    it("fake: refuses a text field as fax_file (invalid_file) and a ZIP (invalid_file_type) with 400", async () => {
      const text = await uploadRaw(formWith("fax_file", "just text, no file name"));
      expect(text.status).toBe(400);
      expect(await text.json()).toMatchObject({ error: "invalid_file" });
      const zip = new FormData();
      zip.append("fax_file", new Blob([ZIP_BYTES], { type: "application/zip" }), "archive.zip");
      const refused = await uploadRaw(zip);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ error: "invalid_file_type" });
    });
  else
    it("prism: does NOT check that fax_file is a file, nor its media type: a text field and a ZIP both get 200", async () => {
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

describe(`multipart uploads: the client against ${filesServer} (checks what the spec says)`, () => {
  const upload = () => contractClient(filesUrl());
  /**
   * The HTTP framing (Content-Length, chunked), which only the stub records: the fake logs the
   * part, not the headers, and on the msw project there is no framing at all (MSW hands the
   * handlers a Request object, never the bytes a socket would carry). So it is checked on prism.
   */
  const framing = (upload: ReceivedUpload | undefined) => ({
    transferEncoding: upload?.transferEncoding,
    contentLength: upload?.contentLength,
  });

  it(`a typed Blob: part fax_file, a default file name, its type, the exact bytes${onFake ? "" : ", a Content-Length"}`, async () => {
    const { fax } = upload();
    const answer = await fax.files.upload(pdfBlob());
    expect(answer).toEqual({ path: expect.stringMatching(/\.pdf$/) });
    expect(await received(fax, answer.path)).toMatchObject({ fileName: "document.pdf", contentType: "application/pdf", bytes: PDF_BYTES });
    if (!onFake)
      expect(framing(stub.uploads.at(-1))).toEqual({ transferEncoding: undefined, contentLength: expect.stringMatching(/^\d+$/) });
  });

  it("bytes without a type: the type is sniffed (TIFF) and the name follows it", async () => {
    const { fax } = upload();
    const { path } = await fax.files.upload(TIFF_BYTES);
    expect(await received(fax, path)).toMatchObject({ fileName: "document.tif", contentType: "image/tiff", bytes: TIFF_BYTES });
  });

  it("a File keeps its name; fileName and contentType options win; format goes in the query", async () => {
    const { fax, sent } = upload();
    const first = await fax.files.upload(new File([PDF_BYTES], "invoice.pdf", { type: "application/pdf" }));
    expect(await received(fax, first.path)).toMatchObject({ fileName: "invoice.pdf", format: null });
    const second = await fax.files.upload(PDF_BYTES, { fileName: "scan 01.pdf", contentType: "application/pdf", format: "tiff" });
    expect(sent.at(-1)?.url.search).toBe("?format=tiff");
    expect(await received(fax, second.path)).toMatchObject({ fileName: "scan 01.pdf", contentType: "application/pdf", format: "tiff" });
  });

  it(`a ReadableStream ${onFake ? "" : "is streamed (chunked transfer, no Content-Length) and "}arrives byte for byte`, async () => {
    const { fax } = upload();
    const { path } = await fax.files.upload(chunkedStream(PDF_BYTES, 61));
    expect(await received(fax, path)).toMatchObject({ fileName: "document.pdf", contentType: "application/pdf", bytes: PDF_BYTES });
    if (!onFake) expect(framing(stub.uploads.at(-1))).toEqual({ transferEncoding: "chunked", contentLength: undefined });
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
