/**
 * The fake's OWN error answers against the spec (the `fake` project only: Prism's errors are the
 * spec's examples, chosen with `Prefer`, and `errors.test.ts` checks those on both backends).
 * Here nothing hands the fake a body: what it writes by itself must validate against the
 * resolved spec's response for that status, strictly, like every success answer does through
 * the contract client's middleware.
 *
 * - `failNext` without a body, for every documented error status of every operation;
 * - no token, for every operation (the fake's own 401);
 * - ids the fake does not hold, for every operation that takes one and documents 404;
 * - a `user_id` that names nobody (the fake's 400 `invalid_user_id`), for every operation taking one;
 * - an account that is not a corporate admin, for the admin-only operations (403).
 */
import { createFaxPlusClient, type FaxPlusClient, type FaxPlusError } from "@faxkit/client";
import { type OperationId, operations } from "@faxkit/types";
import { validateResponse } from "@faxkit/validator";
import { describe, expect, inject, it } from "vitest";
import { type CaseEnv, caseOf, type FileCall, missingCaseAdvice, type ResourceOperationId } from "../cases/operations.js";
import { backendForFile } from "../helpers/backend.js";
import { contractClient, resourceMethod, runCase, runFileCall } from "../helpers/client.js";

const server = backendForFile();
const env: CaseEnv = { hookSink: inject("hookSink") };
const ids = Object.keys(operations) as OperationId[];

const documented = (operationId: OperationId) =>
  (operations[operationId].errorStatuses as readonly (number | string)[]).filter((s): s is number => typeof s === "number");

async function rejection(promise: Promise<unknown>): Promise<FaxPlusError> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error as FaxPlusError,
  );
}

function expectValidErrorBody(operationId: OperationId, error: FaxPlusError): void {
  const body = JSON.parse(error.rawBody ?? "null") as unknown;
  expect(validateResponse(operationId, error.status as number, body, { tolerateDrift: false }), error.rawBody).toEqual({
    ok: true,
    drift: [],
  });
}

describe("failNext without a body: the fake's default error body validates", () => {
  const cases = ids.flatMap((operationId) => documented(operationId).map((status) => ({ operationId, status })));

  it.each(cases)("$operationId $status", async ({ operationId, status }) => {
    server.fake.failNext({ operationId, status });
    const { fax } = contractClient(server.url);
    const error = await rejection(runCase(fax, operationId, "required", env));
    expect(error).toMatchObject({ status, operationId });
    expectValidErrorBody(operationId, error);
  });
});

describe("no token: the fake's own 401 validates", () => {
  it.each(ids.filter((id) => documented(id).includes(401)))("%s", async (operationId) => {
    const fax = createFaxPlusClient({ baseUrl: server.url, maxRetries: 0 });
    const error = await rejection(runCase(fax, operationId, "required", env));
    expect(error).toMatchObject({ status: 401, operationId, code: "unauthorized" });
    expectValidErrorBody(operationId, error);
  });
});

/** A value of each record-naming path parameter that the contract seed does not hold. */
const UNKNOWN: Record<string, string> = {
  fax_id: "ffffffffffffffffffffffff",
  outbox_fax_id: "ffffffffffffffff",
  hook_id: "ffffffffffffffffffffffff",
  number: "+19999999999",
  member_user_id: "ffffffffffffffffffffffffffffffff",
};

/** The operation's required-only case with `change` applied to its arguments (file operations: to its options). */
function callWith(fax: FaxPlusClient, operationId: OperationId, change: (args: Record<string, unknown>) => void): Promise<unknown> {
  const entry = caseOf(operationId);
  if (entry === undefined) throw new Error(missingCaseAdvice(operationId));
  if (entry.kind === "file") {
    const call = entry.required(env) as FileCall;
    const options: Record<string, unknown> = { ...call.options };
    change(options);
    return runFileCall(fax, { ...call, options } as FileCall);
  }
  const args = { ...((entry.required as (env: CaseEnv) => Record<string, unknown> | undefined)(env) ?? {}) };
  change(args);
  return resourceMethod(fax, operationId as ResourceOperationId)(args);
}

/** The operation's required-only case with its record id replaced by one the fake does not hold. */
function callForUnknown(fax: FaxPlusClient, operationId: OperationId): Promise<unknown> {
  const entry = caseOf(operationId);
  if (entry === undefined) throw new Error(missingCaseAdvice(operationId));
  if (entry.kind === "file") {
    const call = entry.required(env) as FileCall;
    return runFileCall(fax, call.method === "upload" ? call : { ...call, faxId: UNKNOWN.fax_id as string });
  }
  const args = { ...((entry.required as (env: CaseEnv) => Record<string, unknown> | undefined)(env) ?? {}) };
  for (const name of operations[operationId].pathParams as readonly string[]) if (UNKNOWN[name] !== undefined) args[name] = UNKNOWN[name];
  return resourceMethod(fax, operationId as ResourceOperationId)(args);
}

describe("an id the fake does not hold: its own 404 validates", () => {
  const cases = ids.filter(
    (id) => documented(id).includes(404) && (operations[id].pathParams as readonly string[]).some((p) => p in UNKNOWN),
  );

  it("some operations take a record id and document 404 (the table below is not empty)", () => {
    expect(cases.length).toBeGreaterThan(5);
  });

  it.each(cases)("%s", async (operationId) => {
    const { fax } = contractClient(server.url);
    const error = await rejection(callForUnknown(fax, operationId));
    expect(error).toMatchObject({ status: 404, operationId });
    expectValidErrorBody(operationId, error);
  });
});

describe("a user_id that names nobody: the fake's own 400 (invalid_user_id) validates", () => {
  it.each(ids.filter((id) => (operations[id].pathParams as readonly string[]).includes("user_id")))("%s", async (operationId) => {
    const { fax } = contractClient(server.url);
    const error = await rejection(
      callWith(fax, operationId, (args) => {
        args.user_id = "0123456789abcdef0123456789abcdef";
      }),
    );
    expect(error).toMatchObject({ status: 400, operationId, code: "invalid_user_id" });
    expectValidErrorBody(operationId, error);
  });
});

describe("an account that is not a corporate admin: the fake's own 403 validates", () => {
  const adminOnly = [
    "getAccounts",
    "getMemberDetails",
    "updateMemberDetails",
    "inviteMembers",
    "resendInvitations",
    "updateNumber",
  ] as const;

  it.each(adminOnly)("%s", async (operationId) => {
    server.fake.seed({ account: { account_type: "individual" } });
    const { fax } = contractClient(server.url);
    const error = await rejection(callWith(fax, operationId, () => undefined));
    expect(error).toMatchObject({ status: 403, operationId, code: "forbidden" });
    expectValidErrorBody(operationId, error);
  });
});
