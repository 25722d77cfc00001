/**
 * OpenAPI 3.0 Schema Object semantics beyond JSON Schema draft-04, through the same path as the
 * generated validators (emitStandaloneValidator → module importing src/internal/runtime.ts →
 * `run(check, value, direction, tolerant)`): `nullable`, `readOnly`/`writeOnly` by direction,
 * formats, drift-tolerant responses, annotation keywords, and the wording of issue messages.
 */
import { Ajv } from "ajv";
import { afterAll, describe, expect, it } from "vitest";
import { type Check, run } from "../../src/internal/runtime.js";
import { createValidatorLoader } from "./load-validator.js";

const loader = createValidatorLoader("openapi-semantics");
afterAll(() => loader.dispose());

const compile = (schema: unknown, root?: unknown): Promise<Check> => loader.load(schema, root);
const REQUEST = 1;
const RESPONSE = 2;
const messages = (check: Check, value: unknown, direction: 0 | 1 | 2 = 0) => run(check, value, direction).issues.map((i) => i.message);

describe("nullable", () => {
  it("nullable: true accepts null next to the type", async () => {
    const check = await compile({ type: "string", nullable: true });
    expect(run(check, null).ok).toBe(true);
    expect(run(check, "fax").ok).toBe(true);
    expect(messages(check, 1)).toEqual(["/: must be string or null (got integer)"]);
  });

  it("without nullable (or with nullable: false) null is rejected", async () => {
    for (const schema of [{ type: "string" }, { type: "string", nullable: false }]) {
      const check = await compile(schema);
      expect(run(check, null).ok).toBe(false);
      expect(messages(check, null)).toEqual(["/: must be string (got null)"]);
    }
  });

  it("nullable object: null passes, and an object is still checked", async () => {
    const check = await compile({ type: "object", nullable: true, required: ["id"], properties: { id: { type: "string" } } });
    expect(run(check, null).ok).toBe(true);
    expect(run(check, { id: "a" }).ok).toBe(true);
    expect(messages(check, {})).toEqual(["/: must have required property 'id'"]);
  });

  describe("nullable + enum matches ajv 8: null passes only when the enum lists it", () => {
    const ajv = new Ajv({ allErrors: true });
    const schemas = [
      { type: "string", nullable: true, enum: ["queued", "sent"] },
      { type: "string", nullable: true, enum: ["queued", "sent", null] },
      { type: "string", enum: ["queued", null] },
      { type: "string", nullable: true },
      { type: "integer", nullable: true, enum: [1, 2] },
    ];
    const values = [null, "queued", "sent", "lost", 1, 3, "", {}];
    it.each(schemas.map((schema) => [JSON.stringify(schema), schema] as const))("%s", async (_name, schema) => {
      const check = await compile(schema);
      const reference = ajv.compile(schema);
      for (const value of values) {
        expect(run(check, value).ok, `value ${JSON.stringify(value)}`).toBe(reference(value));
      }
    });

    it("null against an enum without null is reported as an enum issue", async () => {
      const check = await compile({ type: "string", nullable: true, enum: ["queued", "sent"] });
      expect(run(check, null).issues).toMatchObject([{ keyword: "enum", message: '/: must be one of "queued", "sent" (got null)' }]);
    });
  });
});

describe("readOnly / writeOnly by direction", () => {
  const schema = {
    type: "object",
    required: ["id", "name", "password"],
    properties: {
      id: { type: "string", readOnly: true },
      name: { type: "string" },
      password: { type: "string", writeOnly: true },
    },
  };

  it("a readOnly property is rejected in a request and accepted in a response", async () => {
    const check = await compile(schema);
    const request = run(check, { id: "u1", name: "n", password: "p" }, REQUEST);
    expect(request.ok).toBe(false);
    expect(request.issues).toMatchObject([
      {
        path: "/id",
        keyword: "readOnly",
        schemaPath: "#/properties/id/readOnly",
        message: "/id: is read-only and must not be sent in a request",
      },
    ]);
    expect(run(check, { id: "u1", name: "n" }, RESPONSE).ok).toBe(true);
  });

  it("a writeOnly property is rejected in a response and accepted in a request", async () => {
    const check = await compile(schema);
    expect(run(check, { name: "n", password: "p" }, REQUEST).ok).toBe(true);
    const response = run(check, { id: "u1", name: "n", password: "p" }, RESPONSE);
    expect(response.ok).toBe(false);
    expect(response.issues).toMatchObject([
      {
        path: "/password",
        keyword: "writeOnly",
        schemaPath: "#/properties/password/writeOnly",
        message: "/password: is write-only and must not appear in a response",
      },
    ]);
  });

  it("a required readOnly property is not required in a request but is in a response", async () => {
    const check = await compile(schema);
    expect(run(check, { name: "n", password: "p" }, REQUEST).ok).toBe(true);
    expect(messages(check, { name: "n" }, RESPONSE)).toEqual(["/: must have required property 'id'"]);
  });

  it("a required writeOnly property is required in a request but not in a response", async () => {
    const check = await compile(schema);
    expect(messages(check, { name: "n" }, REQUEST)).toEqual(["/: must have required property 'password'"]);
    expect(run(check, { id: "u1", name: "n" }, RESPONSE).ok).toBe(true);
  });

  it("with no direction (0) both are allowed and both are required", async () => {
    const check = await compile(schema);
    expect(run(check, { id: "u1", name: "n", password: "p" }).ok).toBe(true);
    expect(messages(check, { name: "n" })).toEqual(["/: must have required property 'id'", "/: must have required property 'password'"]);
  });

  it("readOnly behind a $ref to a component schema counts too", async () => {
    const document = {
      components: {
        schemas: {
          Id: { type: "string", readOnly: true },
          User: { type: "object", required: ["id"], properties: { id: { $ref: "#/components/schemas/Id" } } },
        },
      },
    };
    const check = await compile(document.components.schemas.User, document);
    expect(messages(check, { id: "u1" }, REQUEST)).toEqual(["/id: is read-only and must not be sent in a request"]);
    expect(run(check, {}, REQUEST).ok).toBe(true);
    expect(run(check, { id: "u1" }, RESPONSE).ok).toBe(true);
    expect(messages(check, { id: 1 }, RESPONSE)).toEqual(["/id: must be string (got integer)"]);
  });
});

describe("formats", () => {
  const examples: [format: string, value: string, valid: boolean][] = [
    // Formats the Fax.Plus spec uses.
    ["email", "user@example.com", true],
    ["email", "first.last+fax@sub.example.co.uk", true],
    ["email", "user@localhost", false],
    ["email", "user example.com", false],
    ["email", "@example.com", false],
    ["email", "user@@example.com", false],
    ["binary", "%PDF-1.7 \u0000\u00ff raw bytes", true],
    ["binary", "", true],
    // date-time (RFC 3339).
    ["date-time", "2024-02-29T12:30:00Z", true],
    ["date-time", "2024-02-29T12:30:00.123+05:30", true],
    ["date-time", "2024-01-01t00:00:00z", true],
    ["date-time", "2024-01-01", false],
    ["date-time", "2024-01-01T12:30Z", false],
    ["date-time", "2024-13-01T00:00:00Z", false],
    ["date-time", "2024-01-01T00:00:00", false],
    ["date-time", "not a date", false],
    // uuid.
    ["uuid", "123e4567-e89b-12d3-a456-426614174000", true],
    ["uuid", "123E4567-E89B-12D3-A456-426614174000", true],
    ["uuid", "123e4567e89b12d3a456426614174000", false],
    ["uuid", "123e4567-e89b-12d3-a456-42661417400g", false],
    ["uuid", "{123e4567-e89b-12d3-a456-426614174000}", false],
    // ipv4.
    ["ipv4", "192.168.0.1", true],
    ["ipv4", "0.0.0.0", true],
    ["ipv4", "255.255.255.255", true],
    ["ipv4", "256.1.1.1", false],
    ["ipv4", "192.168.0", false],
    ["ipv4", "192.168.00.1", false],
    ["ipv4", "::1", false],
  ];

  it.each(
    examples.map(
      ([format, value, valid]) => [`${format} ${JSON.stringify(value)} is ${valid ? "valid" : "invalid"}`, format, value, valid] as const,
    ),
  )("%s", async (_name, format, value, valid) => {
    const check = await compile({ type: "string", format });
    const result = run(check, value);
    expect(result.ok).toBe(valid);
    if (!valid) {
      expect(result.issues).toMatchObject([{ keyword: "format", schemaPath: "#/format" }]);
      expect(result.issues[0]?.message).toBe(`/: must be a valid ${format} (got ${JSON.stringify(value)})`);
    }
  });

  it("a format does not apply to other types", async () => {
    const check = await compile({ format: "email" });
    expect(run(check, 42).ok).toBe(true);
    expect(run(check, null).ok).toBe(true);
  });
});

describe("additionalProperties: false and drift-tolerant responses", () => {
  const schema = {
    type: "object",
    additionalProperties: false,
    required: ["id"],
    properties: { id: { type: "string" }, status: { type: "string", enum: ["queued", "sent"] } },
  };

  it("rejects unknown properties in every direction when not tolerant", async () => {
    const check = await compile(schema);
    for (const direction of [0, REQUEST, RESPONSE] as const) {
      const result = run(check, { id: "f1", extra: 1, "a/b": 2 }, direction);
      expect(result.ok).toBe(false);
      expect(result.issues).toMatchObject([
        { path: "/extra", keyword: "additionalProperties", message: "/extra: is not allowed (unknown property)" },
        { path: "/a~1b", keyword: "additionalProperties", message: "/a~1b: is not allowed (unknown property)" },
      ]);
      expect(result.drift).toEqual([]);
    }
  });

  it("a tolerant response accepts unknown properties and lists them in .drift", async () => {
    const check = await compile(schema);
    const result = run(check, { id: "f1", extra: { nested: true }, "a/b": 2 }, RESPONSE, true);
    expect(result.ok).toBe(true);
    expect(result.issues).toEqual([]);
    expect(result.drift).toEqual([
      { path: "/extra", kind: "unknown-property", value: { nested: true } },
      { path: "/a~1b", kind: "unknown-property", value: 2 },
    ]);
  });

  it("an unknown enum value in a tolerant response is drift, not an issue", async () => {
    const check = await compile(schema);
    const tolerant = run(check, { id: "f1", status: "archived" }, RESPONSE, true);
    expect(tolerant.ok).toBe(true);
    expect(tolerant.issues).toEqual([]);
    expect(tolerant.drift).toEqual([{ path: "/status", kind: "unknown-enum-value", value: "archived" }]);

    expect(messages(check, { id: "f1", status: "archived" }, RESPONSE)).toEqual([
      '/status: must be one of "queued", "sent" (got "archived")',
    ]);
  });

  it("tolerance is for responses only: a tolerant request still rejects both", async () => {
    const check = await compile(schema);
    const result = run(check, { id: "f1", status: "archived", extra: 1 }, REQUEST, true);
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.keyword).sort()).toEqual(["additionalProperties", "enum"]);
    expect(result.drift).toEqual([]);
  });

  it("a tolerant response still reports real issues (and valid drift alongside)", async () => {
    const check = await compile(schema);
    const result = run(check, { id: 7, extra: 1 }, RESPONSE, true);
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.message)).toEqual(["/id: must be string (got integer)"]);
    expect(result.drift).toEqual([{ path: "/extra", kind: "unknown-property", value: 1 }]);
  });
});

describe("annotation keywords are ignored", () => {
  const plain = {
    type: "object",
    required: ["kind"],
    properties: {
      kind: { type: "string", enum: ["cat", "dog"] },
      name: { type: "string", maxLength: 10 },
    },
    oneOf: [{ properties: { kind: { enum: ["cat"] } } }, { properties: { kind: { enum: ["dog"] } }, required: ["name"] }],
  };
  const annotated = {
    ...plain,
    title: "Pet",
    description: "A pet; `example` below does not even match the schema.",
    example: { kind: "fish", name: 42 },
    xml: { name: "pet", wrapped: true },
    externalDocs: { url: "https://example.com/docs", description: "docs" },
    discriminator: { propertyName: "kind", mapping: { cat: "#/components/schemas/Cat" } },
    deprecated: true,
    "x-internal": true,
    properties: {
      kind: { ...plain.properties.kind, example: "fish", description: "kind", xml: { attribute: true } },
      name: { ...plain.properties.name, example: 12345678901234, externalDocs: { url: "https://example.com" } },
    },
  };
  const values = [
    { kind: "cat" },
    { kind: "dog" },
    { kind: "dog", name: "Rex" },
    { kind: "fish" },
    { kind: "cat", name: 42 },
    {},
    null,
    "cat",
  ];

  it.each(
    values.map((value) => [JSON.stringify(value), value] as const),
  )("%s: same result and issues with and without annotations", async (_name, value) => {
    const [withAnnotations, without] = await Promise.all([compile(annotated), compile(plain)]);
    const a = run(withAnnotations, value);
    const b = run(without, value);
    expect(a.ok).toBe(b.ok);
    expect(a.issues).toEqual(b.issues);
  });

  it("the emitted code does not mention them", async () => {
    await compile(annotated);
    for (const word of ["example", "xml", "externalDocs", "discriminator", "deprecated", "x-internal", "fish"]) {
      expect(loader.lastSource).not.toContain(word);
    }
  });
});

describe("messages", () => {
  it('the "at least one of" anyOf-required idiom', async () => {
    const check = await compile({
      type: "object",
      properties: { is_read: { type: "boolean" }, comment: { type: "string" } },
      anyOf: [{ required: ["is_read"] }, { required: ["comment"] }],
    });
    expect(run(check, { is_read: true }).ok).toBe(true);
    expect(run(check, { comment: "seen" }).ok).toBe(true);
    expect(run(check, {}).issues).toMatchObject([
      { path: "/", keyword: "anyOf", schemaPath: "#/anyOf", message: "/: must have at least one of the properties 'is_read', 'comment'" },
    ]);
  });

  const schema = {
    type: "object",
    properties: {
      ids: { type: "array", maxItems: 100, items: { type: "integer" } },
      to: { type: "array", minItems: 1, uniqueItems: true, items: { type: "string" } },
      name: { type: "string", maxLength: 5 },
      code: { type: "string", minLength: 2, pattern: "^[A-Z]+$" },
      pages: { type: "integer", minimum: 1, maximum: 200 },
      ratio: { type: "number", minimum: 0, exclusiveMinimum: true, maximum: 1, exclusiveMaximum: true },
      step: { type: "number", multipleOf: 0.5 },
      status: { type: "string", enum: ["queued", "sent"] },
      tags: { type: "object", maxProperties: 2 },
    },
  };

  const cases: [field: string, value: unknown, message: string][] = [
    ["ids", Array.from({ length: 101 }, (_, k) => k), "/ids: must have at most 100 items (got 101)"],
    ["ids", [1, "2"], "/ids/1: must be integer (got string)"],
    ["to", [], "/to: must have at least 1 item (got 0)"],
    ["to", ["a", "b", "a"], "/to: must not have duplicate items (items 0 and 2 are equal)"],
    ["name", "abcdef", "/name: must be at most 5 characters (got 6)"],
    ["name", "📠📠📠📠📠📠", "/name: must be at most 5 characters (got 6)"],
    ["code", "A", "/code: must be at least 2 characters (got 1)"],
    ["code", "abc", '/code: must match pattern "^[A-Z]+$" (got "abc")'],
    ["pages", 0, "/pages: must be >= 1 (got 0)"],
    ["pages", 201, "/pages: must be <= 200 (got 201)"],
    ["pages", 1.5, "/pages: must be integer (got number)"],
    ["ratio", 0, "/ratio: must be > 0 (got 0)"],
    ["ratio", 1, "/ratio: must be < 1 (got 1)"],
    ["step", 0.7, "/step: must be a multiple of 0.5 (got 0.7)"],
    ["status", "lost", '/status: must be one of "queued", "sent" (got "lost")'],
    ["tags", { a: 1, b: 2, c: 3 }, "/tags: must have at most 2 properties (got 3)"],
  ];

  it.each(cases.map(([field, value, message]) => [message, field, value] as const))("%s", async (message, field, value) => {
    const check = await compile(schema);
    expect(messages(check, { [field]: value })).toEqual([message]);
  });

  it("every issue of a value is reported at once, each with its limit and actual value", async () => {
    const check = await compile(schema);
    const result = run(check, { ids: Array.from({ length: 101 }, (_, k) => k), name: "abcdef", code: "abc", pages: 0, status: "lost" });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => [i.path, i.keyword, i.schemaPath, i.message])).toEqual([
      ["/ids", "maxItems", "#/properties/ids/maxItems", "/ids: must have at most 100 items (got 101)"],
      ["/name", "maxLength", "#/properties/name/maxLength", "/name: must be at most 5 characters (got 6)"],
      ["/code", "pattern", "#/properties/code/pattern", '/code: must match pattern "^[A-Z]+$" (got "abc")'],
      ["/pages", "minimum", "#/properties/pages/minimum", "/pages: must be >= 1 (got 0)"],
      ["/status", "enum", "#/properties/status/enum", '/status: must be one of "queued", "sent" (got "lost")'],
    ]);
  });
});

describe("edge cases the draft-04 suite does not cover", () => {
  it.each([
    [{ multipleOf: 2 }, 2000000001, false],
    [{ multipleOf: 2 }, 4000000000, true],
    [{ multipleOf: 0.01 }, 12345678.005, false],
    [{ multipleOf: 0.01 }, 19.99, true],
    [{ multipleOf: 0.1 }, 0.3, true],
    [{ multipleOf: 0.5 }, 1e308, true],
    [{ type: "string", format: "date" }, "2021-02-31", false],
    [{ type: "string", format: "date" }, "2024-02-29", true],
    [{ type: "string", format: "date" }, "2023-02-29", false],
    [{ type: "string", format: "date-time" }, "2024-02-29T23:59:59+05:30", true],
    [{ type: "string", format: "date-time" }, "2024-02-29 23:59:59Z", false],
  ])("%j with %s → valid: %s", async (schema, value, valid) => {
    expect(run(await compile(schema), value).ok).toBe(valid);
  });
});
