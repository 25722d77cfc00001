import { keyword, type Located, viewSchema } from "../schema-view.js";
import { directionOf } from "../subject.js";
import { emitSchemaChange } from "./change.js";
import { type SchemaWalk, schemaAt, type ViewPair } from "./walk.js";

/** Whether a property is invisible in this direction: readOnly in requests, writeOnly in responses. */
function hidden(walk: SchemaWalk, document: unknown, property: Located): boolean {
  const flag = directionOf(walk.subject) === "request" ? "readOnly" : "writeOnly";
  return keyword(viewSchema(document, property.value, property.pointer), flag) === true;
}

/**
 * Properties as the direction sees them: removed, added (required or not), hidden by
 * readOnly/writeOnly, requiredness changed; a property on both sides is compared in depth.
 */
export function compareProperties({ walk, before, after, path, descend }: ViewPair): void {
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
        emitSchemaChange(walk, {
          kind: "hidden",
          pointer: now.pointer,
          path: child,
          what: request ? "became read-only" : "became write-only",
        });
      else emitSchemaChange(walk, { kind: "removed", pointer: (was as Located).pointer, path: child, what: "removed" });
    } else if (!visibleBefore && visibleAfter) {
      const required = request && after.required.has(name);
      const unhidden = was === undefined ? "" : request ? " (no longer read-only)" : " (no longer write-only)";
      emitSchemaChange(walk, {
        kind: required ? "requiredAdded" : "added",
        pointer: (now as Located).pointer,
        path: child,
        what: `added${required ? " as required" : ""}${unhidden}`,
      });
    } else if (visibleBefore && visibleAfter && was !== undefined && now !== undefined) {
      const wasRequired = before.required.has(name);
      const isRequired = after.required.has(name);
      if (!wasRequired && isRequired)
        emitSchemaChange(walk, { kind: "becameRequired", pointer: now.pointer, path: child, what: "became required" });
      if (wasRequired && !isRequired)
        emitSchemaChange(walk, { kind: "becameOptional", pointer: now.pointer, path: child, what: "became optional" });
      descend({ before: schemaAt(was), after: schemaAt(now), path: child });
    }
  }
}
