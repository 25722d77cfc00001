/**
 * Every operation, generated from the case table: once with only the required inputs and once
 * with all of them, through the resource API, with request validation on and response
 * validation strict (no drift tolerated). The mock validates every request as the API would,
 * so a rejection here is a client bug; a response the client's validators reject is a spec,
 * mock or validator bug. Operations Prism cannot serve faithfully run, in the prism project,
 * against the loopback files stub (the test name says so; README.md says why); in the fake
 * project every operation runs against the fake, which holds the records the cases name
 * (`cases/fake-seed.ts`) and serves the documents it was given byte for byte.
 */
import type { FaxPlusClient, OperationData } from "@faxkit/client";
import { type OperationId, operations } from "@faxkit/types";
import { validateResponse } from "@faxkit/validator";
import { afterAll, beforeAll, describe, expect, expectTypeOf, inject, it } from "vitest";
import { PDF_BYTES, TIFF_BYTES } from "./cases/documents.js";
import { arrangeCase } from "./cases/fake-seed.js";
import { type CaseEnv, caseOf, FAX_ID, FILE_PATH, type FileCall, HOOK_ID, missingCaseAdvice } from "./cases/operations.js";
import { pathPattern } from "./cases/spec.js";
import { backendForFile, onFake } from "./helpers/backend.js";
import { type CallResult, contractClient, resourcePath, runCase } from "./helpers/client.js";
import { type FilesStub, startFilesStub } from "./helpers/files-stub.js";

const server = backendForFile();
const env: CaseEnv = { hookSink: inject("hookSink") };

let stub: FilesStub;
beforeAll(async () => {
  stub = await startFilesStub();
});
afterAll(() => stub.close());

describe.each(Object.keys(operations) as OperationId[])("%s", (operationId) => {
  const op = operations[operationId];
  const entry = caseOf(operationId);
  if (entry === undefined) {
    it("has a case", () => expect.fail(missingCaseAdvice(operationId)));
    return;
  }
  const { group, method } = resourcePath(operationId);
  const viaStub = !onFake && entry.kind === "file" && entry.stub !== undefined;
  const where = viaStub ? `the loopback stub (${(entry as { stub: string }).stub})` : onFake ? "the fake" : "the mock";

  it.each([
    "required",
    "all",
  ] as const)(`%s inputs: fax.${group}.${method} against ${where} resolves to the typed data`, async (variant) => {
    const { fax, sent } = contractClient(viaStub ? stub.url : server.url);
    if (onFake) arrangeCase(server.fake, operationId);
    const result = await runCase(fax, operationId, variant, env);

    // Exactly one request, to this operation's method and path; `all` sends every query parameter.
    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect(request?.method).toBe(op.method);
    expect(request?.url.pathname).toMatch(pathPattern(op.path));
    if (variant === "all") for (const name of op.queryParams) expect(request?.url.searchParams.has(name), `query ${name}`).toBe(true);

    const status = op.successStatuses[0] as number;
    if (result.kind === "data") {
      expect(validateResponse(operationId, status, result.data, { tolerateDrift: false })).toEqual({ ok: true, drift: [] });
      if (status === 204) expect(result.data).toBeUndefined();
      else expect(result.data).toEqual(expect.any(Object));
    } else {
      const call = entry[variant](env) as FileCall;
      const tiff = call.method === "download" && call.options?.format === "tiff";
      expect(result.contentType).toBe(tiff ? "image/tiff" : "application/pdf");
      expectDocumentBytes(result, call, tiff);
      expect(result.fileName).toBe(call.method === "report" ? `report-${FAX_ID}.pdf` : `${FAX_ID}.${tiff ? "tiff" : "pdf"}`);
      expect(request?.headers.get("accept")).toBe(
        `${tiff ? "image/tiff" : call.method === "report" ? "application/pdf" : "application/pdf, image/tiff"}, application/json;q=0.1`,
      );
    }
  });
});

/**
 * The stub serves fixed PDF and TIFF documents. The fake serves the document the fax was given
 * (the contract seed gives FAX_ID's, PDF_BYTES) without converting it, whatever format is asked
 * for, and a confirmation report it writes itself (a PDF naming the fax).
 */
function expectDocumentBytes(result: Extract<CallResult, { kind: "document" }>, call: FileCall, tiff: boolean): void {
  if (!onFake) return void expect(result.bytes).toEqual(tiff ? TIFF_BYTES : PDF_BYTES);
  if (call.method === "download") return void expect(result.bytes).toEqual(PDF_BYTES);
  const text = new TextDecoder("latin1").decode(result.bytes);
  expect(text.startsWith("%PDF-")).toBe(true);
  expect(text).toContain(FAX_ID);
}

describe("typed data (compile-time: `tsc` checks these types, the runtime checks the values)", () => {
  let fax: FaxPlusClient;
  beforeAll(() => {
    fax = contractClient(server.url).fax;
  });

  it("accounts.get resolves to an Account", async () => {
    const account = await fax.accounts.get();
    expectTypeOf(account).toEqualTypeOf<OperationData<"getUser">>();
    expect(account.uid).toBe("7724157c0974440293e45877c57f0703");
  });

  it("faxes.list resolves to a FaxList; faxes.update to undefined (204)", async () => {
    const page = await fax.faxes.list({ category: "inbox", limit: 1 });
    expectTypeOf(page).toEqualTypeOf<OperationData<"listFaxes">>();
    expect(page.data?.records?.[0]?.id).toBe(FAX_ID);
    const updated = await fax.faxes.update({ fax_id: FAX_ID, comment: "", is_read: false });
    expectTypeOf(updated).toEqualTypeOf<OperationData<"updateFax">>();
    expect(updated).toBeUndefined();
  });

  it("outbox.send resolves to a SendFaxResponse; webhooks.create to a WebhookId", async () => {
    const sent = await fax.outbox.send({ from: "+12345667", to: ["+12345688"], files: [FILE_PATH], return_ids: true });
    expectTypeOf(sent).toEqualTypeOf<OperationData<"sendFax">>();
    expect(sent.ids).toEqual(expect.any(Object));
    const hook = await fax.webhooks.create({ target: `${env.hookSink}/typed`, event: "fax_sent" });
    expectTypeOf(hook).toEqualTypeOf<OperationData<"createWebhook">>();
    // Prism answers the spec's example id; the fake makes a new 24-hex id (HOOK_ID is taken).
    if (onFake) expect(hook.id).toMatch(/^(?!66df09cf1d6d0b295c363956)[0-9a-f]{24}$/);
    else expect(hook.id).toBe(HOOK_ID);
  });
});
