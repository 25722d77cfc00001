import { code } from "../codegen/code.js";
import type { KeywordScope } from "./scope.js";

/** `maximum`, `minimum` (draft-04 boolean `exclusiveMaximum` / `exclusiveMinimum`), `multipleOf`. */
export function emitNumber(k: KeywordScope): void {
  const { maximum, minimum, multipleOf } = k.schema;
  if (typeof maximum !== "number" && typeof minimum !== "number" && typeof multipleOf !== "number") return;
  const v = k.value;
  k.whenType("number", () => {
    if (typeof maximum === "number") {
      const exclusive = k.schema.exclusiveMaximum === true;
      const keyword = exclusive ? "exclusiveMaximum" : "maximum";
      const invalid = exclusive ? code`${v} >= ${maximum}` : code`${v} > ${maximum}`;
      k.check(invalid, { keyword, schemaPath: k.at(keyword), message: `must be ${exclusive ? "<" : "<="} ${maximum}`, got: v });
    }
    if (typeof minimum === "number") {
      const exclusive = k.schema.exclusiveMinimum === true;
      const keyword = exclusive ? "exclusiveMinimum" : "minimum";
      const invalid = exclusive ? code`${v} <= ${minimum}` : code`${v} < ${minimum}`;
      k.check(invalid, { keyword, schemaPath: k.at(keyword), message: `must be ${exclusive ? ">" : ">="} ${minimum}`, got: v });
    }
    if (typeof multipleOf === "number") {
      // A quotient within a few ulps of an integer counts (0.3 / 0.1); one that overflows falls back to %.
      const q = k.compiler.module.locals.next("q");
      const body = (w: typeof k.fast, fail: (w: typeof k.fast) => void) => {
        w.line(code`const ${q} = ${v} / ${multipleOf};`);
        w.if(
          code`Number.isFinite(${q}) ? Math.abs(${q} - Math.round(${q})) > 4 * Number.EPSILON * Math.max(1, Math.abs(${q})) : ${v} % ${multipleOf} !== 0`,
          fail,
        );
      };
      const issue = { keyword: "multipleOf", schemaPath: k.at("multipleOf"), message: `must be a multiple of ${multipleOf}`, got: v };
      k.fast.block((w) => body(w, (f) => f.line(code`return false;`)));
      k.collect.block((w) => body(w, (f) => k.fail(f, issue)));
    }
  });
}
