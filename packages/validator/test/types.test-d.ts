import type { BulkFaxUpdateRequest, Fax, FaxList } from "@faxkit/types";
import { expectTypeOf, test } from "vitest";
import { assert, is, type ValidationResult, validate } from "../src/index.js";

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
