import { parsePointer, resolveLocalRef } from "../load/json-pointer.js";
import { isObject, type JsonObject, listOperations } from "./operations.js";

/** Operations and schemas of one tag. */
export interface TagSummary {
  tag: string;
  operations: number;
  /** Component schemas the tag's operations use, directly or through other schemas. */
  schemas: number;
}

/** What a person wants to see after a generation: the spec's identity and size per tag. */
export interface SpecSummary {
  title: string;
  version: string;
  openapi: string;
  operations: number;
  schemas: number;
  tags: TagSummary[];
}

const SCHEMA_REF = /^#\/components\/schemas\/([^/]+)$/;

/**
 * Names of component schemas referenced under `node`. References to other components
 * (responses, request bodies, parameters) are followed; schema references are not.
 */
function directSchemaRefs(root: JsonObject, node: unknown, into: Set<string>): void {
  const stack = [node];
  while (stack.length > 0) {
    const current = stack.pop();
    if (current === null || typeof current !== "object") continue;
    if (Array.isArray(current)) {
      stack.push(...current);
      continue;
    }
    const ref = (current as JsonObject).$ref;
    if (typeof ref === "string") {
      const match = SCHEMA_REF.exec(ref);
      if (match?.[1]) into.add(parsePointer(`/${decodeURIComponent(match[1])}`)[0] as string);
      else if (ref.startsWith("#/components/")) stack.push(resolveLocal(root, ref));
    }
    stack.push(...Object.values(current as JsonObject));
  }
}

function resolveLocal(root: JsonObject, ref: string): unknown {
  return resolveLocalRef(root, ref);
}

/** Counts operations per tag and the schemas each tag reaches (transitively). */
export function summarizeDocument(document: JsonObject): SpecSummary {
  const schemas = (isObject(document.components) && isObject(document.components.schemas) ? document.components.schemas : {}) as JsonObject;
  const closure = new Map<string, Set<string>>();
  const reach = (name: string): Set<string> => {
    const known = closure.get(name);
    if (known) return known;
    const result = new Set<string>([name]);
    closure.set(name, result); // set first: recursive schemas terminate
    const direct = new Set<string>();
    directSchemaRefs(document, schemas[name], direct);
    for (const next of direct) for (const reached of reach(next)) result.add(reached);
    return result;
  };
  const byTag = new Map<string, { operations: number; schemas: Set<string> }>();
  for (const { operation } of listOperations(document)) {
    const tag = Array.isArray(operation.tags) && typeof operation.tags[0] === "string" ? operation.tags[0] : "(untagged)";
    const entry = byTag.get(tag) ?? { operations: 0, schemas: new Set<string>() };
    entry.operations++;
    const direct = new Set<string>();
    directSchemaRefs(document, operation, direct);
    for (const name of direct) for (const reached of reach(name)) entry.schemas.add(reached);
    byTag.set(tag, entry);
  }
  const info = (document.info ?? {}) as JsonObject;
  return {
    title: String(info.title),
    version: String(info.version),
    openapi: String(document.openapi),
    operations: listOperations(document).length,
    schemas: Object.keys(schemas).length,
    tags: [...byTag.entries()].map(([tag, { operations, schemas: used }]) => ({ tag, operations, schemas: used.size })),
  };
}
