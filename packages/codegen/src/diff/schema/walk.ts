import type { Documents, Site } from "../diff-context.js";
import type { Located, SchemaView } from "../schema-view.js";
import { type Subject, statusOf } from "../subject.js";

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

/**
 * Starts a walk over the schemas of one place (a body, a response, a parameter).
 *
 * @example
 * ```ts
 * const walk = schemaWalk({ site: { log, operationId: "sendFax" }, oldDoc, newDoc }, { kind: "request" });
 * ```
 */
export function schemaWalk(from: Documents & { site: Site }, subject: Subject): SchemaWalk {
  return { ...from.site, status: statusOf(subject), oldDoc: from.oldDoc, newDoc: from.newDoc, subject, seen: new Set() };
}

/** A schema as written (maybe a `$ref`) and its pointer. */
export interface SchemaAt {
  schema: unknown;
  pointer: string;
}

/** Input of `diffSchema`. */
export interface SchemaPair {
  before: SchemaAt;
  after: SchemaAt;
  /** Property path inside the walk's subject: `""` at its root, `data[].status` further down. */
  path: string;
  /** Nesting level, for the depth guard. Default 0. */
  depth?: number;
}

/**
 * Two views of the same place, for the keyword comparisons. `descend` compares a pair of
 * subschemas one level deeper; passing it in (rather than importing `diffSchema`) keeps
 * the keyword modules free of an import cycle with the walk's entry point.
 */
export interface ViewPair {
  walk: SchemaWalk;
  before: SchemaView;
  after: SchemaView;
  path: string;
  descend: (child: Omit<SchemaPair, "depth">) => void;
}

/**
 * A located value as a schema. A property's {@link Located} already points at its schema;
 * a keyword's points at the schema holding it, so pass the keyword (`items`) to append.
 */
export function schemaAt(located: Located, keyword?: string): SchemaAt {
  return { schema: located.value, pointer: keyword === undefined ? located.pointer : `${located.pointer}/${keyword}` };
}
