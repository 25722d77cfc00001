import { escapeToken } from "../../load/json-pointer.js";
import { isObject } from "../../model/operations.js";
import { keywordPointer } from "../constraints.js";
import type { Located, SchemaView } from "../schema-view.js";
import { emitSchemaChange } from "./change.js";
import type { ViewPair } from "./walk.js";

type UnionKind = "oneOf" | "anyOf";

interface Variant {
  key: string;
  label: string;
  schema: unknown;
  pointer: string;
}

/** Branches keyed by `$ref`, or by position when inline (so an inline branch has no stable identity). */
function variantsOf(view: SchemaView, kind: UnionKind): Map<string, Variant> {
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

/** Two unions: oneOf ↔ anyOf, branches added or removed, and matching branches compared in depth. */
export function compareVariants(views: ViewPair, wasKind: UnionKind, isKind: UnionKind): void {
  const { walk, before, after, path, descend } = views;
  if (wasKind !== isKind)
    emitSchemaChange(walk, {
      kind: isKind === "oneOf" ? "narrows" : "widens",
      pointer: keywordPointer(before, after, isKind),
      path,
      what: `${wasKind} changed to ${isKind}`,
    });
  const was = variantsOf(before, wasKind);
  const now = variantsOf(after, isKind);
  for (const [key, variant] of was)
    if (!now.has(key))
      emitSchemaChange(walk, { kind: "variantRemoved", pointer: variant.pointer, path, what: `variant ${variant.label} removed` });
  for (const [key, variant] of now)
    if (!was.has(key))
      emitSchemaChange(walk, { kind: "variantAdded", pointer: variant.pointer, path, what: `variant ${variant.label} added` });
  for (const [key, variant] of was) {
    const match = now.get(key);
    if (match !== undefined) descend({ before: variant, after: match, path });
  }
}
