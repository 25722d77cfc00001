/** The README section whose code blocks are the guide, by its heading. */
export const GUIDE_HEADING = "## Testing code that uses @faxkit/client";

/** One example file of the guide: where it goes in the example project, and its text. */
export interface GuideFile {
  /** Relative path, from the block's first line: `src/…` or `test/…`, ending in `.ts`. */
  path: string;
  code: string;
  /** 1-based line of the block's opening fence in the README, for messages. */
  line: number;
}

// The first line of every block names its file, as a reader sees it: `// test/fax-tasks.fake.test.ts`.
const FILE_LINE = /^\/\/ ((?:src|test)\/[a-z0-9][a-z0-9.-]*\.ts)$/;

/**
 * The guide section's code blocks as files. Every fenced block in the section must be
 * ```` ```ts ```` and name its file on its first line; anything else is an error naming the
 * README line, so an example cannot drop out of the test unnoticed.
 */
export function extractGuide(markdown: string): GuideFile[] {
  const lines = markdown.split("\n");
  const start = lines.indexOf(GUIDE_HEADING);
  if (start === -1) throw new Error(`README: no section ${JSON.stringify(GUIDE_HEADING)}`);
  const files: GuideFile[] = [];
  const seen = new Set<string>();
  for (let index = start + 1; index < lines.length; index++) {
    const line = lines[index] as string;
    if (line.startsWith("## ")) break;
    if (!line.startsWith("```")) continue;
    const fence = index + 1;
    if (line !== "```ts") throw new Error(`README:${fence}: a guide block must be \`\`\`ts (got ${JSON.stringify(line)})`);
    const close = lines.indexOf("```", index + 1);
    if (close === -1) throw new Error(`README:${fence}: the block is never closed`);
    const body = lines.slice(index + 1, close);
    const path = FILE_LINE.exec(body[0] ?? "")?.[1];
    if (path === undefined)
      throw new Error(
        `README:${fence}: a guide block's first line must name its file, e.g. "// test/x.test.ts" (got ${JSON.stringify(body[0] ?? "")})`,
      );
    if (seen.has(path)) throw new Error(`README:${fence}: ${path} is named by two blocks`);
    seen.add(path);
    files.push({ path, code: `${body.join("\n")}\n`, line: fence });
    index = close;
  }
  if (files.length === 0) throw new Error(`README: the section ${JSON.stringify(GUIDE_HEADING)} has no code block`);
  return files;
}

/** The names of the tests a file declares (`it("…"` / `test("…"`), in order: what a run must report as passed. */
export function declaredTests(code: string): string[] {
  return [...code.matchAll(/^(?:it|test)\("((?:[^"\\]|\\.)*)"/gm)].map((match) => JSON.parse(`"${match[1]}"`) as string);
}
