import { emitSchemaChange } from "./change.js";
import { schemaAt, type ViewPair } from "./walk.js";

/** An array's `items`: compared in depth under `path[]`, or a constraint change when one side has none. */
export function compareItems({ walk, before, after, path, descend }: ViewPair): void {
  const was = before.keywords.get("items");
  const now = after.keywords.get("items");
  if (was !== undefined && now !== undefined) {
    descend({ before: schemaAt(was, "items"), after: schemaAt(now, "items"), path: `${path}[]` });
  } else if (now !== undefined) {
    emitSchemaChange(walk, { kind: "narrows", pointer: `${now.pointer}/items`, path, what: "items schema added" });
  } else if (was !== undefined) {
    emitSchemaChange(walk, { kind: "widens", pointer: `${was.pointer}/items`, path, what: "items schema removed" });
  }
}
