import { CodegenError } from "../errors/CodegenError.js";
import { quoteJsLiteral } from "../quote/js-literal.js";
import { quoteJsString } from "../quote/js-string.js";
import { OBJECT_PROTOTYPE_NAMES } from "../quote/object-prototype-names.js";
import { quotePropertyKey } from "../quote/property-key.js";
import { type Provenance, tsBanner } from "./banner.js";
import type { OperationRecord } from "./operation-table.js";
import { tableTyping } from "./table-typing.js";

/** One client method: `fax.<group>.<method>()` calls `operationId`. */
export interface ResourceEntry {
  group: string;
  method: string;
  operationId: string;
}

/** Words of a camelCase identifier: `bulkUpdateOutboxFaxes` → bulk, Update, Outbox, Faxes. */
function words(identifier: string): string[] {
  return identifier.match(/[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])/g) ?? [identifier];
}

/** `Faxes` → `fax`, `Phone Numbers` → `phonenumber`, `Categories` → `category`: the noun the tag is about. */
function singular(tag: string): string {
  const lower = tag.replace(/[^A-Za-z0-9]+/g, "").toLowerCase();
  if (lower.endsWith("ies")) return `${lower.slice(0, -3)}y`;
  if (/(ss|sh|ch|x|z)es$/.test(lower)) return lower.slice(0, -2);
  if (lower.endsWith("s") && !lower.endsWith("ss")) return lower.slice(0, -1);
  return lower;
}

/** `Webhooks` → `webhooks`, `Phone Numbers` → `phoneNumbers`, `API Keys` → `apiKeys`: the group's property name. */
function groupName(tag: string): string {
  const parts = tag.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return parts
    .map((part, i) => {
      if (i > 0) return part.charAt(0).toUpperCase() + part.slice(1);
      return /^[A-Z0-9]+$/.test(part) ? part.toLowerCase() : part.charAt(0).toLowerCase() + part.slice(1);
    })
    .join("");
}

/**
 * The method name of one operation within its tag's group. The rule, in order:
 * 1. a rename from the config (`resources.rename`) wins;
 * 2. a GET on a collection (the path does not end in a `{parameter}`) is `list`;
 * 3. otherwise the operationId up to the tag's noun: `bulkUpdateOutboxFaxes` in `Outbox` →
 *    `bulkUpdate`, `getFax` in `Faxes` → `get`;
 * 4. an operationId that never names the noun stays whole (`inviteMembers`).
 */
export function methodName(record: OperationRecord, renames: Readonly<Record<string, string>>): string {
  // Own keys only: an operationId such as `valueOf` must not find Object.prototype.valueOf.
  if (Object.hasOwn(renames, record.operationId)) return renames[record.operationId] as string;
  return notInherited(derivedMethodName(record), "Operation");
}

/** Steps 2 to 4 of {@link methodName}. */
function derivedMethodName(record: OperationRecord): string {
  if (record.method === "GET" && !/\}$/.test(record.path)) return "list";
  const parts = words(record.operationId);
  const noun = singular(record.tag ?? "");
  for (let i = 1; i < parts.length && noun !== ""; i++) {
    if (parts.slice(i).join("").toLowerCase().startsWith(noun)) return parts.slice(0, i).join("");
  }
  return record.operationId;
}

/**
 * A derived group or method name that is a member of Object.prototype (`toString`,
 * `constructor`, `__proto__`, …) gets `suffix`: as a key of `fax` or of a group it would
 * shadow what every object inherits (`String(fax.other)` would call the API).
 */
function notInherited(name: string, suffix: string): string {
  return OBJECT_PROTOTYPE_NAMES.has(name) ? `${name}${suffix}` : name;
}

/**
 * Every operation placed in the client's resource API: group from the first tag (untagged
 * operations go to `other`), method from {@link methodName}. Two operations landing on the
 * same method, or a rename naming an operation the spec lacks, stop the generation: a spec
 * update must never silently shadow a method.
 */
export function describeResources(operations: readonly OperationRecord[], renames: Readonly<Record<string, string>>): ResourceEntry[] {
  const known = new Set(operations.map((op) => op.operationId));
  for (const operationId of Object.keys(renames)) {
    if (!known.has(operationId))
      throw new CodegenError(
        "RESOURCE_NAME_CONFLICT",
        `\`resources.rename\` in the config names operation ${quoteJsString(operationId)}, which the spec does not have; remove or update that entry.`,
      );
  }
  const taken = new Map<string, string>();
  const entries: ResourceEntry[] = [];
  for (const op of operations) {
    const group = notInherited(groupName(op.tag ?? "other") || "other", "Group");
    const entry = { group, method: methodName(op, renames), operationId: op.operationId };
    const key = `${entry.group}.${entry.method}`;
    const previous = taken.get(key);
    if (previous !== undefined)
      throw new CodegenError(
        "RESOURCE_NAME_CONFLICT",
        `operations ${quoteJsString(previous)} and ${quoteJsString(op.operationId)} would both be the client method fax.${key}; name one of them in \`resources.rename\` of the config.`,
      );
    taken.set(key, op.operationId);
    entries.push(entry);
  }
  return entries;
}

/**
 * An operation's call data: the fields of its record that @faxkit/types' `OperationCall`
 * names, under the same names, every one present. The client reads them as they are, so
 * nothing (path parameters least of all) is derived again at run time.
 */
function callRecord(op: OperationRecord): Record<string, unknown> {
  // This table ships in every browser bundle of the client. In this order (each parameter list
  // right after the path whose `{names}` it repeats, the method last) it gzips about 45 bytes
  // smaller than in the interface's order: the client's size budget is measured in bytes.
  return {
    path: op.path,
    pathParams: op.pathParams,
    queryParams: op.queryParams,
    headerParams: op.headerParams,
    requestBodyRequired: op.requestBodyRequired,
    requestContentType: op.requestContentType,
    method: op.method,
  };
}

/**
 * Writes `resources.ts`: group → method → operationId, in document order, and for each
 * operation only what it takes to call it. The client imports this, not the full operation
 * table, so a browser bundle does not carry summaries, scopes and security lists.
 */
export function emitResourceMap(
  entries: readonly ResourceEntry[],
  operations: readonly OperationRecord[],
  provenance: Provenance,
  interfacesFrom?: string,
): string {
  const typing = tableTyping("OperationCall", interfacesFrom);
  const groups = new Map<string, ResourceEntry[]>();
  for (const entry of entries) groups.set(entry.group, [...(groups.get(entry.group) ?? []), entry]);
  const body = [...groups]
    .map(
      ([group, list]) =>
        `  ${quotePropertyKey(group)}: {\n${list.map((e) => `    ${quotePropertyKey(e.method)}: ${quoteJsString(e.operationId)},`).join("\n")}\n  },`,
    )
    .join("\n");
  const calls = operations
    .map((op) => {
      return `  ${quotePropertyKey(op.operationId)}: ${quoteJsLiteral(callRecord(op))},`;
    })
    .join("\n");
  return `${tsBanner(provenance, "The client's resource API: which method of which group calls which operation, and how.")}
${typing.importLine}/**
 * \`fax.<group>.<method>()\` → operationId. Groups come from the operations' first tag, method
 * names from a fixed rule plus the config's \`resources.rename\` (see @faxkit/codegen).
 *
 * @example
 * \`\`\`ts
 * resources.faxes.bulkUpdate; // "bulkUpdateFaxes"
 * \`\`\`
 */
export const resources = {
${body}
} as const;

/** The shape of {@link resources}. */
export type Resources = typeof resources;

/**
 * How to call each operation, keyed by operationId: method, path, parameter names by
 * location, and the request body's media type.
 *
 * @example
 * \`\`\`ts
 * operationCalls.getFax.path; // "/accounts/{user_id}/faxes/{fax_id}"
 * \`\`\`
 */
export const operationCalls = {
${calls}
} ${typing.closing};
`;
}
