import { followRefs } from "../load/json-pointer.js";
import { isObject, type JsonObject, listOperations, type OperationEntry } from "../model/operations.js";
import { effectiveParameters } from "../model/parameters.js";
import { quoteDocText } from "../quote/doc-text.js";
import { quoteJsLiteral } from "../quote/js-literal.js";
import { quoteJsString } from "../quote/js-string.js";
import { quotePropertyKey } from "../quote/property-key.js";
import { type Provenance, tsBanner } from "./banner.js";
import { tableTyping } from "./table-typing.js";

/** Methods that RFC 9110 §9.2.2 defines as idempotent: safe to retry. */
const IDEMPOTENT = new Set(["get", "head", "put", "delete", "options", "trace"]);

/**
 * Runtime metadata of one operation, as written into `operations.ts`: the generator's
 * mutable form of @faxkit/types' hand-written `OperationMeta` (same fields, same meaning).
 */
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

/**
 * `operations.ts`: the runtime table of every operation, keyed by operationId, for
 * clients, validators, mocks and tests that need to know an operation without the spec.
 * Data only: with `interfacesFrom` (see {@link tableTyping}) it is checked against the
 * hand-written `OperationMeta`, which is imported, never pasted.
 */
export function emitOperationTable(records: readonly OperationRecord[], provenance: Provenance, interfacesFrom?: string): string {
  const typing = tableTyping("OperationMeta", interfacesFrom);
  let out = tsBanner(provenance, "Runtime table of every operation, keyed by operationId.");
  out += `\n${typing.importLine}`;
  out += "/**\n * Every operation of the spec, in document order.\n *\n * @example\n * ```ts\n";
  // The example sits in a comment: the operationId is quoted as code, then as comment text.
  out += ` * const op = operations[${quoteDocText(quoteJsString(records[0]?.operationId ?? "someOperation"))}];\n`;
  out += " * console.log(op.method, op.path, op.scopes);\n * ```\n */\n";
  out += "export const operations = {\n";
  for (const record of records) {
    out += `  ${quotePropertyKey(record.operationId)}: ${quoteJsLiteral(record)},\n`;
  }
  out += `} ${typing.closing};\n\n`;
  out += "/** Union of every operationId. */\nexport type OperationId = keyof typeof operations;\n\n";
  out += "/** Every operationId, in document order. */\n";
  // Marked pure so that a bundle importing only other exports can drop the table.
  out += "export const operationIds = /* @__PURE__ */ Object.keys(operations) as OperationId[];\n";
  return out;
}
