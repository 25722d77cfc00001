import { describe, expect, it } from "vitest";
import { rewriteAtLeastOneOf } from "../../src/emit/at-least-one-of.js";

const bulkUpdate = () => ({
  type: "object",
  description: "Bulk update",
  properties: { ids: { type: "array", items: { type: "string" } }, is_read: { type: "boolean" }, comment: { type: "string" } },
  required: ["ids"],
  additionalProperties: false,
  anyOf: [{ required: ["is_read"] }, { required: ["comment"] }],
});

describe("rewriteAtLeastOneOf", () => {
  it("turns a required-only anyOf into allOf [base, anyOf of typed branches]", () => {
    const schema = bulkUpdate();
    const document = { components: { schemas: { BulkFaxUpdateRequest: schema } } };
    expect(rewriteAtLeastOneOf(document)).toBe(1);
    expect(schema).toEqual({
      description: "Bulk update",
      allOf: [
        {
          type: "object",
          properties: bulkUpdate().properties,
          required: ["ids"],
          additionalProperties: false,
        },
        {
          anyOf: [
            { type: "object", required: ["is_read"], properties: { is_read: { type: "boolean" } } },
            { type: "object", required: ["comment"], properties: { comment: { type: "string" } } },
          ],
        },
      ],
    });
  });

  it("handles oneOf the same way and finds inline schemas anywhere", () => {
    const inline = { ...bulkUpdate(), anyOf: undefined, oneOf: [{ required: ["is_read"] }, { required: ["comment"] }] };
    delete inline.anyOf;
    const document = { paths: { "/x": { put: { requestBody: { content: { "application/json": { schema: inline } } } } } } };
    expect(rewriteAtLeastOneOf(document)).toBe(1);
    expect(inline).toHaveProperty("allOf.1.oneOf.1.required", ["comment"]);
  });

  it("keeps a required name the base never declares required, of any type", () => {
    const schema = { type: "object", properties: { a: { type: "string" } }, anyOf: [{ required: ["a"] }, { required: ["undeclared"] }] };
    rewriteAtLeastOneOf({ components: { schemas: { S: schema } } });
    expect(schema).toHaveProperty("allOf.1.anyOf.1", { type: "object", required: ["undeclared"], properties: { undeclared: {} } });
  });

  it.each([
    ["branches with their own properties", { properties: { a: {} }, anyOf: [{ required: ["a"], properties: { a: {} } }] }],
    ["anyOf of types", { properties: { a: {} }, anyOf: [{ type: "string" }, { type: "number" }] }],
    ["no sibling properties", { anyOf: [{ required: ["a"] }] }],
    ["an empty anyOf", { properties: { a: {} }, anyOf: [] }],
  ])("leaves %s alone", (_name, schema) => {
    const before = structuredClone(schema);
    expect(rewriteAtLeastOneOf({ components: { schemas: { S: schema } } })).toBe(0);
    expect(schema).toEqual(before);
  });
});

describe("rewriteAtLeastOneOf with hostile names", () => {
  it("keeps a required property named __proto__ as a property of its branch", () => {
    const document = JSON.parse(
      '{"type":"object","properties":{"__proto__":{"type":"string"},"b":{"type":"integer"}},"anyOf":[{"required":["__proto__"]},{"required":["b"]}]}',
    );
    rewriteAtLeastOneOf(document);
    const branches = document.allOf[1].anyOf as { properties: Record<string, unknown> }[];
    expect(Object.keys(branches[0]?.properties ?? {})).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(branches[0]?.properties)).toBe(Object.prototype);
  });
});
