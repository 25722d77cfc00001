import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describeScope, type TypecheckScope } from "./typecheck-scope.js";

/** What one `tsc --noEmit` over the scope said. */
export interface TypecheckResult {
  ok: boolean;
  /** tsc's diagnostics (stdout and stderr), trimmed. */
  output: string;
  /** The signal that stopped tsc, if one did. */
  signal: NodeJS.Signals | null;
  /** The scope, as messages list it. */
  scope: string[];
  seconds: string;
}

/** tsc's report of a badly broken tree can be long; more than this is not read into memory. */
const MAX_TSC_OUTPUT_BYTES = 64 * 1024 * 1024;

/**
 * One `tsc --noEmit` over the scope against the freshly generated code, `@faxkit/*` imports
 * mapped to their `src/`, so that nothing has to be built first (seconds, where a build of every
 * package takes minutes). The tsconfig is written into `workDir` (the update's temp folder).
 */
export function runTypecheck(root: string, scope: TypecheckScope, workDir: string): TypecheckResult {
  const started = performance.now();
  const file = join(workDir, "tsconfig.typecheck.json");
  writeFileSync(file, JSON.stringify(typecheckConfig(root, scope), null, 2));
  // The project's own TypeScript, so the check is the one its build runs.
  const tsc = createRequire(join(root, "package.json")).resolve("typescript/bin/tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", file, "--pretty", "false"], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: MAX_TSC_OUTPUT_BYTES,
  });
  return {
    ok: result.status === 0,
    output: `${result.stdout ?? ""}${result.stderr ?? ""}`.trim(),
    signal: result.signal,
    scope: describeScope(root, scope),
    seconds: ((performance.now() - started) / 1000).toFixed(1),
  };
}

function typecheckConfig(root: string, scope: TypecheckScope): object {
  const paths: Record<string, string[]> = {};
  for (const pkg of scope.packages) {
    paths[pkg.name] = [join(pkg.dir, "src/index.ts")];
    paths[`${pkg.name}/*`] = [join(pkg.dir, "src/*.ts")];
  }
  const typeRoots = nodeTypeRoots(scope);
  const base = join(root, "tsconfig.base.json");
  return {
    ...(existsSync(base) ? { extends: base } : {}),
    compilerOptions: {
      noEmit: true,
      declaration: false,
      sourceMap: false,
      types: ["node"],
      ...(typeRoots.length > 0 ? { typeRoots } : {}),
      paths,
    },
    include: [...scope.packages.map((pkg) => join(pkg.dir, "src")), ...scope.examples],
  };
}

/** The tsconfig lives in a temp folder, far from any node_modules: point tsc at the first package's @types. */
function nodeTypeRoots(scope: TypecheckScope): string[] {
  for (const pkg of scope.packages) {
    try {
      return [dirname(dirname(createRequire(join(pkg.dir, "package.json")).resolve("@types/node/package.json")))];
    } catch {
      // This package has no @types/node of its own; try the next.
    }
  }
  return [];
}
