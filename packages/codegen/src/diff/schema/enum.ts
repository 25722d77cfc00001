import { keywordPointer } from "../constraints.js";
import { keyword } from "../schema-view.js";
import { emitSchemaChange } from "./change.js";
import type { ViewPair } from "./walk.js";

/** An enum value as JSON text: the identity values are compared by, and how messages show them. */
function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** Enum values added or removed; an enum appearing or disappearing is a constraint change. */
export function compareEnums({ walk, before, after, path }: ViewPair): void {
  const was = keyword(before, "enum");
  const now = keyword(after, "enum");
  const at = keywordPointer(before, after, "enum");
  if (Array.isArray(was) && Array.isArray(now)) {
    const wasKeys = new Set(was.map(show));
    const nowKeys = new Set(now.map(show));
    for (const value of was)
      if (!nowKeys.has(show(value)))
        emitSchemaChange(walk, { kind: "enumRemoved", pointer: at, path, what: `enum value ${show(value)} removed` });
    for (const value of now)
      if (!wasKeys.has(show(value)))
        emitSchemaChange(walk, { kind: "enumAdded", pointer: at, path, what: `enum value ${show(value)} added` });
  } else if (Array.isArray(now)) {
    emitSchemaChange(walk, { kind: "narrows", pointer: at, path, what: `enum added (${now.map(show).join(", ")})` });
  } else if (Array.isArray(was)) {
    emitSchemaChange(walk, { kind: "widens", pointer: at, path, what: `enum removed (was ${was.map(show).join(", ")})` });
  }
}
