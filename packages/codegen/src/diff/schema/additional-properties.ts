import { isObject } from "../../model/operations.js";
import { type Effect, keywordPointer } from "../constraints.js";
import type { Located } from "../schema-view.js";
import { emitSchemaChange } from "./change.js";
import { schemaAt, type ViewPair } from "./walk.js";

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

/** `additionalProperties`: two schemas are compared in depth under `path.*`; any other move is a constraint change. */
export function compareAdditionalProperties({ walk, before, after, path, descend }: ViewPair): void {
  const was = before.keywords.get("additionalProperties");
  const now = after.keywords.get("additionalProperties");
  const from = openness(was);
  const to = openness(now);
  if (from === "schema" && to === "schema" && was !== undefined && now !== undefined) {
    const key = "additionalProperties";
    descend({ before: schemaAt(was, key), after: schemaAt(now, key), path: path === "" ? "*" : `${path}.*` });
    return;
  }
  const effect = OPENNESS_EFFECT[from][to];
  if (effect === null) return;
  emitSchemaChange(walk, {
    kind: effect,
    pointer: keywordPointer(before, after, "additionalProperties"),
    path,
    what: `additionalProperties changed from ${OPENNESS_LABEL[from]} to ${OPENNESS_LABEL[to]}`,
  });
}
