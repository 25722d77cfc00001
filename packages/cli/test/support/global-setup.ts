import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const PACKAGE = fileURLToPath(new URL("../..", import.meta.url));

/** Builds the CLI (tsup, well under a second) so the tests run bin/faxplus.js against fresh code. */
export default function setup(): void {
  for (const dependency of ["client", "mock"]) {
    const dist = fileURLToPath(new URL(`../../../${dependency}/dist/index.js`, import.meta.url));
    if (!existsSync(dist))
      throw new Error(`@faxkit/${dependency} is not built (${dist} is missing): run pnpm --filter @faxkit/${dependency} build first`);
  }
  execFileSync("pnpm", ["--silent", "--filter", "@faxkit/cli", "build"], {
    cwd: PACKAGE,
    stdio: ["ignore", "ignore", "inherit"],
    timeout: 60_000,
  });
  if (!existsSync(`${PACKAGE}/dist/cli.js`)) throw new Error("pnpm --filter @faxkit/cli build did not write dist/cli.js");
}
