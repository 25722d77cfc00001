import { keywordPointer } from "../constraints.js";
import { keyword, type SchemaView, typeOf, unionKind } from "../schema-view.js";
import { emitSchemaChange } from "./change.js";
import type { ViewPair } from "./walk.js";

function typeLabel(view: SchemaView): string {
  const union = unionKind(view);
  if (union !== undefined) return `${union === "anyOf" ? "an" : "a"} ${union} of ${(keyword(view, union) as unknown[]).length} variants`;
  return typeOf(view) ?? "any";
}

function numeric(type: string | undefined): boolean {
  return type === "integer" || type === "number";
}

/**
 * Compares what kind of value the schema describes: a union appearing or disappearing, then
 * `type`. Returns `false` when the type was replaced outright (`string` → `array`), since the
 * remaining keywords then describe a different kind of value and are not compared.
 */
export function compareType({ walk, before, after, path }: ViewPair): boolean {
  const wasUnion = unionKind(before);
  const isUnion = unionKind(after);
  const wasType = typeOf(before);
  const isType = typeOf(after);
  if ((wasUnion === undefined) !== (isUnion === undefined)) {
    const union = (isUnion ?? wasUnion) as "oneOf" | "anyOf";
    const at = keywordPointer(before, after, union);
    if (wasType === undefined || wasType !== isType) {
      // The union is (or was) the type itself: `string` became `oneOf: [string, array]`.
      emitSchemaChange(walk, { kind: "type", pointer: at, path, what: `type changed from ${typeLabel(before)} to ${typeLabel(after)}` });
      return false;
    }
    // A union next to an unchanged type only restricts it ("at least one of is_read, comment").
    const count = (keyword(isUnion === undefined ? before : after, union) as unknown[]).length;
    emitSchemaChange(walk, {
      kind: isUnion === undefined ? "widens" : "narrows",
      pointer: at,
      path,
      what: `${union} ${isUnion === undefined ? "removed" : "added"} (${count} variants)`,
    });
  }
  if (wasType === isType) return true;
  const at = keywordPointer(before, after, "type");
  if (numeric(wasType) && numeric(isType)) {
    // integer ↔ number is the same TS type: only the accepted values move.
    const kind = wasType === "integer" ? "widens" : "narrows";
    emitSchemaChange(walk, { kind, pointer: at, path, what: `type changed from ${wasType} to ${isType}` });
  } else if (wasType === undefined) emitSchemaChange(walk, { kind: "narrows", pointer: at, path, what: `type added (${isType})` });
  else if (isType === undefined) emitSchemaChange(walk, { kind: "widens", pointer: at, path, what: `type removed (was ${wasType})` });
  else {
    emitSchemaChange(walk, { kind: "type", pointer: at, path, what: `type changed from ${wasType} to ${isType}` });
    return false;
  }
  return true;
}

/** OpenAPI 3.0 `nullable`: the TS type gains or loses `| null`. */
export function compareNullable({ walk, before, after, path }: ViewPair): void {
  const wasNullable = keyword(before, "nullable") === true;
  const isNullable = keyword(after, "nullable") === true;
  if (wasNullable === isNullable) return;
  emitSchemaChange(walk, {
    kind: isNullable ? "nullable" : "nonNullable",
    pointer: keywordPointer(before, after, "nullable"),
    path,
    what: isNullable ? "became nullable" : "is no longer nullable",
  });
}
