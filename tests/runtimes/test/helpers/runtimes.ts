/**
 * The runtimes the client's README claims, each as the command that runs a script in the
 * installed project: the Node running vitest, then Node 22 and 24, Bun and Deno as the binaries
 * @faxkit/runtime-binaries resolves from the lockfile.
 */
import { createRequire } from "node:module";

interface Binary {
  bin: string;
  version: string;
}

const binaries = createRequire(import.meta.url)("@faxkit/runtime-binaries") as Record<"node22" | "node24" | "bun" | "deno", Binary>;

/** One runtime: what the script must report about itself, and how to start it. */
export interface Runtime {
  /** What smoke.mjs reports as `runtime.name`. */
  name: "node" | "bun" | "deno";
  label: string;
  /** The version the lockfile pins (for Node 20: the Node running this test). */
  version: string;
  command: string;
  args: (script: string, context: { projectDir: string; fakePort: number; envNames: readonly string[] }) => string[];
}

export const RUNTIMES: readonly Runtime[] = [
  { name: "node", label: "Node", version: process.versions.node, command: process.execPath, args: (script) => [script] },
  { name: "node", label: "Node", version: binaries.node22.version, command: binaries.node22.bin, args: (script) => [script] },
  { name: "node", label: "Node", version: binaries.node24.version, command: binaries.node24.bin, args: (script) => [script] },
  // --no-install: node_modules is there, so Bun must never fetch a missing package itself.
  {
    name: "bun",
    label: "Bun",
    version: binaries.bun.version,
    command: binaries.bun.bin,
    args: (script) => ["run", "--no-install", script],
  },
  {
    name: "deno",
    label: "Deno",
    version: binaries.deno.version,
    command: binaries.deno.bin,
    // Bare specifiers from the project's node_modules as npm laid it out, no lockfile written;
    // each permission is scoped to what the script needs, so a package reaching for anything else fails.
    args: (script, { projectDir, fakePort, envNames }) => [
      "run",
      "--node-modules-dir=manual",
      "--no-lock",
      "--no-prompt",
      `--allow-net=127.0.0.1:${fakePort}`,
      `--allow-read=${projectDir}`,
      `--allow-env=${envNames.join(",")}`,
      script,
    ],
  },
];
