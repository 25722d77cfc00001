/**
 * The overlays (overlays/*.yaml) turn rules the vendor states only in prose into schema. This
 * checks that each refinement reached the resolved spec (dist/faxplus.resolved.json, written by
 * `pnpm generate`), that the vendor file itself stays as published, and — with a JSON Schema
 * validator — that the refined BulkFaxUpdateRequest and SendFaxResponse accept and reject what the
 * docs say.
 */

import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";

// biome-ignore lint/suspicious/noExplicitAny: parsed OpenAPI documents are walked dynamically
type Doc = any;

const resolved: Doc = JSON.parse(readFileSync(new URL("../dist/faxplus.resolved.json", import.meta.url), "utf8"));
const vendor: Doc = parse(readFileSync(new URL("../faxplus.yaml", import.meta.url), "utf8"));

const DATE_TIME_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$";

function operation(document: Doc, path: string, method: string): Doc {
  const found = document.paths?.[path]?.[method];
  if (found === undefined) throw new Error(`${method.toUpperCase()} ${path} is not in the document`);
  return found;
}

function queryParameter(document: Doc, path: string, method: string, name: string): Doc {
  const found = operation(document, path, method).parameters?.find((p: Doc) => p.in === "query" && p.name === name);
  if (found === undefined) throw new Error(`query parameter ${name} of ${method.toUpperCase()} ${path} not found`);
  return found;
}

describe("resolved spec: bulkUpdateFaxes (01-bulk-update-faxes.yaml)", () => {
  const schema = resolved.components.schemas.BulkFaxUpdateRequest;

  it("limits each id to 32 characters", () => {
    expect(schema.properties.ids.items).toEqual({ type: "string", maxLength: 32 });
  });

  it("requires at least one of is_read or comment", () => {
    expect(schema.anyOf).toStrictEqual([{ required: ["is_read"] }, { required: ["comment"] }]);
    expect(schema.required).toStrictEqual(["ids"]);
  });

  it("makes the request body required", () => {
    expect(resolved.components.requestBodies.BulkFaxUpdateRequest.required).toBe(true);
    expect(operation(resolved, "/accounts/{user_id}/faxes", "put").requestBody).toStrictEqual({
      $ref: "#/components/requestBodies/BulkFaxUpdateRequest",
    });
  });
});

describe("resolved spec: bulkUpdateOutboxFaxes (02-bulk-update-outbox.yaml)", () => {
  const schema = resolved.components.schemas.BulkOutboxUpdateRequest;

  it("limits each id to 32 characters", () => {
    expect(schema.properties.ids.items.maxLength).toBe(32);
  });

  it("requires exactly ids and comment, without duplicates", () => {
    expect(schema.required).toStrictEqual(["ids", "comment"]);
  });

  it("makes the request body required", () => {
    expect(operation(resolved, "/accounts/{user_id}/outbox", "put").requestBody.required).toBe(true);
  });
});

describe("resolved spec: listFaxes time window (03-list-faxes-time-window.yaml)", () => {
  it.each(["after", "before"])("%s has the YYYY-MM-DD HH:mm:ss pattern", (name) => {
    expect(queryParameter(resolved, "/accounts/{user_id}/faxes", "get", name).schema.pattern).toBe(DATE_TIME_PATTERN);
  });

  it("the pattern accepts the documented format and nothing else", () => {
    const pattern = new RegExp(DATE_TIME_PATTERN);
    expect(pattern.test("2024-01-01 00:00:00")).toBe(true);
    expect(pattern.test("2024-01-01T00:00:00")).toBe(false);
    expect(pattern.test("2024-01-01 00:00:00 +0000")).toBe(false);
    expect(pattern.test("2024-01-01")).toBe(false);
  });
});

describe("resolved spec: sendFax limits (04-send-fax.yaml)", () => {
  const properties = resolved.components.schemas.PayloadOutbox.properties;

  it("files holds at most 10 paths", () => {
    expect(properties.files.maxItems).toBe(10);
  });

  it("to holds at least one destination", () => {
    expect(properties.to.minItems).toBe(1);
  });
});

describe("resolved spec: required request bodies (05-required-request-bodies.yaml)", () => {
  it.each([
    ["sendFax", "/accounts/{user_id}/outbox", "post"],
    ["updateFax", "/accounts/{user_id}/faxes/{fax_id}", "put"],
    ["updateNumber", "/accounts/{user_id}/numbers/{number}", "put"],
    ["createWebhook", "/hooks", "post"],
  ])("%s (%s %s) has a required body", (operationId, path, method) => {
    const op = operation(resolved, path, method);
    expect(op.operationId).toBe(operationId);
    expect(op.requestBody.required).toBe(true);
  });
});

describe("resolved spec: e-mail pattern with the dot escaped (06-email-pattern.yaml)", () => {
  const escaped = "^[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+\\.[a-zA-Z0-9-.]+$";
  it.each(["Account", "PayloadAccountModification"])("%s.email", (schema) => {
    expect(resolved.components.schemas[schema].properties.email.pattern).toBe(escaped);
    expect(vendor.components.schemas[schema].properties.email.pattern).toBe(escaped.replace("\\.", "."));
    const pattern = new RegExp(escaped);
    expect(pattern.test("fax@example.com")).toBe(true);
    expect(pattern.test("a@bcd")).toBe(false);
  });
});

describe("resolved spec: sendFax result ids are strings (07-send-fax-ids.yaml)", () => {
  it("maps each destination to a string id", () => {
    expect(resolved.components.schemas.SendFaxResponse.properties.ids.additionalProperties).toStrictEqual({ type: "string" });
  });

  it("faxplus.yaml keeps the published `additionalProperties: true`", () => {
    expect(vendor.components.schemas.SendFaxResponse.properties.ids.additionalProperties).toBe(true);
  });
});

describe("faxplus.yaml keeps BulkFaxUpdateRequest as published (refinements live only in the overlay)", () => {
  const schema = vendor.components.schemas.BulkFaxUpdateRequest;

  it("has no maxLength on the ids", () => {
    expect(schema.properties.ids.items).toStrictEqual({ type: "string" });
  });

  it("has no anyOf", () => {
    expect(schema).not.toHaveProperty("anyOf");
  });

  it("does not mark the request body required", () => {
    expect(vendor.components.requestBodies.BulkFaxUpdateRequest).not.toHaveProperty("required");
  });
});

type Validate = ValidateFunction;

describe("the refined BulkFaxUpdateRequest validates as the prose says (Ajv)", () => {
  // Strict mode, except its `strictRequired` lint, which flags the standard "at least one of"
  // idiom (`anyOf: [{ required: [a] }, { required: [b] }]`) because the branches do not
  // repeat the properties they require.
  const options = { strict: true, strictRequired: false, allErrors: true };
  let refined: Validate;
  let published: Validate;
  // Loaded and compiled here rather than at collection time, so a missing validator or a schema
  // Ajv rejects fails these tests only.
  beforeAll(() => {
    refined = new Ajv(options).compile(resolved.components.schemas.BulkFaxUpdateRequest);
    published = new Ajv(options).compile(vendor.components.schemas.BulkFaxUpdateRequest);
  });

  const id32 = "a".repeat(32);
  const id33 = "a".repeat(33);

  it.each([
    ["is_read and comment", { ids: ["a"], is_read: true, comment: "x" }],
    ["is_read: false alone (mark unread)", { ids: ["a"], is_read: false }],
    ['comment: "" alone (remove the comment)', { ids: ["a"], comment: "" }],
    ["a 32-character id", { ids: [id32], is_read: true }],
    ["100 ids", { ids: Array.from({ length: 100 }, (_, i) => `id${i}`), is_read: true }],
    ["duplicate ids (ignored by the server)", { ids: ["a", "a"], is_read: true }],
  ])("accepts %s", (_label, body) => {
    expect(refined(body), JSON.stringify(refined.errors)).toBe(true);
  });

  it.each([
    ["neither is_read nor comment", { ids: ["a"] }, "anyOf", ""],
    ["a 33-character id", { ids: [id33], is_read: true }, "maxLength", "/ids/0"],
    ["no ids", { is_read: true }, "required", ""],
    ["an empty ids list", { ids: [], is_read: true }, "minItems", "/ids"],
    ["101 ids", { ids: Array.from({ length: 101 }, (_, i) => `id${i}`), is_read: true }, "maxItems", "/ids"],
    ["a non-boolean is_read", { ids: ["a"], is_read: "true" }, "type", "/is_read"],
    ["a numeric comment", { ids: ["a"], comment: 1 }, "type", "/comment"],
    ["a 101-character comment", { ids: ["a"], comment: "c".repeat(101) }, "maxLength", "/comment"],
    ["an unknown property", { ids: ["a"], is_read: true, archived: true }, "additionalProperties", ""],
  ])("rejects %s", (_label, body, keyword, instancePath) => {
    expect(refined(body)).toBe(false);
    expect(refined.errors).toContainEqual(expect.objectContaining({ keyword, instancePath }));
  });

  it.each([
    ["neither is_read nor comment", { ids: ["a"] }],
    ["a 33-character id", { ids: [id33], is_read: true }],
  ])("the published schema alone lets %s through", (_label, body) => {
    expect(published(body)).toBe(true);
  });
});

describe("the refined SendFaxResponse validates as the docs' example says (Ajv)", () => {
  // Strict mode, with OpenAPI's `example` annotation declared so strict mode does not reject it.
  const options = { strict: true, allErrors: true, keywords: ["example"] };
  let refined: Validate;
  let published: Validate;
  beforeAll(() => {
    refined = new Ajv(options).compile(resolved.components.schemas.SendFaxResponse);
    published = new Ajv(options).compile(vendor.components.schemas.SendFaxResponse);
  });

  it.each([
    ["the docs' example", { ids: { "+12345688": "1a2b3c4d5e6f7890", "+12345699": "78901a2b3c4d5e6f" } }],
    ["an empty map", { ids: {} }],
    ["no ids (return_ids was false)", {}],
  ])("accepts %s", (_label, body) => {
    expect(refined(body), JSON.stringify(refined.errors)).toBe(true);
  });

  it.each([
    ["a numeric id", { ids: { "+12345688": 1234 } }, "/ids/+12345688"],
    ["a null id", { ids: { "+12345688": null } }, "/ids/+12345688"],
    ["an object id", { ids: { "+12345688": { id: "1a2b" } } }, "/ids/+12345688"],
    ["ids as a list", { ids: ["1a2b3c4d5e6f7890"] }, "/ids"],
  ])("rejects %s", (_label, body, instancePath) => {
    expect(refined(body)).toBe(false);
    expect(refined.errors).toContainEqual(expect.objectContaining({ keyword: "type", instancePath }));
  });

  it("the published schema alone lets a numeric id through", () => {
    expect(published({ ids: { "+12345688": 1234 } })).toBe(true);
  });
});
