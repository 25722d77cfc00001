import { CodegenError } from "../errors/CodegenError.js";
import type { SourceDocument } from "../load/source-document.js";
import { type JsonObject, listOperations } from "../model/operations.js";
import { effectiveParameters } from "../model/parameters.js";
import { quoteJsString } from "../quote/js-string.js";

/** The `{names}` of a path template, in order. */
function templateNames(path: string): string[] {
  return Array.from(path.matchAll(/\{([^{}]+)\}/g), (match) => match[1] as string);
}

/**
 * Every `{name}` in a path template must be a declared path parameter of each operation on
 * it, and every declared path parameter must appear in the template (OpenAPI 3.0.3,
 * §4.7.12: "each template expression in the path MUST correspond to a path parameter").
 * The generated call table lists the declared names and the client fills the template from
 * them alone, so a mismatch would send a URL with a literal `{name}` in it.
 */
export function checkPathParameters(document: JsonObject, source: SourceDocument): void {
  for (const entry of listOperations(document)) {
    const declared = effectiveParameters(document, entry)
      .filter((parameter) => parameter.in === "path")
      .map((parameter) => parameter.name as string);
    const inTemplate = templateNames(entry.path);
    const label = `${entry.method.toUpperCase()} ${quoteJsString(entry.path)}`;
    const undeclared = inTemplate.find((name) => !declared.includes(name));
    if (undeclared !== undefined)
      throw new CodegenError(
        "INVALID_DOCUMENT",
        `operation ${label} has ${quoteJsString(`{${undeclared}}`)} in its path but no path parameter of that name; declare it under \`parameters\` with \`in: path\`.`,
        source.locate(entry.pointer),
      );
    const unused = declared.find((name) => !inTemplate.includes(name));
    if (unused !== undefined)
      throw new CodegenError(
        "INVALID_DOCUMENT",
        `operation ${label} declares path parameter ${quoteJsString(unused)}, which its path does not contain; rename it to match the path or remove it.`,
        source.locate(entry.pointer),
      );
  }
}
