import { escapeToken, parsePointer } from "../load/json-pointer.js";
import type { JsonObject } from "../model/operations.js";
import type { NodeAt, Site } from "./diff-context.js";
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

/** Input of {@link compareDeprecated}. */
export interface DeprecationPair {
  before: JsonObject;
  after: JsonObject;
  /** Pointer of the new node (the flag is reported where it is now, or would be). */
  pointer: string;
  /** Names the node in the message ("operation", "parameter `limit` (query)"). */
  label: string;
}

/** Reports `deprecated` being set or taken back on a node. */
export function compareDeprecated(site: Site, { before, after, pointer, label }: DeprecationPair): void {
  const was = before.deprecated === true;
  const is = after.deprecated === true;
  if (was === is) return;
  site.log.add({
    rule: is ? "deprecated-added" : "deprecated-removed",
    pointer: `${pointer}/deprecated`,
    operationId: site.operationId,
    text: is ? `${label} deprecated` : `${label} no longer deprecated`,
    status: site.status,
    client: site.client,
  });
}

/** Input of {@link compareLeftoverKeys}. */
export interface LeftoverKeys {
  before: NodeAt;
  after: NodeAt;
  /** Keys a dedicated differ already compares. */
  handled: ReadonlySet<string>;
  /** Names the node in messages ("" for the operation itself, whose messages start with the key). */
  label: string;
}

/**
 * Compares the keys of two nodes that no differ handles (`handled`): prose keys are
 * `documentation-changed`, anything else (extensions, keywords no rule knows) is
 * `unclassified-change`, so no difference passes unreported.
 */
export function compareLeftoverKeys(site: Site, { before, after, handled, label }: LeftoverKeys): void {
  const prefix = label === "" ? "" : `${label} `;
  for (const key of new Set([...Object.keys(before.node), ...Object.keys(after.node)])) {
    if (handled.has(key) || sameJson(before.node[key], after.node[key])) continue;
    const inNew = Object.hasOwn(after.node, key);
    // A removed key is pointed at where it was, in the old document.
    const pointer = `${inNew ? after.pointer : before.pointer}/${escapeToken(key)}`;
    if (DOC_KEYS.has(key)) {
      reportDocumentation(site, pointer, `${prefix}${key} changed`);
    } else {
      const what = !Object.hasOwn(before.node, key) ? "added" : inNew ? "changed" : "removed";
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
