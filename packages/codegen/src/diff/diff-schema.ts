import { escapeToken } from "../load/json-pointer.js";
import { isObject } from "../model/operations.js";
import { CONSTRAINT_KEYWORDS, constraintChanges, type Effect, keywordPointer } from "./constraints.js";
import { DOC_KEYS, reportDocumentation, type Site } from "./documentation.js";
import { sameJson } from "./same-json.js";
import { keyword, type Located, type SchemaView, typeOf, unionKind, viewSchema } from "./schema-view.js";
import { type Direction, describeAt, directionOf, type Subject, statusOf } from "./subject.js";

/** One comparison of a schema pair reached from one place of one operation. */
export interface SchemaWalk extends Site {
  oldDoc: unknown;
  newDoc: unknown;
  subject: Subject;
  /** `oldPointer|newPointer` pairs already compared in this walk: the cycle guard. */
  seen: Set<string>;
}

/** Starts a walk over the schemas of one place (a body, a response, a parameter). */
export function schemaWalk(site: Site, oldDoc: unknown, newDoc: unknown, subject: Subject): SchemaWalk {
  return { ...site, status: statusOf(subject), oldDoc, newDoc, subject, seen: new Set() };
}

/** Nesting deeper than this is not compared (a guard; real schemas are far shallower). */
const MAX_DEPTH = 64;

/** Keywords this module compares; any other keyword is prose or unclassified. */
const COMPARED = new Set([
  ...CONSTRAINT_KEYWORDS,
  "type",
  "nullable",
  "enum",
  "items",
  "additionalProperties",
  "oneOf",
  "anyOf",
  "readOnly",
  "writeOnly",
  "deprecated",
]);

/** The rule ids for each kind of schema change, per direction. */
const RULES: Readonly<Record<Direction, Readonly<Record<string, string>>>> = {
  request: {
    removed: "request-property-removed",
    added: "request-property-added",
    requiredAdded: "request-required-property-added",
    becameRequired: "request-property-became-required",
    becameOptional: "request-property-became-optional",
    hidden: "request-property-became-read-only",
    nullable: "request-property-became-nullable",
    nonNullable: "request-property-became-non-nullable",
    type: "request-type-changed",
    enumAdded: "request-enum-value-added",
    enumRemoved: "request-enum-value-removed",
    narrows: "request-constraint-tightened",
    widens: "request-constraint-loosened",
    incomparable: "request-constraint-tightened",
    variantAdded: "request-variant-added",
    variantRemoved: "request-variant-removed",
  },
  response: {
    removed: "response-property-removed",
    added: "response-property-added",
    requiredAdded: "response-property-added",
    becameRequired: "response-property-became-required",
    becameOptional: "response-property-became-optional",
    hidden: "response-property-became-write-only",
    nullable: "response-property-became-nullable",
    nonNullable: "response-property-became-non-nullable",
    type: "response-type-changed",
    enumAdded: "response-enum-value-added",
    enumRemoved: "response-enum-value-removed",
    narrows: "response-constraint-tightened",
    widens: "response-constraint-loosened",
    incomparable: "response-constraint-loosened",
    variantAdded: "response-variant-added",
    variantRemoved: "response-variant-removed",
  },
};

function ruleFor(walk: SchemaWalk, kind: string): string {
  return RULES[directionOf(walk.subject)][kind] as string;
}

function emit(walk: SchemaWalk, kind: string, pointer: string, path: string, what: string): void {
  walk.log.add({
    rule: ruleFor(walk, kind),
    pointer,
    operationId: walk.operationId,
    text: `${describeAt(walk.subject, path)} ${what}`,
    status: walk.status,
    client: walk.client,
  });
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function typeLabel(view: SchemaView): string {
  const union = unionKind(view);
  if (union !== undefined) return `${union === "anyOf" ? "an" : "a"} ${union} of ${(keyword(view, union) as unknown[]).length} variants`;
  return typeOf(view) ?? "any";
}

/**
 * Compares two schemas structurally, following `$ref`s on both sides, and reports every
 * change under the walk's subject in the walk's direction. `path` is the property path
 * inside the subject (`""` at its root, `data[].status` further down).
 *
 * @example
 * ```ts
 * const walk = schemaWalk({ log, operationId: "sendFax" }, oldDoc, newDoc, { kind: "request" });
 * diffSchema(walk, oldBodySchema, "/paths/…/schema", newBodySchema, "/paths/…/schema", "");
 * // log: "sendFax: request property `comment` became required", …
 * ```
 */
export function diffSchema(
  walk: SchemaWalk,
  oldSchema: unknown,
  oldPointer: string,
  newSchema: unknown,
  newPointer: string,
  path: string,
  depth = 0,
): void {
  const before = viewSchema(walk.oldDoc, oldSchema, oldPointer);
  const after = viewSchema(walk.newDoc, newSchema, newPointer);
  const pair = `${before.pointer}\u0001${after.pointer}`;
  if (walk.seen.has(pair) || depth > MAX_DEPTH) return;
  walk.seen.add(pair);

  compareOtherKeywords(walk, before, after, path);
  const wasUnion = unionKind(before);
  const isUnion = unionKind(after);
  const wasType = typeOf(before);
  const isType = typeOf(after);
  if ((wasUnion === undefined) !== (isUnion === undefined)) {
    const union = (isUnion ?? wasUnion) as "oneOf" | "anyOf";
    const at = keywordPointer(before, after, union);
    if (wasType === undefined || wasType !== isType) {
      // The union is (or was) the type itself: `string` became `oneOf: [string, array]`.
      emit(walk, "type", at, path, `type changed from ${typeLabel(before)} to ${typeLabel(after)}`);
      return;
    }
    // A union next to an unchanged type only restricts it ("at least one of is_read, comment").
    const count = (keyword(isUnion === undefined ? before : after, union) as unknown[]).length;
    emit(
      walk,
      isUnion === undefined ? "widens" : "narrows",
      at,
      path,
      `${union} ${isUnion === undefined ? "removed" : "added"} (${count} variants)`,
    );
  }
  if (wasType !== isType) {
    const at = keywordPointer(before, after, "type");
    const numeric = (type: string | undefined) => type === "integer" || type === "number";
    if (numeric(wasType) && numeric(isType))
      emit(walk, wasType === "integer" ? "widens" : "narrows", at, path, `type changed from ${wasType} to ${isType}`);
    else if (wasType === undefined) emit(walk, "narrows", at, path, `type added (${isType})`);
    else if (isType === undefined) emit(walk, "widens", at, path, `type removed (was ${wasType})`);
    else {
      emit(walk, "type", at, path, `type changed from ${wasType} to ${isType}`);
      return;
    }
  }
  const wasNullable = keyword(before, "nullable") === true;
  const isNullable = keyword(after, "nullable") === true;
  if (wasNullable !== isNullable) {
    emit(
      walk,
      isNullable ? "nullable" : "nonNullable",
      keywordPointer(before, after, "nullable"),
      path,
      isNullable ? "became nullable" : "is no longer nullable",
    );
  }
  compareEnums(walk, before, after, path);
  for (const change of constraintChanges(before, after)) emit(walk, change.effect, change.pointer, path, change.what);
  compareProperties(walk, before, after, path, depth);
  compareItems(walk, before, after, path, depth);
  compareAdditionalProperties(walk, before, after, path, depth);
  if (wasUnion !== undefined && isUnion !== undefined) compareVariants(walk, before, after, wasUnion, isUnion, path, depth);
}

/** Prose (documentation-changed), `deprecated`, and keywords no rule knows (unclassified-change). */
function compareOtherKeywords(walk: SchemaWalk, before: SchemaView, after: SchemaView, path: string): void {
  const where = describeAt(walk.subject, path);
  const wasDeprecated = keyword(before, "deprecated") === true;
  const isDeprecated = keyword(after, "deprecated") === true;
  if (wasDeprecated !== isDeprecated) {
    walk.log.add({
      rule: isDeprecated ? "deprecated-added" : "deprecated-removed",
      pointer: keywordPointer(before, after, "deprecated"),
      operationId: walk.operationId,
      text: `${where} ${isDeprecated ? "deprecated" : "no longer deprecated"}`,
      status: walk.status,
      client: walk.client,
    });
  }
  for (const name of new Set([...before.keywords.keys(), ...after.keywords.keys()])) {
    if (COMPARED.has(name) || sameJson(keyword(before, name), keyword(after, name))) continue;
    const pointer = keywordPointer(before, after, name);
    if (DOC_KEYS.has(name)) {
      reportDocumentation(walk, pointer, `${where} ${name} changed`);
    } else {
      const what = !before.keywords.has(name) ? "added" : after.keywords.has(name) ? "changed" : "removed";
      walk.log.add({
        rule: "unclassified-change",
        pointer,
        operationId: walk.operationId,
        text: `${where} \`${name}\` ${what}`,
        status: walk.status,
        client: walk.client,
      });
    }
  }
}

function compareEnums(walk: SchemaWalk, before: SchemaView, after: SchemaView, path: string): void {
  const was = keyword(before, "enum");
  const now = keyword(after, "enum");
  const at = keywordPointer(before, after, "enum");
  if (Array.isArray(was) && Array.isArray(now)) {
    const wasKeys = new Set(was.map(show));
    const nowKeys = new Set(now.map(show));
    for (const value of was) if (!nowKeys.has(show(value))) emit(walk, "enumRemoved", at, path, `enum value ${show(value)} removed`);
    for (const value of now) if (!wasKeys.has(show(value))) emit(walk, "enumAdded", at, path, `enum value ${show(value)} added`);
  } else if (Array.isArray(now)) {
    emit(walk, "narrows", at, path, `enum added (${now.map(show).join(", ")})`);
  } else if (Array.isArray(was)) {
    emit(walk, "widens", at, path, `enum removed (was ${was.map(show).join(", ")})`);
  }
}

/** Whether a property is invisible in this direction: readOnly in requests, writeOnly in responses. */
function hidden(walk: SchemaWalk, document: unknown, property: Located): boolean {
  const flag = directionOf(walk.subject) === "request" ? "readOnly" : "writeOnly";
  return keyword(viewSchema(document, property.value, property.pointer), flag) === true;
}

function compareProperties(walk: SchemaWalk, before: SchemaView, after: SchemaView, path: string, depth: number): void {
  const request = directionOf(walk.subject) === "request";
  const names = new Set([...before.properties.keys(), ...after.properties.keys()]);
  for (const name of names) {
    const was = before.properties.get(name);
    const now = after.properties.get(name);
    const visibleBefore = was !== undefined && !hidden(walk, walk.oldDoc, was);
    const visibleAfter = now !== undefined && !hidden(walk, walk.newDoc, now);
    const child = path === "" ? name : `${path}.${name}`;
    if (visibleBefore && !visibleAfter) {
      if (now !== undefined) emit(walk, "hidden", now.pointer, child, request ? "became read-only" : "became write-only");
      else emit(walk, "removed", (was as Located).pointer, child, "removed");
    } else if (!visibleBefore && visibleAfter) {
      const required = request && after.required.has(name);
      const unhidden = was === undefined ? "" : request ? " (no longer read-only)" : " (no longer write-only)";
      emit(
        walk,
        required ? "requiredAdded" : "added",
        (now as Located).pointer,
        child,
        `added${required ? " as required" : ""}${unhidden}`,
      );
    } else if (visibleBefore && visibleAfter && was !== undefined && now !== undefined) {
      const wasRequired = before.required.has(name);
      const isRequired = after.required.has(name);
      if (!wasRequired && isRequired) emit(walk, "becameRequired", now.pointer, child, "became required");
      if (wasRequired && !isRequired) emit(walk, "becameOptional", now.pointer, child, "became optional");
      diffSchema(walk, was.value, was.pointer, now.value, now.pointer, child, depth + 1);
    }
  }
}

function compareItems(walk: SchemaWalk, before: SchemaView, after: SchemaView, path: string, depth: number): void {
  const was = before.keywords.get("items");
  const now = after.keywords.get("items");
  if (was !== undefined && now !== undefined) {
    diffSchema(walk, was.value, `${was.pointer}/items`, now.value, `${now.pointer}/items`, `${path}[]`, depth + 1);
  } else if (now !== undefined) {
    emit(walk, "narrows", `${now.pointer}/items`, path, "items schema added");
  } else if (was !== undefined) {
    emit(walk, "widens", `${was.pointer}/items`, path, "items schema removed");
  }
}

type Openness = "open" | "closed" | "schema";

function openness(located: Located | undefined): Openness {
  if (located === undefined || located.value === true) return "open";
  if (located.value === false) return "closed";
  return isObject(located.value) && Object.keys(located.value).length > 0 ? "schema" : "open";
}

/** Effect of going from one openness to another (rows: before, columns: after). */
const OPENNESS_EFFECT: Readonly<Record<Openness, Readonly<Record<Openness, Effect | null>>>> = {
  open: { open: null, closed: "narrows", schema: "narrows" },
  closed: { open: "widens", closed: null, schema: "widens" },
  schema: { open: "widens", closed: "narrows", schema: null },
};

const OPENNESS_LABEL: Readonly<Record<Openness, string>> = { open: "allowed", closed: "false", schema: "a schema" };

function compareAdditionalProperties(walk: SchemaWalk, before: SchemaView, after: SchemaView, path: string, depth: number): void {
  const was = before.keywords.get("additionalProperties");
  const now = after.keywords.get("additionalProperties");
  const from = openness(was);
  const to = openness(now);
  if (from === "schema" && to === "schema" && was !== undefined && now !== undefined) {
    const child = path === "" ? "*" : `${path}.*`;
    diffSchema(walk, was.value, `${was.pointer}/additionalProperties`, now.value, `${now.pointer}/additionalProperties`, child, depth + 1);
    return;
  }
  const effect = OPENNESS_EFFECT[from][to];
  if (effect !== null) {
    emit(
      walk,
      effect,
      keywordPointer(before, after, "additionalProperties"),
      path,
      `additionalProperties changed from ${OPENNESS_LABEL[from]} to ${OPENNESS_LABEL[to]}`,
    );
  }
}

interface Variant {
  key: string;
  label: string;
  schema: unknown;
  pointer: string;
}

function variantsOf(view: SchemaView, kind: "oneOf" | "anyOf"): Map<string, Variant> {
  const located = view.keywords.get(kind) as Located;
  const variants = new Map<string, Variant>();
  (located.value as unknown[]).forEach((schema, i) => {
    const ref = isObject(schema) && typeof schema.$ref === "string" ? schema.$ref : undefined;
    const key = ref ?? `#${i}`;
    const label = ref === undefined ? `#${i + 1}` : `\`${ref.split("/").at(-1) ?? ref}\``;
    variants.set(key, { key, label, schema, pointer: `${located.pointer}/${kind}/${escapeToken(i)}` });
  });
  return variants;
}

function compareVariants(
  walk: SchemaWalk,
  before: SchemaView,
  after: SchemaView,
  wasKind: "oneOf" | "anyOf",
  isKind: "oneOf" | "anyOf",
  path: string,
  depth: number,
): void {
  if (wasKind !== isKind)
    emit(walk, isKind === "oneOf" ? "narrows" : "widens", keywordPointer(before, after, isKind), path, `${wasKind} changed to ${isKind}`);
  const was = variantsOf(before, wasKind);
  const now = variantsOf(after, isKind);
  for (const [key, variant] of was)
    if (!now.has(key)) emit(walk, "variantRemoved", variant.pointer, path, `variant ${variant.label} removed`);
  for (const [key, variant] of now) if (!was.has(key)) emit(walk, "variantAdded", variant.pointer, path, `variant ${variant.label} added`);
  for (const [key, variant] of was) {
    const match = now.get(key);
    if (match !== undefined) diffSchema(walk, variant.schema, variant.pointer, match.schema, match.pointer, path, depth + 1);
  }
}
