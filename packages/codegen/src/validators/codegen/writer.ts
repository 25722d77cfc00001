import { type Call, Code, code, type ModuleImport } from "./code.js";

/** No emitted line is longer than this (indentation included). */
export const MAX_LINE = 160;
const INDENT = "  ";

/**
 * Writes statements, indented by nesting: `if`, `for` and `function` take a callback that
 * writes their body one level deeper. Continuation lines of a multi-line fragment go one
 * level deeper still; a call that would not fit on its line is written one argument per line.
 * Collects the imports of everything written.
 */
export class Writer {
  private readonly lines: string[] = [];
  private depth: number;
  readonly imports: ModuleImport[] = [];

  constructor(depth = 0) {
    this.depth = depth;
  }

  /** One statement (the `;` is the caller's). */
  line(statement: Code): this {
    this.imports.push(...statement.imports);
    const [first = "", ...rest] = statement.text.split("\n");
    this.lines.push(this.pad(0) + first);
    for (const more of rest) this.lines.push(this.pad(1) + more);
    return this;
  }

  /** `prefix` + a call + `;`, one argument per line when it does not fit (`ok = fail(…)`). */
  call(prefix: string, call: Call): this {
    const oneLine = `${prefix}${call.text};`;
    if (!oneLine.includes("\n") && this.pad(0).length + oneLine.length <= MAX_LINE) return this.line(new Code(oneLine, call.imports));
    this.imports.push(...call.imports);
    this.lines.push(`${this.pad(0)}${prefix}${call.callee.text}(`);
    this.depth++;
    for (const arg of call.args) this.line(code`${arg},`);
    this.depth--;
    this.lines.push(`${this.pad(0)});`);
    return this;
  }

  if(condition: Code, then: (w: this) => void, otherwise?: (w: this) => void): this {
    this.begin(code`if (${condition}) {`);
    then(this);
    if (otherwise) {
      this.orElse();
      otherwise(this);
    }
    return this.end();
  }

  for(head: Code, body: (w: this) => void): this {
    return this.open(code`for (${head}) {`, body);
  }

  /** A plain `{ … }` block (scopes the locals of an inlined check). */
  block(body: (w: this) => void): this {
    return this.open(code`{`, body);
  }

  /** `function name(params): returns { … }`, `export`ed when asked. */
  function(head: Code, body: (w: this) => void): this {
    return this.open(code`${head} {`, body);
  }

  /** A statement that opens a block: the body one level deeper, then `}`. */
  open(head: Code, body: (w: this) => void, close = "}"): this {
    this.begin(head);
    body(this);
    return this.end(close);
  }

  /** Opens a block (`head` ends with `{`); what follows is one level deeper until {@link end}. */
  begin(head: Code): this {
    this.line(head);
    this.depth++;
    return this;
  }

  /** Closes the block {@link begin} opened. */
  end(close = "}"): this {
    this.depth--;
    // An `else` nothing was written into is dropped: `} else {` becomes the closing `}`.
    if (close === "}" && this.lines[this.lines.length - 1] === `${this.pad(0)}} else {`) {
      this.lines[this.lines.length - 1] = `${this.pad(0)}}`;
      return this;
    }
    this.lines.push(`${this.pad(0)}${close}`);
    return this;
  }

  /** Closes the block {@link begin} opened and opens its `else`. */
  orElse(): this {
    return this.reopen("} else {");
  }

  /** `try { … } catch { … }`: a value that makes a check throw is handled by `handler`. */
  try(body: (w: this) => void, handler: (w: this) => void): this {
    this.begin(code`try {`);
    body(this);
    this.reopen("} catch {");
    handler(this);
    return this.end();
  }

  private reopen(text: string): this {
    this.depth--;
    this.lines.push(`${this.pad(0)}${text}`);
    this.depth++;
    return this;
  }

  /** Appends what another writer wrote (its lines keep their own indentation). */
  adopt(other: Writer): this {
    this.imports.push(...other.imports);
    this.lines.push(...other.lines);
    return this;
  }

  /** Whether nothing was written. */
  get empty(): boolean {
    return this.lines.length === 0;
  }

  toString(): string {
    return this.lines.join("\n");
  }

  private pad(extra: number): string {
    return INDENT.repeat(this.depth + extra);
  }
}
