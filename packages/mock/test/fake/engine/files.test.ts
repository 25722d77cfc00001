import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixtures } from "../../../src/fake/engine/fixtures.js";
import type { FakeEngine } from "../../../src/fake/fake-types.js";
import { call, multipartUpload, newEngine, pdfBytes, upload } from "./harness.js";

let engine: FakeEngine;
beforeEach(() => {
  engine = newEngine({ deliveryDelayMs: 0 });
});
afterEach(() => engine.close());

const latin1 = new TextDecoder("latin1");

describe("uploadFile", () => {
  it("answers a storage path named after the format asked for", async () => {
    const { body, headers } = multipartUpload(pdfBytes(), "scan.png", "image/png");
    const answer = await call(engine, "POST", "/v3/accounts/self/files", { query: "format=tiff", body, headers, validateAs: "uploadFile" });
    expect(answer.status).toBe(200);
    expect(answer.json.path).toMatch(/^\/storage\/\d{4}-\d{2}-\d{2}\/[0-9a-f]{24}\.tiff$/);
  });

  it("refuses a declared type the spec does not list, and takes application/octet-stream (a client that cannot tell)", async () => {
    const zip = multipartUpload(pdfBytes(), "archive.zip", "application/zip");
    const refused = await call(engine, "POST", "/v3/accounts/self/files", { ...zip, validateAs: "uploadFile" });
    expect(refused.status).toBe(400);
    expect(refused.json).toEqual({ error: "invalid_file_type", description: expect.stringContaining('"application/zip"') });
    const unknown = multipartUpload(pdfBytes(), "blob", "application/octet-stream");
    expect((await call(engine, "POST", "/v3/accounts/self/files", { ...unknown, validateAs: "uploadFile" })).status).toBe(200);
  });

  it("refuses a plain form field as fax_file: the spec's binary is a file part", async () => {
    const boundary = "b1";
    const body = new TextEncoder().encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="fax_file"\r\n\r\njust text\r\n--${boundary}--\r\n`,
    );
    const headers = { "content-type": `multipart/form-data; boundary=${boundary}` };
    const answer = await call(engine, "POST", "/v3/accounts/self/files", { body, headers, validateAs: "uploadFile" });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error: "invalid_file" });
  });

  it("logs the upload as its file's name, type and size", async () => {
    await upload(engine, new Uint8Array(1234), "contract.pdf");
    expect(engine.requests.at(-1)?.body).toEqual({ file: { name: "contract.pdf", type: "application/pdf", size: 1234 } });
  });

  it("keeps every byte, including CR LF and boundary-like text inside the file", async () => {
    const tricky = new TextEncoder().encode("%PDF-1.4\r\n--faxkit-boundary-1x\r\n\r\n\u0000\u00ff end");
    const path = await upload(engine, tricky);
    const { json } = await call(engine, "POST", "/v3/accounts/self/outbox", {
      body: { from: "+16699990000", to: ["+12025550100"], files: [path], return_ids: true },
    });
    await engine.clock.advance(0);
    const file = await call(engine, "GET", `/v3/accounts/self/files/${json.ids["+12025550100"]}`, { validateAs: "getFile" });
    expect(file.bytes).toEqual(tricky);
  });

  it("keeps its own copy of the bytes when the front end reuses its Buffer", async () => {
    const { body, headers } = multipartUpload(pdfBytes("original"));
    const buffer = Buffer.from(body);
    const answer = await engine.answer({
      method: "POST",
      path: "/v3/accounts/self/files",
      query: "",
      headers: { ...headers, authorization: "Bearer t" },
      body: buffer,
    });
    buffer.fill(0);
    const { path } = JSON.parse(String(answer.body));
    const { json } = await call(engine, "POST", "/v3/accounts/self/outbox", {
      body: { from: "+16699990000", to: ["+12025550100"], files: [path], return_ids: true },
    });
    await engine.clock.advance(0);
    const file = await call(engine, "GET", `/v3/accounts/self/files/${json.ids["+12025550100"]}`);
    expect(file.bytes).toEqual(pdfBytes("original"));
  });
});

describe("getFile", () => {
  it("serves a seeded document as PDF, or as TIFF when format=tiff (same bytes)", async () => {
    const fax = fixtures.fax();
    const bytes = pdfBytes("seeded");
    engine.seed({ faxes: [fax], files: [{ faxId: fax.id, bytes }] });
    const pdf = await call(engine, "GET", `/v3/accounts/self/files/${fax.id}`, { validateAs: "getFile" });
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.bytes).toEqual(bytes);
    const tiff = await call(engine, "GET", `/v3/accounts/self/files/${fax.id}`, { query: "format=tiff", validateAs: "getFile" });
    expect(tiff.headers["content-type"]).toBe("image/tiff");
    expect(tiff.bytes).toEqual(bytes);
  });

  it("follows an Accept that takes only TIFF when no format is given", async () => {
    const fax = fixtures.fax();
    engine.seed({ faxes: [fax] });
    const answer = await call(engine, "GET", `/v3/accounts/self/files/${fax.id}`, {
      headers: { accept: "image/tiff" },
      validateAs: "getFile",
    });
    expect(answer.headers["content-type"]).toBe("image/tiff");
  });

  it("serves a placeholder PDF for a seeded fax without a document", async () => {
    const fax = fixtures.fax();
    engine.seed({ faxes: [fax] });
    const answer = await call(engine, "GET", `/v3/accounts/self/files/${fax.id}`, { validateAs: "getFile" });
    const text = latin1.decode(answer.bytes);
    expect(text.startsWith("%PDF-1.4")).toBe(true);
    expect(text).toContain(fax.id);
  });

  it("answers an unknown fax 404", async () => {
    expect((await call(engine, "GET", "/v3/accounts/self/files/nope", { validateAs: "getFile" })).status).toBe(404);
    expect((await call(engine, "GET", "/v3/accounts/self/report/nope", { validateAs: "getFaxReport" })).status).toBe(404);
  });
});

describe("getFaxReport", () => {
  it("answers a one-page PDF whose cross-reference offsets point at its objects", async () => {
    const fax = fixtures.fax({ status: "failed_no_answer" });
    engine.seed({ faxes: [fax] });
    const answer = await call(engine, "GET", `/v3/accounts/self/report/${fax.id}`, { validateAs: "getFaxReport" });
    expect(answer.headers["content-type"]).toBe("application/pdf");
    const text = latin1.decode(answer.bytes);
    expect(text).toContain("Status: failed_no_answer");
    const xref = Number(/startxref\n(\d+)/.exec(text)?.[1]);
    expect(text.slice(xref, xref + 4)).toBe("xref");
    const offsets = [...text.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(5);
    offsets.forEach((offset, i) => {
      expect(text.slice(offset).startsWith(`${i + 1} 0 obj`)).toBe(true);
    });
  });
});
