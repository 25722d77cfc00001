import { escapeToken, parsePointer } from "../load/json-pointer.js";
import type { JsonObject } from "../model/operations.js";
import type { ChangeLog } from "./change-log.js";
import { sameJson } from "./same-json.js";

/** Keywords that are prose only: a change in them is `documentation-changed`. */
export const DOC_KEYS: ReadonlySet<string> = new Set([
  "description",
  "summary",
  "title",
  "example",
  "examples",
  "externalDocs",
  "termsOfService",
  "contact",
  "license",
]);

/** Where a differ reports: the log, the operation, and whether the client is affected. */
export interface Site {
  log: ChangeLog;
  operationId: string | null;
  /** The place is a parameter or the operation itself (adds @faxkit/client). */
  client?: boolean;
  /** The response status the place belongs to (merged in messages). */
  status?: string;
}

const SECTION: Readonly<Record<string, string>> = {
  schemas: "schema",
  parameters: "parameter",
  responses: "response",
  requestBodies: "request body",
  headers: "header",
  securitySchemes: "security scheme",
  examples: "example",
  callbacks: "callback",
  links: "link",
};

/**
 * "schema `Error` property `error`" for `/components/schemas/Error/properties/error/…`:
 * a component-level place, named without any operation.
 */
export function describeComponentPointer(pointer: string): string {
  const [, section = "", name = "", ...rest] = parsePointer(pointer);
  rest.pop(); // the keyword itself
  const base = `${SECTION[section] ?? section} \`${name}\``;
  const path: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i] as string;
    if (token === "properties" && i + 1 < rest.length) path.push(rest[++i] as string);
    else if (token === "items") path.push(`${path.pop() ?? ""}[]`);
    else if (token === "additionalProperties") path.push("*");
    else if ((token === "allOf" || token === "oneOf" || token === "anyOf") && i + 1 < rest.length) i++;
    else return `${base} \`${rest.map(escapeToken).join("/")}\``;
  }
  return path.length === 0 ? base : `${base} property \`${path.join(".")}\``;
}

/**
 * Reports prose that changed. Prose inside components is reported once for the component
 * (operationId null), not once per operation that uses it: it is one JSDoc comment.
 */
export function reportDocumentation(site: Site, pointer: string, text: string): void {
  if (pointer.startsWith("/components/")) {
    const keyword = parsePointer(pointer).at(-1) ?? "";
    site.log.add({
      rule: "documentation-changed",
      pointer,
      operationId: null,
      text: `${describeComponentPointer(pointer)} ${keyword} changed`,
    });
  } else {
    site.log.add({ rule: "documentation-changed", pointer, operationId: site.operationId, text, status: site.status });
  }
}

/** Reports `deprecated` being set or taken back on the node at `pointer`. */
export function compareDeprecated(site: Site, oldNode: JsonObject, newNode: JsonObject, pointer: string, label: string): void {
  const before = oldNode.deprecated === true;
  const after = newNode.deprecated === true;
  if (before === after) return;
  site.log.add({
    rule: after ? "deprecated-added" : "deprecated-removed",
    pointer: `${pointer}/deprecated`,
    operationId: site.operationId,
    text: after ? `${label} deprecated` : `${label} no longer deprecated`,
    status: site.status,
    client: site.client,
  });
}

/**
 * Compares the keys of two nodes that no differ handles (`handled`): prose keys are
 * `documentation-changed`, anything else (extensions, keywords no rule knows) is
 * `unclassified-change`. `label` names the node in messages ("" for the operation).
 */
export function compareLeftoverKeys(
  site: Site,
  oldNode: JsonObject,
  newNode: JsonObject,
  oldPointer: string,
  newPointer: string,
  handled: ReadonlySet<string>,
  label: string,
): void {
  const prefix = label === "" ? "" : `${label} `;
  for (const key of new Set([...Object.keys(oldNode), ...Object.keys(newNode)])) {
    if (handled.has(key) || sameJson(oldNode[key], newNode[key])) continue;
    const inNew = Object.hasOwn(newNode, key);
    const pointer = `${inNew ? newPointer : oldPointer}/${escapeToken(key)}`;
    if (DOC_KEYS.has(key)) {
      reportDocumentation(site, pointer, `${prefix}${key} changed`);
    } else {
      const what = !Object.hasOwn(oldNode, key) ? "added" : inNew ? "changed" : "removed";
      site.log.add({
        rule: "unclassified-change",
        pointer,
        operationId: site.operationId,
        text: `${prefix}\`${key}\` ${what}`,
        status: site.status,
        client: site.client,
      });
    }
  }
}
