/**
 * The Worker runtimes: workerd (through miniflare, on the pinned Node 24, since miniflare 4 needs
 * Node >= 22) and Vercel's Edge Runtime (on the Node running vitest), each with the versions the
 * lockfile pins, how the Worker is bundled for it and the runner script that starts it.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BundleTarget } from "./worker-bundle.js";

const require = createRequire(import.meta.url);
const binaries = require("@faxkit/runtime-binaries") as Record<"node24", { bin: string }>;
const versionOf = (load: NodeJS.Require, name: string) => (load(`${name}/package.json`) as { version: string }).version;
// workerd as miniflare resolves it: the binary that runs the Worker.
const fromMiniflare = createRequire(require.resolve("miniflare"));

const RUNNERS = join(dirname(fileURLToPath(import.meta.url)), "../runners");

/** One Worker runtime: what the Worker and its runner must report, how to bundle and start it. */
export interface WorkerRuntime {
  label: string;
  /** The runtime's version for the test name. */
  version: string;
  /** What the Worker must report as `runtime`: what the runtime itself says it is. */
  identity: Record<string, string>;
  /** What the runner must report as `host`: the package versions it loaded. */
  host: Record<string, string>;
  bundle: BundleTarget;
  /** The Node that runs the runner. */
  command: string;
  runner: string;
}

const miniflare = versionOf(require, "miniflare");
const workerd = versionOf(fromMiniflare, "workerd");
const edgeRuntime = versionOf(require, "edge-runtime");

export const WORKER_RUNTIMES: readonly WorkerRuntime[] = [
  {
    label: "workerd",
    version: `${workerd} (miniflare ${miniflare})`,
    identity: { name: "workerd", userAgent: "Cloudflare-Workers" },
    host: { miniflare, workerd },
    // The conditions wrangler bundles with.
    bundle: { entry: "worker.mjs", format: "esm", conditions: ["workerd", "worker"], outfile: "worker.workerd.mjs" },
    command: binaries.node24.bin,
    runner: join(RUNNERS, "workerd.mjs"),
  },
  {
    label: "Edge Runtime",
    version: `${edgeRuntime} (edge-runtime on Node ${process.versions.node})`,
    identity: { name: "edge-runtime", EdgeRuntime: "edge-runtime" },
    host: { "edge-runtime": edgeRuntime },
    // The condition Vercel bundles Edge Functions with.
    bundle: { entry: "worker-edge.mjs", format: "iife", conditions: ["edge-light", "worker"], outfile: "worker.edge-runtime.js" },
    command: process.execPath,
    runner: join(RUNNERS, "edge-runtime.mjs"),
  },
];
