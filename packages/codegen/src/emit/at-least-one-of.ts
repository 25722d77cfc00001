import { isObject, type JsonObject } from "../model/operations.js";

/**
 * "At least one of these properties" is written in JSON Schema as an object schema with
 * `anyOf: [{ required: [a] }, { required: [b] }]` (our overlays use it for the bulk
 * update's `is_read` / `comment`). openapi-typescript renders a sibling `anyOf` as a
 * union with the base type, `Base | unknown | unknown`, which collapses to `unknown`.
 *
 * For the types only, this rewrites such a schema into the equivalent
 * `allOf: [Base, { anyOf: [{ a: A }, { b: B }] }]`, which openapi-typescript renders as
 * `Base & ({ a: A } | { b: B })`. The validators and the resolved spec keep the
 * original form. Mutates `document` in place: call it on a copy, or last.
 */
export function rewriteAtLeastOneOf(document: JsonObject): number {
  let rewritten = 0;
  const stack: unknown[] = [document];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const child of node) if (child !== null && typeof child === "object") stack.push(child);
      continue;
    }
    if (!isObject(node)) continue;
    for (const keyword of ["anyOf", "oneOf"] as const) {
      if (isRequiredOnlyChoice(node, keyword)) {
        rewrite(node, keyword);
        rewritten++;
      }
    }
    for (const child of Object.values(node)) if (child !== null && typeof child === "object") stack.push(child);
  }
  return rewritten;
}

function isRequiredOnlyChoice(node: JsonObject, keyword: "anyOf" | "oneOf"): boolean {
  const branches = node[keyword];
  if (!isObject(node.properties) || !Array.isArray(branches) || branches.length === 0) return false;
  return branches.every(
    (branch) =>
      isObject(branch) && Array.isArray(branch.required) && Object.keys(branch).every((key) => key === "required" || key === "description"),
  );
}

function rewrite(node: JsonObject, keyword: "anyOf" | "oneOf"): void {
  const { [keyword]: branches, description, ...base } = node;
  const properties = node.properties as JsonObject;
  const choice = (branches as JsonObject[]).map((branch) => {
    const required = branch.required as string[];
    // A required name the base never declares stays required, of any type (`{}`). Built from
    // entries: assigning a key `__proto__` would set the prototype instead of adding it.
    const picked = Object.fromEntries(required.map((name) => [name, Object.hasOwn(properties, name) ? properties[name] : {}]));
    return { type: "object", required, properties: picked };
  });
  for (const key of Object.keys(node)) delete node[key];
  if (description !== undefined) node.description = description;
  node.allOf = [base, { [keyword]: choice }];
}
