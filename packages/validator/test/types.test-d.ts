import type { BulkFaxUpdateRequest, Fax, FaxList } from "@faxkit/types";
import { expectTypeOf, test } from "vitest";
import { assert, assertFaxList, is, isFax, type ValidationResult, validate, validateBulkFaxUpdateRequest } from "../src/index.js";

test("is.Fax narrows unknown to Fax", () => {
  const value: unknown = JSON.parse("{}");
  if (is.Fax(value)) expectTypeOf(value).toEqualTypeOf<Fax>();
});

test("assert.FaxList asserts FaxList", () => {
  const value: unknown = JSON.parse("{}");
  assert.FaxList(value);
  expectTypeOf(value).toEqualTypeOf<FaxList>();
});

test("validate.X returns the schema's type on success", () => {
  expectTypeOf(validate.BulkFaxUpdateRequest).returns.toEqualTypeOf<ValidationResult<BulkFaxUpdateRequest>>();
  const result = validate.BulkFaxUpdateRequest({});
  if (result.ok) expectTypeOf(result.value).toEqualTypeOf<BulkFaxUpdateRequest>();
});

test("an unknown schema name is a compile error", () => {
  // @ts-expect-error there is no schema named Nope
  validate.Nope;
});

test("the flat root exports are the namespace functions under flat names, with the same types", () => {
  expectTypeOf(validateBulkFaxUpdateRequest).toEqualTypeOf(validate.BulkFaxUpdateRequest);
  const value: unknown = JSON.parse("{}");
  if (isFax(value)) expectTypeOf(value).toEqualTypeOf<Fax>();
  assertFaxList(value);
  expectTypeOf(value).toEqualTypeOf<FaxList>();
});
