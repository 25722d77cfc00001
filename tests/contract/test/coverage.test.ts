/**
 * The case table against the spec: every operation has a case, and each case's arguments are
 * what the spec says the operation takes (only the required inputs, and all of them) with
 * values the request validators accept. A new operation in the spec fails here first.
 */
import { type OperationId, operations } from "@faxkit/types";
import { validateRequest } from "@faxkit/validator";
import { describe, expect, inject, it } from "vitest";
import { type CaseEnv, caseOf, type FileCall, missingCaseAdvice, operationCases } from "./cases/operations.js";
import { operationInputs } from "./cases/spec.js";
import { resourcePath } from "./helpers/client.js";

const env: CaseEnv = { hookSink: inject("hookSink") };
const specIds = Object.keys(operations) as OperationId[];
const sorted = (values: Iterable<string>) => [...values].sort();

describe("the case table covers the spec", () => {
  it("has a case for every operationId of the spec, and none for an operation the spec does not have", () => {
    const covered = new Set(Object.keys(operationCases));
    const missing = specIds.filter((id) => !covered.has(id));
    const stale = [...covered].filter((id) => !(id in operations));
    const advice = [
      ...missing.map((id) => `${operations[id].method} ${operations[id].path}: ${missingCaseAdvice(id)}`),
      ...stale.map((id) => `${id} has a case in tests/contract/test/cases/operations.ts but is not in the spec any more: remove it`),
    ];
    expect(advice, advice.join("\n")).toEqual([]);
    expect(sorted(covered)).toEqual(sorted(specIds));
  });

  it.each(specIds)("%s has a resource method", (operationId) => {
    expect(() => resourcePath(operationId)).not.toThrow();
  });
});

/** Splits a resource call's one argument object by the operation table, as the client does. */
function split(operationId: OperationId, args: Record<string, unknown>) {
  const op = operations[operationId];
  const params = { path: {} as Record<string, unknown>, query: {} as Record<string, unknown>, header: {} as Record<string, unknown> };
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    if ((op.pathParams as readonly string[]).includes(key)) params.path[key] = value;
    else if ((op.queryParams as readonly string[]).includes(key)) params.query[key] = value;
    else if ((op.headerParams as readonly string[]).includes(key)) params.header[key] = value;
    else body[key] = value;
  }
  if ((op.pathParams as readonly string[]).includes("user_id")) params.path.user_id ??= "self";
  const hasBody = Object.keys(body).length > 0 || op.requestBodyRequired;
  return { params, body: hasBody && op.requestContentType === "application/json" ? body : undefined };
}

describe.each(specIds)("the case of %s matches the spec", (operationId) => {
  const inputs = operationInputs(operationId);
  const entry = caseOf(operationId);
  if (entry === undefined) {
    it("has a case", () => expect.fail(missingCaseAdvice(operationId)));
    return;
  }
  const paramNames = inputs.params.map((p) => p.name);
  const requiredParams = inputs.params.filter((p) => p.required && p.name !== "user_id").map((p) => p.name);

  if (entry.kind === "resource") {
    const notSent = Object.keys(entry.notSent ?? {});
    const required = (entry.required(env) ?? {}) as Record<string, unknown>;
    const all = entry.all(env) as Record<string, unknown>;

    it("required: every required input and nothing else (user_id is left to the client)", () => {
      const minimum = new Set([...requiredParams, ...inputs.bodyRequired]);
      const extra = Object.keys(required).filter((key) => !minimum.has(key));
      expect(sorted(Object.keys(required).filter((key) => minimum.has(key)))).toEqual(sorted(minimum));
      if (inputs.bodyAnyOf.length === 0) expect(extra, "inputs that are not required").toEqual([]);
      else {
        // "at least one of": exactly one branch's properties, the least a valid call can send.
        const branch = inputs.bodyAnyOf.find((names) => sorted(names.filter((n) => !minimum.has(n))).join() === sorted(extra).join());
        expect(
          branch,
          `extra inputs ${JSON.stringify(extra)} must be exactly one anyOf branch of ${JSON.stringify(inputs.bodyAnyOf)}`,
        ).toBeDefined();
      }
    });

    it("all: every parameter and every top-level body property the spec lists", () => {
      const expected = [...paramNames, ...inputs.bodyProperties].filter((name) => !notSent.includes(name));
      expect(sorted(Object.keys(all))).toEqual(sorted(new Set(expected)));
      for (const name of notSent) expect([...paramNames, ...inputs.bodyProperties], `notSent.${name} is not an input`).toContain(name);
    });

    it.each([
      ["required", required],
      ["all", all],
    ] as const)("%s: the request validators accept the arguments", (_variant, args) => {
      expect(validateRequest(operationId, split(operationId, args))).toEqual({ ok: true });
    });
  } else {
    const call = (variant: "required" | "all") => entry[variant](env) as FileCall;

    it("required: no options; all: an option for every query parameter and user_id", () => {
      expect(call("required").options).toBeUndefined();
      const optionNames = Object.keys(call("all").options ?? {});
      const positional = inputs.params.filter((p) => p.in === "path" && p.name !== "user_id").map((p) => p.name);
      expect(positional.length, "path parameters other than user_id").toBeLessThanOrEqual(1);
      for (const name of paramNames.filter((n) => !positional.includes(n))) expect(optionNames).toContain(name);
    });
  }
});
