import { describe, expect, it } from "vitest";
import { type OperationCall, operationCalls, operationIds, operations, resources } from "../src/index.js";

/** The fields an OperationCall has, read from a full record. */
function callPart(meta: OperationCall): OperationCall {
  const { method, path, pathParams, queryParams, headerParams, requestContentType, requestBodyRequired } = meta;
  return { method, path, pathParams, queryParams, headerParams, requestContentType, requestBodyRequired };
}

describe("operationCalls, the client's call table", () => {
  it("has one record per operation, in the operation table's order", () => {
    expect(Object.keys(operationCalls)).toEqual(operationIds);
  });

  it.each(operationIds)("%s: its call record is exactly the call part of its OperationMeta", (operationId) => {
    expect(operationCalls[operationId]).toStrictEqual(callPart(operations[operationId]));
  });

  it.each(operationIds)("%s: its path parameters are the {names} of its path, in order", (operationId) => {
    const { path, pathParams } = operationCalls[operationId];
    expect(pathParams).toStrictEqual(Array.from(path.matchAll(/\{([^}]+)\}/g), (match) => match[1]));
  });

  it("is what the resource map points to: every method names an operation of the table", () => {
    const called = Object.values(resources).flatMap((methods) => Object.values(methods) as string[]);
    expect([...called].sort()).toEqual([...operationIds].sort());
  });
});
