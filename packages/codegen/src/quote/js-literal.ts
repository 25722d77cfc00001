import { CodegenError } from "../errors/CodegenError.js";
import { quoteJsString } from "./js-string.js";
import { quotePropertyKey } from "./property-key.js";

/** Deeper data than this in a spec value is refused: the generator recurses over it. */
export const MAX_LITERAL_DEPTH = 64;

/**
 * The one way JSON-like data from the spec (enum values, operation records, spec info)
 * becomes a JavaScript expression. The text is what `JSON.stringify(value, null, indent)`
 * would write, except that strings go through {@link quoteJsString}, keys through
 * {@link quotePropertyKey} (so `__proto__` stays an own property), and numbers JSON cannot
 * hold (`NaN`, `Infinity`, `-0`, which YAML can) keep their value. Properties whose value is
 * `undefined` are left out, as JSON.stringify does; functions, symbols and bigints are refused.
 *
 * @example
 * ```ts
 * quoteJsLiteral({ id: "a", tags: ["x"] }); // "{\"id\":\"a\",\"tags\":[\"x\"]}"
 * ```
 */
export function quoteJsLiteral(value: unknown, indent = 0): string {
  return render(value, indent, "", 0);
}

function render(value: unknown, indent: number, current: string, depth: number): string {
  if (depth > MAX_LITERAL_DEPTH)
    throw new CodegenError("EMIT_FAILED", `a value in the spec is nested more than ${MAX_LITERAL_DEPTH} levels deep.`);
  if (value === null) return "null";
  if (typeof value === "string") return quoteJsString(value);
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") return renderNumber(value);
  if (Array.isArray(value))
    return renderList(
      value.map((item) => render(item ?? null, indent, current + " ".repeat(indent), depth + 1)),
      "[",
      "]",
      indent,
      current,
    );
  if (typeof value === "object") {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    const inner = current + " ".repeat(indent);
    const parts = entries.map(
      ([key, item]) => `${quotePropertyKey(key)}:${indent > 0 ? " " : ""}${render(item, indent, inner, depth + 1)}`,
    );
    return renderList(parts, "{", "}", indent, current);
  }
  throw new CodegenError("EMIT_FAILED", `a value in the spec is a ${typeof value}, which cannot be written as data.`);
}

function renderNumber(value: number): string {
  if (Object.is(value, -0)) return "-0";
  return String(value); // NaN, Infinity and -Infinity are valid expressions as written
}

function renderList(parts: string[], open: string, close: string, indent: number, current: string): string {
  if (parts.length === 0) return `${open}${close}`;
  if (indent === 0) return `${open}${parts.join(",")}${close}`;
  const inner = current + " ".repeat(indent);
  return `${open}\n${parts.map((part) => `${inner}${part}`).join(",\n")}\n${current}${close}`;
}
