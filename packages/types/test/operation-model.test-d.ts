import { expectTypeOf, test } from "vitest";
import { type OperationCall, type OperationMeta, operationCalls, operations } from "../src/index.js";

test("every record of the operation table is an OperationMeta, and every call record an OperationCall", () => {
  expectTypeOf(operations).toExtend<Readonly<Record<string, OperationMeta>>>();
  expectTypeOf(operationCalls).toExtend<Readonly<Record<string, OperationCall>>>();
});

test("one model: an OperationMeta is an OperationCall, not the other way round", () => {
  expectTypeOf<OperationMeta>().toExtend<OperationCall>();
  expectTypeOf<OperationCall>().not.toExtend<OperationMeta>();
  // A full record can be handed to anything that takes a call record.
  expectTypeOf(operations.getFax).toExtend<OperationCall>();
});

test("the tables keep their literal types (`as const satisfies`, not a widening annotation)", () => {
  expectTypeOf(operationCalls.getFax.pathParams).toEqualTypeOf<readonly ["user_id", "fax_id"]>();
  expectTypeOf(operationCalls.getFax.method).toEqualTypeOf<"GET">();
  expectTypeOf(operationCalls.getFax.requestContentType).toEqualTypeOf<null>();
  expectTypeOf(operationCalls.sendFax.requestContentType).toEqualTypeOf<"application/json">();
  expectTypeOf(operations.uploadFile.requestBodyRequired).toEqualTypeOf<true>();
});

test("a call record without its path parameters is not an OperationCall", () => {
  // @ts-expect-error pathParams is required: the client never derives it from the path
  const call: OperationCall = {
    method: "GET",
    path: "/accounts/{user_id}",
    queryParams: [],
    headerParams: [],
    requestContentType: null,
    requestBodyRequired: false,
  };
  void call;
});
