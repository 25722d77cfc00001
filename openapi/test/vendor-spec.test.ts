/**
 * faxplus.yaml reproduces the official bulkUpdateFaxes docs page verbatim (operation, request
 * body, responses, schemas, both security schemes). The page is kept as a fixture
 * (test/fixtures/bulk-update-faxes.official.txt, a byte-for-byte copy) so this runs from any
 * clone; its OpenAPI block is the text between the "````yaml put /accounts/{user_id}/faxes"
 * and "````" lines.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

// biome-ignore lint/suspicious/noExplicitAny: parsed OpenAPI documents are walked dynamically
type Doc = any;

const OPENING_FENCE = "````yaml put /accounts/{user_id}/faxes";
const CLOSING_FENCE = "````";
const HTTP_METHODS = ["get", "put", "post", "delete", "patch"] as const;

function extractOpenApiBlock(page: string): string {
  const lines = page.split(/\r?\n/);
  const start = lines.indexOf(OPENING_FENCE);
  if (start === -1) throw new Error(`opening fence "${OPENING_FENCE}" not found in the official page`);
  const end = lines.indexOf(CLOSING_FENCE, start + 1);
  if (end === -1) throw new Error(`closing fence "${CLOSING_FENCE}" not found after line ${start + 1}`);
  return lines.slice(start + 1, end).join("\n");
}

/** RFC 6901 lookup; `undefined` as soon as a segment is missing. */
function getPointer(document: Doc, pointer: string): unknown {
  let node: Doc = document;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

const officialPage = readFileSync(new URL("./fixtures/bulk-update-faxes.official.txt", import.meta.url), "utf8");
const official: Doc = parse(extractOpenApiBlock(officialPage));
const vendor: Doc = parse(readFileSync(new URL("../faxplus.yaml", import.meta.url), "utf8"));

const operations = Object.entries<Doc>(vendor.paths).flatMap(([path, item]) =>
  HTTP_METHODS.filter((method) => item[method] !== undefined).map((method) => ({ path, method, operation: item[method] })),
);

/** Everything faxplus.yaml must keep exactly as the official page publishes it. */
const VERBATIM_POINTERS = [
  "/paths/~1accounts~1{user_id}~1faxes/put",
  "/components/requestBodies/BulkFaxUpdateRequest",
  "/components/responses/BulkOperationResultFax",
  "/components/responses/Error",
  "/components/responses/UnauthorizedError",
  "/components/responses/ServerError",
  "/components/schemas/BulkFaxUpdateRequest",
  "/components/schemas/BulkOperationResultFax",
  "/components/schemas/BulkOperationResultItemFax",
  "/components/schemas/Error",
  "/components/securitySchemes/oauth2",
  "/components/securitySchemes/personal_access_token",
  "/openapi",
  "/servers",
  "/security",
  "/info/version",
] as const;

describe("the official page fixture", () => {
  it("holds the bulkUpdateFaxes OpenAPI block of spec 3.4.0", () => {
    expect(official.info.version).toBe("3.4.0");
    expect(Object.keys(official.paths)).toEqual(["/accounts/{user_id}/faxes"]);
    expect(official.paths["/accounts/{user_id}/faxes"].put.operationId).toBe("bulkUpdateFaxes");
  });

  it("has every one of its components covered by the verbatim table", () => {
    const componentPointers = Object.entries<Doc>(official.components).flatMap(([section, entries]) =>
      Object.keys(entries).map((name) => `/components/${section}/${name}`),
    );
    expect(componentPointers.length).toBeGreaterThan(0);
    for (const pointer of componentPointers) expect(VERBATIM_POINTERS).toContain(pointer);
  });
});

describe("faxplus.yaml keeps the official bulkUpdateFaxes definitions verbatim", () => {
  it.each(VERBATIM_POINTERS)("%s", (pointer) => {
    const expected = getPointer(official, pointer);
    expect(expected, `${pointer} is missing from the official page`).toBeDefined();
    expect(getPointer(vendor, pointer)).toStrictEqual(expected);
  });

  it("is spec version 3.4.0", () => {
    expect(vendor.info.version).toBe("3.4.0");
  });
});

describe("faxplus.yaml inventory", () => {
  it("has exactly 28 operations", () => {
    expect(operations).toHaveLength(28);
  });

  it("gives every operation a unique operationId", () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    for (const id of ids) expect(typeof id).toBe("string");
    const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
    expect(duplicates).toEqual([]);
    expect(new Set(ids).size).toBe(28);
  });

  it("has 68 component schemas", () => {
    expect(Object.keys(vendor.components.schemas)).toHaveLength(68);
  });

  it.each([
    "inviteMembers",
    "resendInvitations",
    "bulkUpdateOutboxFaxes",
  ])("%s is still marked x-faxplus-unverified: true", (operationId) => {
    const found = operations.filter(({ operation }) => operation.operationId === operationId);
    expect(found).toHaveLength(1);
    expect(found[0]?.operation["x-faxplus-unverified"]).toBe(true);
  });
});
