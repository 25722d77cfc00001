/**
 * Error paths, generated from the operation table: for every operation and every error status
 * it documents among 400, 401, 403, 404, 409, 429 and 500, the call asks the mock for that
 * status (`Prefer: code=NNN`, as per-call `headers`) and must reject with exactly the typed
 * error class, carrying the status, the operationId and the spec example's `error` /
 * `description`. Request validation stays on (the request itself is valid), retries are off.
 */
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  createFaxPlusClient,
  type FaxPlusError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
} from "@faxkit/client";
import { type OperationId, operations } from "@faxkit/types";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type CaseEnv, caseOf, missingCaseAdvice } from "./cases/operations.js";
import { responseExample } from "./cases/spec.js";
import { contractClient, runCase } from "./helpers/client.js";
import { type FilesStub, startFilesStub } from "./helpers/files-stub.js";
import { sendJson, startStub } from "./helpers/stub-server.js";

const mockUrl = inject("mockUrl");
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

  it.each(cases)("$operationId: Prefer: code=$status → $errorClass", async ({ operationId, status }) => {
    const entry = caseOf(operationId);
    if (entry === undefined) return expect.fail(missingCaseAdvice(operationId));
    const viaStub = entry.kind === "file" && entry.stub !== undefined;
    const { fax, sent } = contractClient(viaStub ? stub.url : mockUrl);

    const error = await rejection(runCase(fax, operationId, "required", env, { headers: { Prefer: `code=${status}` } }));

    expect(error.constructor).toBe(ERROR_CLASSES[status]);
    expect(error).toMatchObject({ status, operationId, method: operations[operationId].method });
    const example = responseExample(operationId, status) as { error: string; description: string };
    expect(error.code).toBe(example.error);
    expect(error.description).toBe(example.description);
    expect(sent).toHaveLength(1);
  });
});

describe("statuses the spec documents for no operation (409, 429)", () => {
  it("no operation documents 409 or 429, so the mock cannot produce them", () => {
    const documented = new Set(Object.values(operations).flatMap((op) => op.errorStatuses as readonly (number | string)[]));
    expect(documented.has(409)).toBe(false);
    expect(documented.has(429)).toBe(false);
  });

  it("the mock answers Prefer: code=429 with a 404 whose code says the status is not documented, not the API's not_found", async () => {
    // An undocumented Prefer code is still a 404, but its code tells it apart from a real one.
    const { fax } = contractClient(mockUrl);
    const error = await rejection(fax.accounts.get({}, { headers: { Prefer: "code=429" } }));
    expect(error.constructor).toBe(NotFoundError);
    expect(error.code).toBe("mock_response_not_documented");
    expect(error.rawBody).toContain("Requested status code 429 is not defined in the document");
    expect(error.headers["content-type"]).toMatch(/^application\/json/);
  });

  it("a real 409 and 429 (loopback stub) become ConflictError and RateLimitError with retryAfter", async () => {
    const server = await startStub((request, response) => {
      if (request.method === "DELETE")
        return sendJson(response, 409, { error: "conflict", description: "the fax is being sent and cannot be cancelled" });
      sendJson(response, 429, { error: "too_many_requests", description: "slow down" }, { "retry-after": "7" });
    });
    try {
      const { fax } = contractClient(server.url);
      const conflict = await rejection(fax.outbox.delete({ outbox_fax_id: "1a2b3c4d5e6f7890" }));
      expect(conflict.constructor).toBe(ConflictError);
      expect(conflict).toMatchObject({ status: 409, operationId: "deleteOutboxFax", code: "conflict" });
      const limited = await rejection(fax.faxes.list());
      expect(limited.constructor).toBe(RateLimitError);
      expect(limited).toMatchObject({ status: 429, operationId: "listFaxes", code: "too_many_requests", retryAfter: 7 });
      expect(server.requests).toHaveLength(2);
    } finally {
      await server.close();
    }
  });
});

describe("authentication", () => {
  it("without a token the mock's security check answers 401: AuthenticationError", async () => {
    const fax = createFaxPlusClient({ baseUrl: mockUrl, maxRetries: 0 });
    const error = await rejection(fax.accounts.get());
    expect(error.constructor).toBe(AuthenticationError);
    expect(error).toMatchObject({ status: 401, operationId: "getUser", code: "unauthorized" });
    expect(error.description).toContain("mock rejected the request");
  });
});
