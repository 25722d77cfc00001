import { keyword, type SchemaView } from "./schema-view.js";

/** How a change moves the set of values a schema accepts. */
export type Effect = "narrows" | "widens" | "incomparable";

/** One validation keyword that changed between two views. */
export interface ConstraintChange {
  effect: Effect;
  /** "maxLength tightened from 200 to 100", "pattern added (`^\\d+$`)". */
  what: string;
  pointer: string;
}

/** Upper bounds: lower (or added) narrows. */
const UPPER = ["maxLength", "maxItems", "maxProperties", "maximum"] as const;
/** Lower bounds: higher (or added) narrows; the first three default to 0. */
const LOWER = ["minLength", "minItems", "minProperties", "minimum"] as const;
/** Flags that narrow when set. */
const FLAGS = ["exclusiveMaximum", "exclusiveMinimum", "uniqueItems"] as const;
/** Strings whose addition narrows and whose change cannot be compared. */
const STRINGS = ["pattern", "format"] as const;

/** Every keyword {@link constraintChanges} looks at. */
export const CONSTRAINT_KEYWORDS: readonly string[] = [...UPPER, ...LOWER, ...FLAGS, ...STRINGS, "multipleOf"];

/** Pointer of keyword `name`: in the new view when it is there, else in the old one. */
export function keywordPointer(before: SchemaView, after: SchemaView, name: string): string {
  const located = after.keywords.get(name) ?? before.keywords.get(name);
  return located === undefined ? after.pointer : `${located.pointer}/${name}`;
}

function bound(value: unknown, fallback: number | undefined): number | undefined {
  return typeof value === "number" ? value : fallback;
}

/**
 * The validation keywords (bounds, pattern, format, multipleOf, uniqueItems, exclusive
 * bounds) that differ between two views of a schema, each with its effect on the set of
 * accepted values.
 *
 * @example
 * ```ts
 * constraintChanges(viewOf({ maxLength: 200 }), viewOf({ maxLength: 100 }));
 * // [{ effect: "narrows", what: "maxLength tightened from 200 to 100", pointer: "…/maxLength" }]
 * ```
 */
export function constraintChanges(before: SchemaView, after: SchemaView): ConstraintChange[] {
  const changes: ConstraintChange[] = [];
  const push = (name: string, effect: Effect, what: string) =>
    changes.push({ effect, what: `${name} ${what}`, pointer: keywordPointer(before, after, name) });
  for (const name of [...UPPER, ...LOWER]) {
    const upper = (UPPER as readonly string[]).includes(name);
    const fallback = name === "minimum" || upper ? undefined : 0;
    const was = bound(keyword(before, name), fallback);
    const now = bound(keyword(after, name), fallback);
    if (was === now) continue;
    const narrows = was === undefined || (now !== undefined && upper === now < was);
    const effect = narrows ? "narrows" : "widens";
    if (!before.keywords.has(name)) push(name, effect, `added (${now})`);
    else if (!after.keywords.has(name)) push(name, effect, `removed (was ${was})`);
    else push(name, effect, `${narrows ? "tightened" : "loosened"} from ${was} to ${now}`);
  }
  for (const name of FLAGS) {
    const was = keyword(before, name) === true;
    const now = keyword(after, name) === true;
    if (was !== now) push(name, now ? "narrows" : "widens", now ? "set" : "unset");
  }
  for (const name of STRINGS) {
    const was = keyword(before, name);
    const now = keyword(after, name);
    if (was === now) continue;
    if (was === undefined) push(name, "narrows", `added (\`${String(now)}\`)`);
    else if (now === undefined) push(name, "widens", `removed (was \`${String(was)}\`)`);
    else push(name, "incomparable", `changed from \`${String(was)}\` to \`${String(now)}\``);
  }
  const was = bound(keyword(before, "multipleOf"), undefined);
  const now = bound(keyword(after, "multipleOf"), undefined);
  if (was !== now) {
    if (was === undefined) push("multipleOf", "narrows", `added (${now})`);
    else if (now === undefined) push("multipleOf", "widens", `removed (was ${was})`);
    else if (now % was === 0) push("multipleOf", "narrows", `changed from ${was} to ${now}`);
    else if (was % now === 0) push("multipleOf", "widens", `changed from ${was} to ${now}`);
    else push("multipleOf", "incomparable", `changed from ${was} to ${now}`);
  }
  return changes;
}
