import { constraintChanges } from "./constraints.js";
import { compareAdditionalProperties } from "./schema/additional-properties.js";
import { emitSchemaChange } from "./schema/change.js";
import { compareEnums } from "./schema/enum.js";
import { compareItems } from "./schema/items.js";
import { compareOtherKeywords } from "./schema/other-keywords.js";
import { compareProperties } from "./schema/properties.js";
import { compareNullable, compareType } from "./schema/type.js";
import { compareVariants } from "./schema/variants.js";
import type { SchemaPair, SchemaWalk, ViewPair } from "./schema/walk.js";
import { unionKind, viewSchema } from "./schema-view.js";

/** Nesting deeper than this is not compared (a guard; real schemas are far shallower). */
const MAX_DEPTH = 64;

/**
 * Compares two schemas structurally, following `$ref`s on both sides, and reports every
 * change under the walk's subject in the walk's direction. Each keyword family is compared
 * by its own module under `schema/`; this function owns the cycle and depth guards and the
 * order the families are reported in.
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

  const views: ViewPair = { walk, before, after, path, descend: (child) => diffSchema(walk, { ...child, depth: depth + 1 }) };
  compareOtherKeywords(views);
  if (!compareType(views)) return;
  compareNullable(views);
  compareEnums(views);
  for (const change of constraintChanges(before, after))
    emitSchemaChange(walk, { kind: change.effect, pointer: change.pointer, path, what: change.what });
  compareProperties(views);
  compareItems(views);
  compareAdditionalProperties(views);
  const wasUnion = unionKind(before);
  const isUnion = unionKind(after);
  if (wasUnion !== undefined && isUnion !== undefined) compareVariants(views, wasUnion, isUnion);
}
