import { CONSTRAINT_KEYWORDS, keywordPointer } from "../constraints.js";
import { DOC_KEYS, reportDocumentation } from "../documentation.js";
import { sameJson } from "../same-json.js";
import { keyword } from "../schema-view.js";
import { describeAt } from "../subject.js";
import type { ViewPair } from "./walk.js";

/** Keywords the schema modules compare; any other keyword is prose or unclassified. */
const COMPARED = new Set([
  ...CONSTRAINT_KEYWORDS,
  "type",
  "nullable",
  "enum",
  "items",
  "additionalProperties",
  "oneOf",
  "anyOf",
  "readOnly",
  "writeOnly",
  "deprecated",
]);

/**
 * Prose (documentation-changed), `deprecated`, and keywords no rule knows (unclassified-change).
 * These rules do not depend on the direction, so they are logged directly.
 */
export function compareOtherKeywords({ walk, before, after, path }: ViewPair): void {
  const where = describeAt(walk.subject, path);
  const wasDeprecated = keyword(before, "deprecated") === true;
  const isDeprecated = keyword(after, "deprecated") === true;
  if (wasDeprecated !== isDeprecated) {
    walk.log.add({
      rule: isDeprecated ? "deprecated-added" : "deprecated-removed",
      pointer: keywordPointer(before, after, "deprecated"),
      operationId: walk.operationId,
      text: `${where} ${isDeprecated ? "deprecated" : "no longer deprecated"}`,
      status: walk.status,
      client: walk.client,
    });
  }
  for (const name of new Set([...before.keywords.keys(), ...after.keywords.keys()])) {
    if (COMPARED.has(name) || sameJson(keyword(before, name), keyword(after, name))) continue;
    const pointer = keywordPointer(before, after, name);
    if (DOC_KEYS.has(name)) {
      reportDocumentation(walk, pointer, `${where} ${name} changed`);
    } else {
      const what = !before.keywords.has(name) ? "added" : after.keywords.has(name) ? "changed" : "removed";
      walk.log.add({
        rule: "unclassified-change",
        pointer,
        operationId: walk.operationId,
        text: `${where} \`${name}\` ${what}`,
        status: walk.status,
        client: walk.client,
      });
    }
  }
}
