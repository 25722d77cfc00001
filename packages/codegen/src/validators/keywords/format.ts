import { code } from "../codegen/code.js";
import { FORMAT_CHECKS, R } from "../codegen/names.js";
import type { KeywordScope } from "./scope.js";

/**
 * `format`: the formats the runtime knows (email, date-time, date, time, uri, uuid, ipv4,
 * hostname, byte) are checked by the runtime's function for that format, imported one by one;
 * any other format is an annotation, as draft-04 allows.
 */
export function emitFormat(k: KeywordScope): void {
  const format = k.schema.format;
  if (typeof format !== "string" || !Object.hasOwn(FORMAT_CHECKS, format)) return;
  const check = FORMAT_CHECKS[format];
  if (check === undefined) return;
  k.whenType("string", () =>
    k.check(code`!${check}(${k.value})`, {
      keyword: "format",
      schemaPath: k.at("format"),
      message: `must be a valid ${format}`,
      got: code`${R.show}(${k.value})`,
    }),
  );
}
