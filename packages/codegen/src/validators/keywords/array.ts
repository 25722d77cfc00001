import { code } from "../codegen/code.js";
import { R } from "../codegen/names.js";
import { checkChild, type KeywordScope } from "./scope.js";

/** `maxItems`, `minItems`, `uniqueItems`, `items` (one schema for every item: OpenAPI 3.0 has no tuple form). */

const items = (n: number) => `${n} item${n === 1 ? "" : "s"}`;

export function emitArray(k: KeywordScope): void {
  const { maxItems, minItems, uniqueItems } = k.schema;
  const itemSchema = k.schema.items !== undefined && !Array.isArray(k.schema.items) ? k.schema.items : undefined;
  if (typeof maxItems !== "number" && typeof minItems !== "number" && uniqueItems !== true && itemSchema === undefined) return;
  const v = k.value;
  k.whenType("array", () => {
    if (typeof maxItems === "number")
      k.check(code`${v}.length > ${maxItems}`, {
        keyword: "maxItems",
        schemaPath: k.at("maxItems"),
        message: `must have at most ${items(maxItems)}`,
        got: code`${v}.length`,
      });
    if (typeof minItems === "number")
      k.check(code`${v}.length < ${minItems}`, {
        keyword: "minItems",
        schemaPath: k.at("minItems"),
        message: `must have at least ${items(minItems)}`,
        got: code`${v}.length`,
      });
    if (uniqueItems === true) emitUniqueItems(k);
    if (itemSchema !== undefined && !k.compiler.isTrivial(itemSchema)) emitItems(k, itemSchema);
  });
}

function emitUniqueItems(k: KeywordScope): void {
  const duplicate = k.compiler.module.locals.next("duplicate");
  k.fast.line(code`if (${R.duplicateItems}(${k.value}) !== null) return false;`);
  k.collect.line(code`const ${duplicate} = ${R.duplicateItems}(${k.value});`);
  k.collect.if(code`${duplicate} !== null`, (w) =>
    k.fail(w, { keyword: "uniqueItems", schemaPath: k.at("uniqueItems"), message: duplicate }),
  );
}

function emitItems(k: KeywordScope, schema: unknown): void {
  const index = k.compiler.module.locals.next("k");
  const head = code`let ${index} = 0; ${index} < ${k.value}.length; ${index}++`;
  k.fast.begin(code`for (${head}) {`);
  k.collect.begin(code`for (${head}) {`);
  checkChild(k, schema, k.at("items"), code`${k.value}[${index}]`, code`${R.joinPointer}(${k.path}, ${index})`);
  k.fast.end();
  k.collect.end();
}
