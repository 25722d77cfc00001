import { escapeToken } from "../load/json-pointer.js";
import { isObject } from "../model/operations.js";
import { CONSTRAINT_KEYWORDS, constraintChanges, type Effect, keywordPointer } from "./constraints.js";
import type { Documents, Site } from "./diff-context.js";
import { DOC_KEYS, reportDocumentation } from "./documentation.js";
import type { RuleId } from "./rules.js";
import { sameJson } from "./same-json.js";
import { keyword, type Located, type SchemaView, typeOf, unionKind, viewSchema } from "./schema-view.js";
import { type Direction, describeAt, directionOf, type Subject, statusOf } from "./subject.js";

/** One comparison of a schema pair reached from one place of one operation. */
export interface SchemaWalk extends Site, Documents {
  subject: Subject;
  /**
   * `oldPointer|newPointer` pairs already compared in this walk: the cycle guard (a
   * recursive schema reaches the same pair again), and what keeps a component reached
   * twice from one place from being compared twice.
   */
  seen: Set<string>;
}

/** Starts a walk over the schemas of one place (a body, a response, a parameter). */
export function schemaWalk(from: Documents & { site: Site }, subject: Subject): SchemaWalk {
  return { ...from.site, status: statusOf(subject), oldDoc: from.oldDoc, newDoc: from.newDoc, subject, seen: new Set() };
}

/** A schema as written (maybe a `$ref`) and its pointer. */
export interface SchemaAt {
  schema: unknown;
  pointer: string;
}

/** Input of {@link diffSchema}. */
export interface SchemaPair {
  before: SchemaAt;
  after: SchemaAt;
  /** Property path inside the walk's subject: `""` at its root, `data[].status` further down. */
  path: string;
  /** Nesting level, for the {@link MAX_DEPTH} guard. Default 0. */
  depth?: number;
}

/** Two views of the same place, for the keyword comparisons inside {@link diffSchema}. */
interface ViewPair {
  walk: SchemaWalk;
  before: SchemaView;
  after: SchemaView;
  path: string;
  depth: number;
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

/** The kinds of schema change; {@link RULES} maps each to a rule per direction. */
type ChangeKind =
  | Effect
  | "removed"
  | "added"
  | "requiredAdded"
  | "becameRequired"
  | "becameOptional"
  | "hidden"
  | "nullable"
  | "nonNullable"
  | "type"
  | "enumAdded"
  | "enumRemoved"
  | "variantAdded"
  | "variantRemoved";

/**
 * The rule for each kind of schema change, per direction. A constraint change that cannot
 * be compared (`incomparable`, e.g. a changed pattern) is judged the unsafe way for each
 * direction: tightened for requests, loosened for responses.
 */
const RULES: Readonly<Record<Direction, Readonly<Record<ChangeKind, RuleId>>>> = {
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

/** One schema change, before its rule and message are chosen by the walk's direction and subject. */
interface SchemaChange {
  kind: ChangeKind;
  pointer: string;
  /** Property path inside the subject, for the message. */
  path: string;
  /** The rest of the message: "became required", "maxLength tightened from 200 to 100". */
  what: string;
}

function emit(walk: SchemaWalk, { kind, pointer, path, what }: SchemaChange): void {
  walk.log.add({
    rule: RULES[directionOf(walk.subject)][kind],
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
 * change under the walk's subject in the walk's direction.
 *
 * @example
 * ```ts
 * const walk = schemaWalk({ site: { log, operationId: "sendFax" }, oldDoc, newDoc }, { kind: "request" });
 * diffSchema(walk, { before: { schema: oldBodySchema, pointer: "/paths/…/schema" }, after: { schema: newBodySchema, pointer: "/paths/…/schema" }, path: "" });
 * // log: "sendFax: request property `comment` became required", …
 * ```
 */
export function diffSchema(walk: SchemaWalk, { before: was, after: now, path, depth = 0 }: SchemaPair): void {
  const before = viewSchema(walk.oldDoc, was.schema, was.pointer);
  const after = viewSchema(walk.newDoc, now.schema, now.pointer);
  // Keyed by where both sides landed after `$ref`s, so a cycle is caught at the component.
  const pair = `${before.pointer}\u0001${after.pointer}`;
  if (walk.seen.has(pair) || depth > MAX_DEPTH) return;
  walk.seen.add(pair);

  const views: ViewPair = { walk, before, after, path, depth };
  compareOtherKeywords(views);
  const wasUnion = unionKind(before);
  const isUnion = unionKind(after);
  const wasType = typeOf(before);
  const isType = typeOf(after);
  if ((wasUnion === undefined) !== (isUnion === undefined)) {
    const union = (isUnion ?? wasUnion) as "oneOf" | "anyOf";
    const at = keywordPointer(before, after, union);
    if (wasType === undefined || wasType !== isType) {
      // The union is (or was) the type itself: `string` became `oneOf: [string, array]`.
      emit(walk, { kind: "type", pointer: at, path, what: `type changed from ${typeLabel(before)} to ${typeLabel(after)}` });
      return;
    }
    // A union next to an unchanged type only restricts it ("at least one of is_read, comment").
    const count = (keyword(isUnion === undefined ? before : after, union) as unknown[]).length;
    emit(walk, {
      kind: isUnion === undefined ? "widens" : "narrows",
      pointer: at,
      path,
      what: `${union} ${isUnion === undefined ? "removed" : "added"} (${count} variants)`,
    });
  }
  if (wasType !== isType) {
    const at = keywordPointer(before, after, "type");
    const numeric = (type: string | undefined) => type === "integer" || type === "number";
    if (numeric(wasType) && numeric(isType))
      emit(walk, {
        kind: wasType === "integer" ? "widens" : "narrows",
        pointer: at,
        path,
        what: `type changed from ${wasType} to ${isType}`,
      });
    else if (wasType === undefined) emit(walk, { kind: "narrows", pointer: at, path, what: `type added (${isType})` });
    else if (isType === undefined) emit(walk, { kind: "widens", pointer: at, path, what: `type removed (was ${wasType})` });
    else {
      emit(walk, { kind: "type", pointer: at, path, what: `type changed from ${wasType} to ${isType}` });
      return;
    }
  }
  const wasNullable = keyword(before, "nullable") === true;
  const isNullable = keyword(after, "nullable") === true;
  if (wasNullable !== isNullable) {
    emit(walk, {
      kind: isNullable ? "nullable" : "nonNullable",
      pointer: keywordPointer(before, after, "nullable"),
      path,
      what: isNullable ? "became nullable" : "is no longer nullable",
    });
  }
  compareEnums(views);
  for (const change of constraintChanges(before, after))
    emit(walk, { kind: change.effect, pointer: change.pointer, path, what: change.what });
  compareProperties(views);
  compareItems(views);
  compareAdditionalProperties(views);
  if (wasUnion !== undefined && isUnion !== undefined) compareVariants(views, wasUnion, isUnion);
}

/** Prose (documentation-changed), `deprecated`, and keywords no rule knows (unclassified-change). */
function compareOtherKeywords({ walk, before, after, path }: ViewPair): void {
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

function compareEnums({ walk, before, after, path }: ViewPair): void {
  const was = keyword(before, "enum");
  const now = keyword(after, "enum");
  const at = keywordPointer(before, after, "enum");
  if (Array.isArray(was) && Array.isArray(now)) {
    const wasKeys = new Set(was.map(show));
    const nowKeys = new Set(now.map(show));
    for (const value of was)
      if (!nowKeys.has(show(value))) emit(walk, { kind: "enumRemoved", pointer: at, path, what: `enum value ${show(value)} removed` });
    for (const value of now)
      if (!wasKeys.has(show(value))) emit(walk, { kind: "enumAdded", pointer: at, path, what: `enum value ${show(value)} added` });
  } else if (Array.isArray(now)) {
    emit(walk, { kind: "narrows", pointer: at, path, what: `enum added (${now.map(show).join(", ")})` });
  } else if (Array.isArray(was)) {
    emit(walk, { kind: "widens", pointer: at, path, what: `enum removed (was ${was.map(show).join(", ")})` });
  }
}

/**
 * A located value as a schema. A property's {@link Located} already points at its schema;
 * a keyword's points at the schema holding it, so pass the keyword (`items`) to append.
 */
function schemaAt(located: Located, keyword?: string): SchemaAt {
  return { schema: located.value, pointer: keyword === undefined ? located.pointer : `${located.pointer}/${keyword}` };
}

/** Whether a property is invisible in this direction: readOnly in requests, writeOnly in responses. */
function hidden(walk: SchemaWalk, document: unknown, property: Located): boolean {
  const flag = directionOf(walk.subject) === "request" ? "readOnly" : "writeOnly";
  return keyword(viewSchema(document, property.value, property.pointer), flag) === true;
}

function compareProperties({ walk, before, after, path, depth }: ViewPair): void {
  const request = directionOf(walk.subject) === "request";
  const names = new Set([...before.properties.keys(), ...after.properties.keys()]);
  for (const name of names) {
    const was = before.properties.get(name);
    const now = after.properties.get(name);
    const visibleBefore = was !== undefined && !hidden(walk, walk.oldDoc, was);
    const visibleAfter = now !== undefined && !hidden(walk, walk.newDoc, now);
    const child = path === "" ? name : `${path}.${name}`;
    if (visibleBefore && !visibleAfter) {
      if (now !== undefined)
        emit(walk, { kind: "hidden", pointer: now.pointer, path: child, what: request ? "became read-only" : "became write-only" });
      else emit(walk, { kind: "removed", pointer: (was as Located).pointer, path: child, what: "removed" });
    } else if (!visibleBefore && visibleAfter) {
      const required = request && after.required.has(name);
      const unhidden = was === undefined ? "" : request ? " (no longer read-only)" : " (no longer write-only)";
      emit(walk, {
        kind: required ? "requiredAdded" : "added",
        pointer: (now as Located).pointer,
        path: child,
        what: `added${required ? " as required" : ""}${unhidden}`,
      });
    } else if (visibleBefore && visibleAfter && was !== undefined && now !== undefined) {
      const wasRequired = before.required.has(name);
      const isRequired = after.required.has(name);
      if (!wasRequired && isRequired) emit(walk, { kind: "becameRequired", pointer: now.pointer, path: child, what: "became required" });
      if (wasRequired && !isRequired) emit(walk, { kind: "becameOptional", pointer: now.pointer, path: child, what: "became optional" });
      diffSchema(walk, { before: schemaAt(was), after: schemaAt(now), path: child, depth: depth + 1 });
    }
  }
}

function compareItems({ walk, before, after, path, depth }: ViewPair): void {
  const was = before.keywords.get("items");
  const now = after.keywords.get("items");
  if (was !== undefined && now !== undefined) {
    diffSchema(walk, { before: schemaAt(was, "items"), after: schemaAt(now, "items"), path: `${path}[]`, depth: depth + 1 });
  } else if (now !== undefined) {
    emit(walk, { kind: "narrows", pointer: `${now.pointer}/items`, path, what: "items schema added" });
  } else if (was !== undefined) {
    emit(walk, { kind: "widens", pointer: `${was.pointer}/items`, path, what: "items schema removed" });
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

function compareAdditionalProperties({ walk, before, after, path, depth }: ViewPair): void {
  const was = before.keywords.get("additionalProperties");
  const now = after.keywords.get("additionalProperties");
  const from = openness(was);
  const to = openness(now);
  if (from === "schema" && to === "schema" && was !== undefined && now !== undefined) {
    const child = path === "" ? "*" : `${path}.*`;
    const key = "additionalProperties";
    diffSchema(walk, { before: schemaAt(was, key), after: schemaAt(now, key), path: child, depth: depth + 1 });
    return;
  }
  const effect = OPENNESS_EFFECT[from][to];
  if (effect !== null) {
    emit(walk, {
      kind: effect,
      pointer: keywordPointer(before, after, "additionalProperties"),
      path,
      what: `additionalProperties changed from ${OPENNESS_LABEL[from]} to ${OPENNESS_LABEL[to]}`,
    });
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

function compareVariants(views: ViewPair, wasKind: "oneOf" | "anyOf", isKind: "oneOf" | "anyOf"): void {
  const { walk, before, after, path, depth } = views;
  if (wasKind !== isKind)
    emit(walk, {
      kind: isKind === "oneOf" ? "narrows" : "widens",
      pointer: keywordPointer(before, after, isKind),
      path,
      what: `${wasKind} changed to ${isKind}`,
    });
  const was = variantsOf(before, wasKind);
  const now = variantsOf(after, isKind);
  for (const [key, variant] of was)
    if (!now.has(key)) emit(walk, { kind: "variantRemoved", pointer: variant.pointer, path, what: `variant ${variant.label} removed` });
  for (const [key, variant] of now)
    if (!was.has(key)) emit(walk, { kind: "variantAdded", pointer: variant.pointer, path, what: `variant ${variant.label} added` });
  for (const [key, variant] of was) {
    const match = now.get(key);
    if (match !== undefined) diffSchema(walk, { before: variant, after: match, path, depth: depth + 1 });
  }
}
