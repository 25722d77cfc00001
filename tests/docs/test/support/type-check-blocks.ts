import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import ts from "typescript";
import type { ReadmeBlock } from "./readme-blocks.js";
import { SUITE_DIR } from "./typedoc-run.js";

/** Where the blocks are written: inside this suite, so `@faxkit/*` resolve as its dependencies (their built .d.ts). */
const SCRATCH = join(SUITE_DIR, ".tmp");

/** One compiler message, placed at its README line. */
export interface BlockDiagnostic {
  /** `packages/client/README.md:42` */
  where: string;
  message: string;
}

/** The repository's compiler settings (tsconfig.base.json), for code that is not emitted. */
function compilerOptions(): ts.CompilerOptions {
  const base = ts.readConfigFile(join(SUITE_DIR, "../../tsconfig.base.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(base.config, ts.sys, SUITE_DIR);
  return { ...options, noEmit: true, declaration: false, sourceMap: false, types: ["node"] };
}

/**
 * Type-checks each block as a module of its own (one program for all, so it takes one
 * compiler start). A bare import the suite does not depend on resolves from the README's
 * own package, then from any workspace package: an example may use what the package it
 * documents, or the one it wraps (openapi-fetch), depends on.
 */
export async function typeCheckBlocks(blocks: readonly ReadmeBlock[], fallbackDirs: readonly string[]): Promise<BlockDiagnostic[]> {
  await mkdir(SCRATCH, { recursive: true });
  const dir = await mkdtemp(join(SCRATCH, "readme-blocks-"));
  try {
    const files = new Map<string, { block: ReadmeBlock; offset: number }>();
    for (const [index, block] of blocks.entries()) {
      const file = join(dir, `block-${String(index).padStart(3, "0")}.ts`);
      const prelude = block.assumes ? `${block.assumes}\n` : "";
      // `export {}` keeps a block without imports a module: its names do not meet the next block's.
      await writeFile(file, `${prelude}${block.code}export {};\n`);
      files.set(file, { block, offset: prelude === "" ? 0 : prelude.split("\n").length - 1 });
    }
    const options = compilerOptions();
    const host = ts.createCompilerHost(options);
    host.resolveModuleNameLiterals = (literals, containingFile, redirected, opts, sourceFile) =>
      literals.map((literal) => {
        const mode = ts.getModeForUsageLocation(sourceFile, literal, opts);
        const resolve = (from: string) => ts.resolveModuleName(literal.text, from, opts, host, undefined, redirected, mode);
        const first = resolve(containingFile);
        if (first.resolvedModule || !files.has(containingFile)) return first;
        const readmeDir = dirname(join(SUITE_DIR, "../..", (files.get(containingFile) as { block: ReadmeBlock }).block.readme));
        for (const from of [readmeDir, ...fallbackDirs]) {
          const next = resolve(join(from, "readme-block.ts"));
          if (next.resolvedModule) return next;
        }
        return first;
      });
    const program = ts.createProgram([...files.keys()], options, host);
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => place(diagnostic, files));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function place(diagnostic: ts.Diagnostic, files: Map<string, { block: ReadmeBlock; offset: number }>): BlockDiagnostic {
  const message = `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
  const file = diagnostic.file;
  const source = file ? files.get(file.fileName) : undefined;
  if (!file || !source || diagnostic.start === undefined)
    return { where: file ? relative(SUITE_DIR, file.fileName) : "(program)", message };
  const line = file.getLineAndCharacterOfPosition(diagnostic.start).line - source.offset;
  const where =
    line < 0 ? `${source.block.readme}:${source.block.line - 1} (docs-check marker)` : `${source.block.readme}:${source.block.line + line}`;
  return { where, message };
}
