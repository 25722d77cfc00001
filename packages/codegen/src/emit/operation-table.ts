import { followRefs } from "../load/json-pointer.js";
import { isObject, type JsonObject, listOperations, type OperationEntry } from "../model/operations.js";
import { effectiveParameters } from "../model/parameters.js";
import { quoteDocText } from "../quote/doc-text.js";
import { quoteJsLiteral } from "../quote/js-literal.js";
import { quoteJsString } from "../quote/js-string.js";
import { quotePropertyKey } from "../quote/property-key.js";
import { type Provenance, tsBanner } from "./banner.js";

/** Methods that RFC 9110 §9.2.2 defines as idempotent: safe to retry. */
const IDEMPOTENT = new Set(["get", "head", "put", "delete", "options", "trace"]);

/** Runtime metadata of one operation, as written into `operations.ts`. */
export interface OperationRecord {
  operationId: string;
  method: string;
  path: string;
  tag: string | null;
  summary: string | null;
  pathParams: string[];
  queryParams: string[];
  headerParams: string[];
  requiredParams: string[];
  requestContentType: string | null;
  requestBodyRequired: boolean;
  successStatuses: (number | string)[];
  errorStatuses: (number | string)[];
  scopes: string[];
  security: Record<string, string[]>[];
  idempotent: boolean;
  deprecated: boolean;
}

function statusKey(key: string): number | string {
  return /^\d{3}$/.test(key) ? Number(key) : key;
}

/** Builds the record of one operation. */
export function describeOperation(document: JsonObject, entry: OperationEntry, scopesFrom: string | undefined): OperationRecord {
  const { operation, method, path } = entry;
  const parameters = effectiveParameters(document, entry);
  const names = (location: string) => parameters.filter((p) => p.in === location).map((p) => p.name as string);
  const body = followRefs(document, operation.requestBody).value;
  const content = isObject(body) && isObject(body.content) ? Object.keys(body.content) : [];
  const responseKeys = isObject(operation.responses) ? Object.keys(operation.responses) : [];
  const isSuccess = (key: string) => /^2(\d\d|XX)$/i.test(key);
  const requirements = (
    Array.isArray(operation.security) ? operation.security : Array.isArray(document.security) ? document.security : []
  ) as Record<string, string[]>[];
  const scopes = new Set<string>();
  for (const requirement of requirements) {
    for (const [scheme, list] of Object.entries(requirement)) {
      if ((scopesFrom === undefined || scheme === scopesFrom) && Array.isArray(list))
        for (const scope of list) if (typeof scope === "string") scopes.add(scope);
    }
  }
  const tags = Array.isArray(operation.tags) ? operation.tags : [];
  return {
    operationId: operation.operationId as string,
    method: method.toUpperCase(),
    path,
    tag: typeof tags[0] === "string" ? tags[0] : null,
    summary: typeof operation.summary === "string" ? operation.summary : null,
    pathParams: names("path"),
    queryParams: names("query"),
    headerParams: names("header"),
    requiredParams: parameters.filter((p) => p.required === true).map((p) => p.name as string),
    requestContentType: content[0] ?? null,
    requestBodyRequired: isObject(body) && body.required === true,
    successStatuses: responseKeys.filter(isSuccess).map(statusKey),
    errorStatuses: responseKeys.filter((key) => !isSuccess(key)).map(statusKey),
    scopes: [...scopes],
    security: requirements.map((requirement) => ({ ...requirement })),
    idempotent: IDEMPOTENT.has(method),
    deprecated: operation.deprecated === true,
  };
}

/** Every operation's record, in document order. */
export function describeOperations(document: JsonObject, scopesFrom: string | undefined): OperationRecord[] {
  return listOperations(document).map((entry) => describeOperation(document, entry, scopesFrom));
}

const META_INTERFACE = `/** Runtime description of one API operation. */
export interface OperationMeta {
  /** The spec's operationId. */
  readonly operationId: string;
  /** HTTP method, upper case. */
  readonly method: "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE";
  /** Path template, as in the spec (\`/accounts/{user_id}/faxes\`). */
  readonly path: string;
  /** First tag, or null. */
  readonly tag: string | null;
  readonly summary: string | null;
  readonly pathParams: readonly string[];
  readonly queryParams: readonly string[];
  readonly headerParams: readonly string[];
  /** Names of the parameters marked \`required\`. */
  readonly requiredParams: readonly string[];
  /** First media type of the request body, or null when there is none. */
  readonly requestContentType: string | null;
  readonly requestBodyRequired: boolean;
  /** 2xx statuses (numbers) and ranges such as "2XX". */
  readonly successStatuses: readonly (number | string)[];
  /** Other documented statuses, ranges and "default". */
  readonly errorStatuses: readonly (number | string)[];
  /** Scopes that grant access (from the configured scheme, or from all schemes). */
  readonly scopes: readonly string[];
  /** Security requirements: any one of them suffices. */
  readonly security: readonly Readonly<Record<string, readonly string[]>>[];
  /** Whether the method is idempotent (RFC 9110 §9.2.2), so a retry is safe. */
  readonly idempotent: boolean;
  readonly deprecated: boolean;
}
`;

/**
 * \`operations.ts\`: the runtime table of every operation, keyed by operationId, for
 * clients, validators, mocks and tests that need to know an operation without the spec.
 */
export function emitOperationTable(records: readonly OperationRecord[], provenance: Provenance): string {
  let out = tsBanner(provenance, "Runtime table of every operation, keyed by operationId.");
  out += `\n${META_INTERFACE}\n`;
  out += "/**\n * Every operation of the spec, in document order.\n *\n * @example\n * ```ts\n";
  // The example sits in a comment: the operationId is quoted as code, then as comment text.
  out += ` * const op = operations[${quoteDocText(quoteJsString(records[0]?.operationId ?? "someOperation"))}];\n`;
  out += " * console.log(op.method, op.path, op.scopes);\n * ```\n */\n";
  out += "export const operations = {\n";
  for (const record of records) {
    out += `  ${quotePropertyKey(record.operationId)}: ${quoteJsLiteral(record)},\n`;
  }
  out += "} as const satisfies Record<string, OperationMeta>;\n\n";
  out += "/** Union of every operationId. */\nexport type OperationId = keyof typeof operations;\n\n";
  out += "/** Every operationId, in document order. */\n";
  // Marked pure so that a bundle importing only other exports can drop the table.
  out += "export const operationIds = /* @__PURE__ */ Object.keys(operations) as OperationId[];\n";
  return out;
}
