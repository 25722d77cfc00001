import { code, literal } from "../codegen/code.js";
import { R } from "../codegen/names.js";
import type { KeywordScope } from "./scope.js";

/** `maxLength`, `minLength`, `pattern`: lengths count Unicode code points, patterns are ECMA 262 (Unicode mode when valid). */

const characters = (n: number) => `${n} character${n === 1 ? "" : "s"}`;

export function emitString(k: KeywordScope): void {
  const { maxLength, minLength, pattern } = k.schema;
  if (typeof maxLength !== "number" && typeof minLength !== "number" && typeof pattern !== "string") return;
  const v = k.value;
  const count = code`${R.codePoints}(${v})`;
  k.whenType("string", () => {
    // UTF-16 length bounds code points from above (and twice it from below): the exact count
    // is only taken when the cheap test cannot decide.
    if (typeof maxLength === "number")
      k.check(code`${v}.length > ${maxLength} && ${count} > ${maxLength}`, {
        keyword: "maxLength",
        schemaPath: k.at("maxLength"),
        message: `must be at most ${characters(maxLength)}`,
        got: count,
      });
    if (typeof minLength === "number")
      k.check(code`${v}.length < ${minLength * 2} && ${count} < ${minLength}`, {
        keyword: "minLength",
        schemaPath: k.at("minLength"),
        message: `must be at least ${characters(minLength)}`,
        got: count,
      });
    if (typeof pattern === "string") {
      const re = k.compiler.module.constant("pattern", code`/* @__PURE__ */ new RegExp(${pattern}, ${regexFlags(pattern)})`);
      k.check(code`!${re}.test(${v})`, {
        keyword: "pattern",
        schemaPath: k.at("pattern"),
        message: `must match pattern ${literal(pattern).text}`,
        got: code`${R.show}(${v})`,
      });
    }
  });
}

/** `u` when the pattern is valid in Unicode mode; throws (naming it) when it is no regular expression at all. */
function regexFlags(pattern: string): string {
  try {
    new RegExp(pattern, "u");
    return "u";
  } catch {
    new RegExp(pattern);
    return "";
  }
}
