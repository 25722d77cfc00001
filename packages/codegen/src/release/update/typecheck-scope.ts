import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { rootRelative } from "../root-path.js";
import type { WorkspacePackage } from "../workspace-packages.js";

/** This package: it reads the spec but ships nothing generated from it. */
const CODEGEN_PACKAGE = "@faxkit/codegen";

/** What the type check covers: the shipped code that is built on the generated code. */
export interface TypecheckScope {
  /** Published packages (not private, not the codegen) with a `src/` folder. */
  packages: WorkspacePackage[];
  /** `examples/*.ts` (configs and tests aside): what users copy first. */
  examples: string[];
}

/**
 * The shipped code generated code feeds: `src/` of every published package but the codegen, and
 * the examples. Tests are left out on purpose: some pin facts of the current spec (its version)
 * and change with it; the test run checks them.
 */
export function typecheckScope(root: string, packages: readonly WorkspacePackage[]): TypecheckScope {
  const shipped = packages.filter((pkg) => !pkg.private && pkg.name !== CODEGEN_PACKAGE && existsSync(join(pkg.dir, "src")));
  const folder = join(root, "examples");
  const examples = existsSync(folder)
    ? readdirSync(folder)
        .filter((name) => name.endsWith(".ts") && !name.endsWith(".config.ts") && !name.endsWith(".test.ts"))
        .sort()
        .map((name) => join(folder, name))
    : [];
  return { packages: shipped, examples };
}

/** The scope as messages list it: `packages/client/src, …, examples/quickstart.ts`. */
export function describeScope(root: string, scope: TypecheckScope): string[] {
  return [...scope.packages.map((pkg) => `${rootRelative(root, pkg.dir)}/src`), ...scope.examples.map((file) => rootRelative(root, file))];
}
