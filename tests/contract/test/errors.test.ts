/**
 * Error paths, generated from the operation table: for every operation and every error status
 * it documents among 400, 401, 403, 404, 409, 429 and 500, the call asks the server for that
 * status and must reject with exactly the typed error class, carrying the status, the
 * operationId and the spec example's `error` / `description`; the error body validates against
 * the spec's response for that status. Request validation stays on (the request itself is
 * valid), retries are off.
 *
 * How the status is asked for: Prism takes `Prefer: code=NNN` (per-call `headers`); the fake
 * takes `fake.failNext({ operationId, status, body })` with the spec's example as the body.
 */
import {
  AuthenticationError,
  BadRequestError,
  type CallOptions,
  ConflictError,
  createFaxPlusClient,
  type FaxPlusError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
} from "@faxkit/client";
import { type OperationId, operations } from "@faxkit/types";
import { validateResponse } from "@faxkit/validator";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type CaseEnv, caseOf, missingCaseAdvice, OUTBOX_FAX_ID } from "./cases/operations.js";
import { responseExample } from "./cases/spec.js";
import { backendForFile, onFake } from "./helpers/backend.js";
import { contractClient, runCase } from "./helpers/client.js";
import { type FilesStub, startFilesStub } from "./helpers/files-stub.js";
import { sendJson, startStub } from "./helpers/stub-server.js";

const server = backendForFile();
const env: CaseEnv = { hookSink: inject("hookSink") };

const ERROR_CLASSES = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  429: RateLimitError,
  500: ServerError,
} as const;
type CheckedStatus = keyof typeof ERROR_CLASSES;
const CHECKED = Object.keys(ERROR_CLASSES).map(Number) as CheckedStatus[];

const cases = (Object.keys(operations) as OperationId[]).flatMap((operationId) =>
  (operations[operationId].errorStatuses as readonly (number | string)[])
    .filter((status): status is CheckedStatus => CHECKED.includes(status as CheckedStatus))
    .map((status) => ({ operationId, status, errorClass: ERROR_CLASSES[status].name })),
);

let stub: FilesStub;
beforeAll(async () => {
  stub = await startFilesStub();
});
afterAll(() => stub.close());

/** Makes the next call of `operationId` answer `status` with the spec's example: Prism by a header, the fake by its control. */
function askFor(operationId: OperationId, status: number): CallOptions {
  if (!onFake) return { headers: { Prefer: `code=${status}` } };
  server.fake.failNext({ operationId, status, body: responseExample(operationId, status) });
  return {};
}

async function rejection(promise: Promise<unknown>): Promise<FaxPlusError> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error as FaxPlusError,
  );
}

describe("documented error statuses", () => {
  it("every operation documents at least one checked status (the table below is not empty)", () => {
    expect(new Set(cases.map((c) => c.operationId)).size).toBe(Object.keys(operations).length);
  });

  const how = onFake ? "fake.failNext status " : "Prefer: code=";
  it.each(cases)(`$operationId: ${how}$status → $errorClass`, async ({ operationId, status }) => {
    const entry = caseOf(operationId);
    if (entry === undefined) return expect.fail(missingCaseAdvice(operationId));
    const viaStub = !onFake && entry.kind === "file" && entry.stub !== undefined;
    const { fax, sent } = contractClient(viaStub ? stub.url : server.url);

    const error = await rejection(runCase(fax, operationId, "required", env, askFor(operationId, status)));

    expect(error.constructor).toBe(ERROR_CLASSES[status]);
    expect(error).toMatchObject({ status, operationId, method: operations[operationId].method });
    const example = responseExample(operationId, status) as { error: string; description: string };
    expect(error.code).toBe(example.error);
    expect(error.description).toBe(example.description);
    expect(validateResponse(operationId, status, JSON.parse(error.rawBody ?? "null"), { tolerateDrift: false })).toEqual({
      ok: true,
      drift: [],
    });
    expect(sent).toHaveLength(1);
  });
});

describe("statuses the spec documents for no operation (409, 429)", () => {
  it("no operation documents 409 or 429, so the mock cannot produce them", () => {
    const documented = new Set(Object.values(operations).flatMap((op) => op.errorStatuses as readonly (number | string)[]));
    expect(documented.has(409)).toBe(false);
    expect(documented.has(429)).toBe(false);
  });

  // Prism only: `Prefer` is Prism's way of choosing an answer; the fake produces any status with failNext (below).
  if (!onFake)
    it("Prism answers Prefer: code=429 with a 404 whose code says the status is not documented, not the API's not_found", async () => {
      // An undocumented Prefer code is still a 404, but its code tells it apart from a real one.
      const { fax } = contractClient(server.url);
      const error = await rejection(fax.accounts.get({}, { headers: { Prefer: "code=429" } }));
      expect(error.constructor).toBe(NotFoundError);
      expect(error.code).toBe("mock_response_not_documented");
      expect(error.rawBody).toContain("Requested status code 429 is not defined in the document");
      expect(error.headers["content-type"]).toMatch(/^application\/json/);
    });

  it(`a real 409 and 429 (${onFake ? "fake.failNext" : "loopback stub"}) become ConflictError and RateLimitError with retryAfter`, async () => {
    const target = await conflictAndRateLimit();
    try {
      const { fax } = contractClient(target.url);
      const conflict = await rejection(fax.outbox.delete({ outbox_fax_id: OUTBOX_FAX_ID }));
      expect(conflict.constructor).toBe(ConflictError);
      expect(conflict).toMatchObject({ status: 409, operationId: "deleteOutboxFax", code: "conflict" });
      const limited = await rejection(fax.faxes.list());
      expect(limited.constructor).toBe(RateLimitError);
      expect(limited).toMatchObject({ status: 429, operationId: "listFaxes", code: "too_many_requests", retryAfter: 7 });
      expect(target.requests()).toBe(2);
    } finally {
      await target.close();
    }
  });
});

/**
 * A server that answers deleteOutboxFax 409 and listFaxes 429 (`Retry-After: 7`): no operation
 * documents either, so Prism cannot, and a loopback stub stands in; the fake does it by failNext.
 */
async function conflictAndRateLimit(): Promise<{ url: string; requests(): number; close(): Promise<void> }> {
  if (onFake) {
    const { fake } = server;
    fake.failNext({ operationId: "deleteOutboxFax", status: 409 });
    fake.failNext({ operationId: "listFaxes", status: 429, retryAfter: 7 });
    return { url: server.url, requests: () => fake.requests.length, close: async () => undefined };
  }
  const stubServer = await startStub((request, response) => {
    if (request.method === "DELETE")
      return sendJson(response, 409, { error: "conflict", description: "the fax is being sent and cannot be cancelled" });
    sendJson(response, 429, { error: "too_many_requests", description: "slow down" }, { "retry-after": "7" });
  });
  return { url: stubServer.url, requests: () => stubServer.requests.length, close: () => stubServer.close() };
}

describe("authentication", () => {
  it("without a token the server's security check answers 401: AuthenticationError", async () => {
    const fax = createFaxPlusClient({ baseUrl: server.url, maxRetries: 0 });
    const error = await rejection(fax.accounts.get());
    expect(error.constructor).toBe(AuthenticationError);
    expect(error).toMatchObject({ status: 401, operationId: "getUser", code: "unauthorized" });
    // Prism's front names itself; the fake answers with the spec's own 401 example.
    if (onFake) expect(error.description).toBe((responseExample("getUser", 401) as { description: string }).description);
    else expect(error.description).toContain("mock rejected the request");
  });
});
