import { expectTypeOf, test } from "vitest";
import {
  type BulkFaxUpdateRequest,
  type Fax,
  type OperationId,
  type OperationTypes,
  operations,
  type paths,
  specInfo,
} from "../src/index.js";

/** `true` when `K` may be left out of `T`. */
type IsOptionalKey<T, K extends keyof T> = Partial<Pick<T, K>> extends Pick<T, K> ? true : false;

test("BulkFaxUpdateRequest accepts ids with is_read and/or comment", () => {
  const both: BulkFaxUpdateRequest = { ids: ["a"], is_read: true, comment: "x" };
  const markUnread: BulkFaxUpdateRequest = { ids: ["a"], is_read: false };
  const removeComment: BulkFaxUpdateRequest = { ids: ["a"], comment: "" };
  expectTypeOf([both, markUnread, removeComment]).toEqualTypeOf<BulkFaxUpdateRequest[]>();
});

test("BulkFaxUpdateRequest rejects a non-boolean is_read", () => {
  // @ts-expect-error is_read must be a boolean
  const body: BulkFaxUpdateRequest = { ids: ["a"], is_read: "true", comment: "x" };
  void body;
});

test("BulkFaxUpdateRequest rejects a body without ids", () => {
  // @ts-expect-error ids is required
  const body: BulkFaxUpdateRequest = { is_read: true, comment: "x" };
  void body;
});

test("BulkFaxUpdateRequest rejects a body with neither is_read nor comment", () => {
  // @ts-expect-error at least one of is_read or comment must be provided
  const body: BulkFaxUpdateRequest = { ids: ["a"] };
  void body;
});

test("BulkFaxUpdateRequest rejects a numeric comment", () => {
  // @ts-expect-error comment must be a string
  const body: BulkFaxUpdateRequest = { ids: ["a"], is_read: true, comment: 1 };
  void body;
});

test("Fax has a required string id", () => {
  expectTypeOf<Fax["id"]>().toEqualTypeOf<string>();
  expectTypeOf<IsOptionalKey<Fax, "id">>().toEqualTypeOf<false>();
});

test("the bulkUpdateFaxes request body is required", () => {
  type BulkPut = paths["/accounts/{user_id}/faxes"]["put"];
  expectTypeOf<BulkPut>().toEqualTypeOf<OperationTypes["bulkUpdateFaxes"]>();
  expectTypeOf<IsOptionalKey<BulkPut, "requestBody">>().toEqualTypeOf<false>();
  expectTypeOf<undefined extends BulkPut["requestBody"] ? true : false>().toEqualTypeOf<false>();
  expectTypeOf<BulkPut["requestBody"]["content"]["application/json"]>().toEqualTypeOf<BulkFaxUpdateRequest>();
});

test("IsOptionalKey tells an optional body from a required one", () => {
  // updateUser is an operation whose body stays optional (no overlay makes it required).
  expectTypeOf<IsOptionalKey<OperationTypes["updateUser"], "requestBody">>().toEqualTypeOf<true>();
});

test("the runtime operation table and spec info keep literal types", () => {
  expectTypeOf(operations.bulkUpdateFaxes.method).toEqualTypeOf<"PUT">();
  expectTypeOf<"bulkUpdateFaxes">().toExtend<OperationId>();
  expectTypeOf<"nope">().not.toExtend<OperationId>();
  // A literal (e.g. "3.4.0"), not widened to string; its value is checked against the spec in operations.test.ts.
  expectTypeOf(specInfo.version).toExtend<string>();
  expectTypeOf<string>().not.toExtend<typeof specInfo.version>();
});
