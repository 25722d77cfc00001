import { quoteJsLiteral } from "../../quote/js-literal.js";
import { quoteJsString } from "../../quote/js-string.js";

/** Something a fragment needs at module level: a runtime helper or another module's export. */
export interface ModuleImport {
  /** `null`: the validator runtime (its specifier is decided per module); otherwise a module specifier. */
  readonly from: string | null;
  readonly name: string;
  /** The local name, when it differs from `name` (`import { check as Fax_check }`). */
  readonly local: string;
  /** A type-only import. */
  readonly type: boolean;
}

const NO_IMPORTS: readonly ModuleImport[] = [];

/**
 * A fragment of generated code: its text and the imports that text relies on. Fragments are
 * only ever made by {@link code} (or the helpers below), so every spec value in them has been
 * through a quoting function.
 */
export class Code {
  constructor(
    readonly text: string,
    readonly imports: readonly ModuleImport[] = NO_IMPORTS,
  ) {}

  toString(): string {
    return this.text;
  }
}

/** An identifier of the generated code, inserted as it is. */
export class Name extends Code {}

/** What a template may interpolate; anything else is refused (no `undefined`, objects or arrays by accident). */
export type Interpolation = Code | string | number | boolean | null;

/** Longest string literal written on one line; longer ones are split into `"…" +` lines. */
const STRING_CHUNK = 96;

function render(value: Interpolation): string {
  if (value instanceof Code) return value.text;
  if (typeof value === "string") return quoteLongString(value);
  if (typeof value === "number" || typeof value === "boolean" || value === null) return quoteJsLiteral(value);
  throw new TypeError(`code\`\`: cannot interpolate a value of type ${typeof value}`);
}

/** A string literal, split at code-point boundaries into lines of at most {@link STRING_CHUNK} characters. */
function quoteLongString(value: string): string {
  const chars = Array.from(value);
  if (chars.length <= STRING_CHUNK) return quoteJsString(value);
  const chunks: string[] = [];
  for (let start = 0; start < chars.length; start += STRING_CHUNK)
    chunks.push(quoteJsString(chars.slice(start, start + STRING_CHUNK).join("")));
  return `(${chunks.join(" +\n")})`;
}

/**
 * The tagged template of the code builder: the literal parts are generator code, each
 * interpolated value is written by its type — a {@link Code} or {@link Name} as it is, a
 * string as a safe string literal ({@link quoteJsString}), a number, boolean or null as its
 * literal. The imports of interpolated fragments carry over.
 *
 * @example
 * ```ts
 * code`if (${N.value} === ${"*\/"}) return false;`; // if (v === "*\/") return false;
 * ```
 */
export function code(strings: TemplateStringsArray, ...values: Interpolation[]): Code {
  let text = strings[0] ?? "";
  const imports: ModuleImport[] = [];
  values.forEach((value, index) => {
    text += render(value) + (strings[index + 1] ?? "");
    if (value instanceof Code) imports.push(...value.imports);
  });
  return new Code(text, imports);
}

/** Spec data (an enum value, a list of content types) as a literal expression. */
export function literal(value: unknown, indent = 0): Code {
  return new Code(quoteJsLiteral(value, indent));
}

/** Fragments joined by a separator (a fragment's imports carry over). */
export function join(parts: readonly Code[], separator: string): Code {
  return new Code(
    parts.map((part) => part.text).join(separator),
    parts.flatMap((part) => part.imports),
  );
}

/** Conditions joined by `&&` or `||`, one per line once the whole would be long. */
export function chain(parts: readonly Code[], operator: "&&" | "||" | "+", empty: Code): Code {
  if (parts.length === 0) return empty;
  const oneLine = join(parts, ` ${operator} `);
  return oneLine.text.length <= 100 ? oneLine : join(parts, ` ${operator}\n`);
}

/** `!(condition)`, without the parentheses when the condition is one call or name. */
export function not(condition: Code): Code {
  return /^[\w$.]+(\([^()]*\))?$/.test(condition.text) ? code`!${condition}` : code`!(${condition})`;
}

/** A call with its arguments, laid out on one line or one argument per line by the writer. */
export class Call extends Code {
  constructor(
    readonly callee: Code,
    readonly args: readonly Code[],
  ) {
    const all = join(args, ", ");
    super(`${callee.text}(${all.text})`, [...callee.imports, ...all.imports]);
  }
}
