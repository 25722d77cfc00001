import { quoteJsString } from "../../quote/js-string.js";
import { type Code, code, type ModuleImport, type Name } from "./code.js";
import { LocalNames } from "./names.js";
import { MAX_LINE, Writer } from "./writer.js";

/**
 * One generated module: its top-level declarations, written with {@link Writer}s, and the
 * imports those declarations turned out to use — nothing is imported that is not used.
 */
export class ModuleBuilder {
  readonly locals = new LocalNames();
  private readonly constants: Writer = new Writer();
  private readonly sections: Writer[] = [];

  /** @param runtime the runtime's module specifier as seen from this module. */
  constructor(private readonly runtime: string) {}

  /** A module-level `const` (a compiled pattern, an enum's set), named `<stem><n>`. */
  constant(stem: string, init: Code): Name {
    const name = this.locals.next(stem);
    this.constants.line(code`const ${name} = ${init};`);
    return name;
  }

  /** A new section of top-level code (a function, an export); sections are separated by a blank line. */
  section(): Writer {
    const writer = new Writer();
    this.sections.push(writer);
    return writer;
  }

  /** The module text: `header` (banner), the imports in use, the constants, then every section. */
  render(header: string): string {
    const writers = [this.constants, ...this.sections].filter((w) => !w.empty);
    const imports = this.importLines(writers.flatMap((w) => w.imports));
    const parts = [wrapCommentLines(header.trimEnd()), imports.join("\n"), ...writers.map(String)].filter((part) => part !== "");
    return `${parts.join("\n\n")}\n`;
  }

  private importLines(needed: readonly ModuleImport[]): string[] {
    // module → (value or type) → specifier text, deduplicated
    const groups = new Map<string, Set<string>>();
    for (const entry of needed) {
      const from = entry.from ?? this.runtime;
      const key = `${entry.type ? "type" : "value"}\u0000${from}`;
      const specifier =
        entry.name === "*" ? `* as ${entry.local}` : entry.local === entry.name ? entry.name : `${entry.name} as ${entry.local}`;
      const set = groups.get(key) ?? new Set<string>();
      set.add(specifier);
      groups.set(key, set);
    }
    return [...groups.keys()]
      .sort((a, b) => rank(a, this.runtime) - rank(b, this.runtime) || (a < b ? -1 : a > b ? 1 : 0))
      .map((key) => {
        const [kind, from] = key.split("\u0000") as [string, string];
        return importLine(kind === "type", [...(groups.get(key) ?? [])].sort(), from);
      });
  }
}

/** The runtime first, then types, then other modules. */
function rank(key: string, runtime: string): number {
  return key.endsWith(`\u0000${runtime}`) ? 0 : key.startsWith("type") ? 1 : 2;
}

function importLine(type: boolean, names: string[], from: string): string {
  const keyword = type ? "import type" : "import";
  const namespace = names.find((name) => name.startsWith("* as "));
  if (namespace !== undefined) return `${keyword} ${namespace} from ${quoteJsString(from)};`;
  const oneLine = `${keyword} { ${names.join(", ")} } from ${quoteJsString(from)};`;
  if (oneLine.length <= MAX_LINE) return oneLine;
  return `${keyword} {\n${names.map((name) => `  ${name},`).join("\n")}\n} from ${quoteJsString(from)};`;
}

/**
 * Breaks the long lines of a block comment (a banner listing many overlays) after a comma or
 * space, continuing with ` * `: comment text only, so nothing it says changes meaning.
 */
export function wrapCommentLines(comment: string): string {
  return comment
    .split("\n")
    .flatMap((line) => {
      if (line.length <= MAX_LINE || !line.startsWith(" * ")) return [line];
      const out: string[] = [];
      let rest = line;
      while (rest.length > MAX_LINE) {
        const cut = rest.lastIndexOf(" ", MAX_LINE);
        if (cut <= 3) break;
        out.push(rest.slice(0, cut));
        rest = ` * ${rest.slice(cut + 1)}`;
      }
      out.push(rest);
      return out;
    })
    .join("\n");
}
