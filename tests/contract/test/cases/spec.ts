/**
 * The resolved spec (vendor spec + overlays, `openapi/dist/faxplus.resolved.json`) read at
 * run time, so the case table can be checked against what the spec says each operation takes
 * and the error tests can expect the spec's own error examples.
 */
import { readFileSync } from "node:fs";
import type { OperationId } from "@faxkit/types";

type Json = Record<string, unknown>;

/** Where the resolved spec lives, from this file (`tests/contract/test/cases/`). */
export const RESOLVED_SPEC_PATH = new URL("../../../../openapi/dist/faxplus.resolved.json", import.meta.url);

export const spec = JSON.parse(readFileSync(RESOLVED_SPEC_PATH, "utf8")) as Json & { paths: Record<string, Json>; components: Json };

const isObject = (value: unknown): value is Json => value !== null && typeof value === "object" && !Array.isArray(value);

/** Follows local `$ref`s (`#/components/...`) until a non-reference object. */
export function deref(value: unknown): Json {
  let current = value;
  for (let hops = 0; isObject(current) && typeof current.$ref === "string"; hops++) {
    if (hops > 20) throw new Error(`$ref loop at ${current.$ref}`);
    current = (current.$ref as string)
      .replace(/^#\//, "")
      .split("/")
      .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce<unknown>((node, token) => (isObject(node) ? node[token] : undefined), spec);
  }
  if (!isObject(current)) throw new Error(`not an object: ${JSON.stringify(value)}`);
  return current;
}

interface Located {
  path: string;
  method: string;
  pathItem: Json;
  operation: Json;
}

function locate(operationId: string): Located {
  for (const [path, pathItem] of Object.entries(spec.paths)) {
    for (const method of ["get", "put", "post", "delete", "patch"]) {
      const operation = pathItem[method];
      if (isObject(operation) && operation.operationId === operationId) return { path, method, pathItem, operation };
    }
  }
  throw new Error(`operation ${operationId} is not in ${RESOLVED_SPEC_PATH.pathname}`);
}

/** What an operation takes, per the spec: parameters and the top-level properties of its JSON body. */
export interface OperationInputs {
  /** Every parameter (path, query, header), by name. */
  params: { name: string; in: string; required: boolean }[];
  /** Top-level properties of the JSON request body (none for multipart or no body). */
  bodyProperties: string[];
  /** Body properties the schema requires. */
  bodyRequired: string[];
  /** `anyOf: [{ required: [...] }, …]` alternatives at the top of the body schema ("at least one of"). */
  bodyAnyOf: string[][];
  /** Media type of the request body, or null. */
  bodyContentType: string | null;
}

export function operationInputs(operationId: OperationId): OperationInputs {
  const { pathItem, operation } = locate(operationId);
  const byName = new Map<string, { name: string; in: string; required: boolean }>();
  for (const raw of [...((pathItem.parameters as unknown[]) ?? []), ...((operation.parameters as unknown[]) ?? [])]) {
    const parameter = deref(raw);
    byName.set(`${parameter.in}:${parameter.name}`, {
      name: parameter.name as string,
      in: parameter.in as string,
      required: parameter.required === true,
    });
  }
  const requestBody = operation.requestBody === undefined ? undefined : deref(operation.requestBody);
  const content = isObject(requestBody?.content) ? requestBody.content : {};
  const bodyContentType = Object.keys(content)[0] ?? null;
  const json = content["application/json"];
  const schema = isObject(json) && json.schema !== undefined ? deref(json.schema) : undefined;
  return {
    params: [...byName.values()],
    bodyProperties: isObject(schema?.properties) ? Object.keys(schema.properties) : [],
    bodyRequired: Array.isArray(schema?.required) ? (schema.required as string[]) : [],
    bodyAnyOf: Array.isArray(schema?.anyOf) ? (schema.anyOf as unknown[]).map((branch) => (deref(branch).required as string[]) ?? []) : [],
    bodyContentType,
  };
}

/** The spec's example body for a documented status of an operation (`{ error, description }` for errors). */
export function responseExample(operationId: OperationId, status: number): unknown {
  const { operation } = locate(operationId);
  const response = deref((operation.responses as Json)[String(status)]);
  const media = isObject(response.content) ? (response.content["application/json"] as Json | undefined) : undefined;
  if (media === undefined || media.example === undefined) throw new Error(`${operationId} ${status}: the spec has no JSON example`);
  return media.example;
}

/** The media types the spec lets `uploadFile`'s `fax_file` part have (its `encoding.fax_file.contentType`). */
export function uploadContentTypes(): string[] {
  const { operation } = locate("uploadFile");
  const media = deref(operation.requestBody).content as Json;
  const encoding = (media["multipart/form-data"] as Json).encoding as Json;
  return ((encoding.fax_file as Json).contentType as string).split(",").map((type) => type.trim());
}

/** `/v3/accounts/{user_id}/faxes` → a RegExp matching a concrete request path of that template. */
export function pathPattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+");
  return new RegExp(`^/v3${escaped}$`);
}

/**
 * An object of a component schema assembled from its properties' `example`s (following `$ref`s
 * to nested schemas and enums), e.g. the webhook payload the docs describe.
 */
export function exampleOf(schemaName: string): Json {
  const build = (schema: Json): unknown => {
    if (schema.example !== undefined) return schema.example;
    if (isObject(schema.properties)) {
      const out: Json = {};
      for (const [name, property] of Object.entries(schema.properties)) {
        const value = build(deref(property));
        if (value !== undefined) out[name] = value;
      }
      return out;
    }
    return Array.isArray(schema.enum) ? schema.enum[0] : undefined;
  };
  return build(deref({ $ref: `#/components/schemas/${schemaName}` })) as Json;
}
