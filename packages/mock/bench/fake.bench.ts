/**
 * `vitest bench --run` (from packages/mock, or `pnpm bench` at the root); ~30 s, bounded.
 *
 * The fake (`startFake()`) against Prism (`startMock()`), in the same run:
 *
 * 1. Requests per second of a mix of getFax, listFaxes (limit 20), bulkUpdateFaxes (2 ids) and
 *    getUser, in turn: CONCURRENCY keep-alive clients (Node's fetch, in this thread) share batches
 *    of BATCH requests; each server runs in a worker thread of its own, so its work does not share
 *    this thread's event loop. Every answer must be a 200 (a bulk update: 204 for each id sent).
 *    Two ratios: end to end (what a test suite sees; capped by what the client can send, so the
 *    same mix against a canned node:http server is measured as the ceiling), and per second of the
 *    server thread's busy time (its event loop utilization: the server's own cost per request).
 * 2. Start time, in a process that has loaded the package: `startFake()` to the first answered
 *    request, then `stop()`, several times in a worker thread; the median against the 100 ms target,
 *    and Prism's (`startMock()`) alongside.
 * 3. The first start of a process, which pays module loading: a fresh `node` runs
 *    `import("@faxkit/mock")`, starts the server and times import → first answer.
 *
 * Everything timed runs the BUILT package (dist/), loaded by Node itself: in worker threads, and in
 * child processes that import `@faxkit/mock` by name. That is what users run, and it is fair: under
 * vitest's module runner the fake's own modules would be transformed (every cross-module call a
 * property read on a runner object) while Prism, in node_modules, would run untouched. `pnpm bench`
 * builds first (turbo's `bench` depends on `build`); run alone, build the package first.
 *
 * The figures are printed by the file-level `afterAll`, once every task has run.
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { afterAll, bench, describe } from "vitest";

const PACKAGE_ROOT = fileURLToPath(new URL("../", import.meta.url));
const DIST_ENTRY = join(PACKAGE_ROOT, "dist", "index.js");
if (!existsSync(DIST_ENTRY))
  throw new Error(`@faxkit/mock is not built (${DIST_ENTRY} is missing): run \`pnpm --filter @faxkit/mock build\` first.`);

const AUTH = { authorization: "Bearer bench-token" } as const;
/** Keep-alive clients sharing each batch. */
const CONCURRENCY = 8;
/** Requests per timed batch (one vitest iteration). */
const BATCH = 400;
/** Requests per server before anything is timed, so both run JIT-compiled code. */
const PREWARM_REQUESTS = 2_000;
/** Throughput tasks: at least this long, at least this many batches; no vitest warm-up (see PREWARM). */
const THROUGHPUT_RUNS = { time: 3_000, iterations: 4, warmupTime: 0, warmupIterations: 0 } as const;
/** Records the fake starts with: listFaxes pages through them. */
const SEEDED_FAXES = 50;
/** Warm starts timed per server (Prism's take ~0.1–0.2 s each). */
const STARTS = { fake: 15, prism: 7 } as const;
/** Fresh processes per server (Prism's take ~2 s each). */
const FRESH_RUNS = { fake: 7, prism: 3 } as const;
const CHILD_TIMEOUT_MS = 30_000;
const START_TARGET_MS = 100;
const RATIO_TARGET = 5;

type Kind = "fake" | "prism" | "ceiling";

// ---------------------------------------------------------------------------------------
// Worker threads: servers and starters, loading dist/ natively (plain JS, not transpiled)
// ---------------------------------------------------------------------------------------

/**
 * role "server": starts one server and posts its URL (and, for the fake, the ids of its seeded
 * faxes); "ceiling" is a node:http server answering every request with canned JSON.
 * role "starter": on each message, times start → first answered request, then stops.
 * Every failure is posted as `{ error }`, so the bench fails with it instead of hanging.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { kind, role, entry, seededFaxes, auth } = workerData;
const fail = (error) => parentPort.postMessage({ error: String((error && error.stack) || error) });

function startCeiling() {
  const { createServer } = require("node:http");
  const body = JSON.stringify({ results: [{ id: "000000000000000000000001", code: 204 }, { id: "000000000000000000000002", code: 204 }] });
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body));
  });
  server.keepAliveTimeout = 60000;
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({
    url: "http://127.0.0.1:" + server.address().port + "/v3",
    stop: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }),
  })));
}

async function main() {
  if (kind === "ceiling") {
    const server = await startCeiling();
    parentPort.postMessage({ url: server.url, faxIds: [] });
    parentPort.once("message", () => server.stop().then(() => parentPort.postMessage({ stopped: true }), fail));
    return;
  }
  const mock = await import(entry);
  if (role === "server") {
    const faxes = Array.from({ length: seededFaxes }, () => mock.fixtures.fax());
    const server = kind === "fake" ? await mock.startFake({ seed: { faxes } }) : await mock.startMock();
    parentPort.postMessage({ url: server.url, faxIds: faxes.map((fax) => fax.id) });
    parentPort.once("message", () => server.stop().then(() => parentPort.postMessage({ stopped: true }), fail));
    return;
  }
  const startOnce = async () => {
    const started = performance.now();
    const server = kind === "fake" ? await mock.startFake() : await mock.startMock();
    const response = await fetch(server.url + "/accounts/self", { headers: auth });
    await response.arrayBuffer();
    const ms = performance.now() - started;
    await server.stop();
    if (response.status !== 200) throw new Error(kind + ": first request answered " + response.status);
    return ms;
  };
  // The first start in this thread loads the modules (measured by the fresh-process task instead).
  await startOnce();
  parentPort.on("message", (message) => {
    if (message === "stop") return parentPort.close();
    startOnce().then((ms) => parentPort.postMessage({ ms }), fail);
  });
  parentPort.postMessage({ ready: true });
}
main().catch(fail);
`;

interface WorkerReply {
  error?: string;
  url?: string;
  faxIds?: string[];
  ms?: number;
  ready?: boolean;
  stopped?: boolean;
}

function spawnWorker(kind: Kind, role: "server" | "starter"): Worker {
  return new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { kind, role, entry: pathToFileURL(DIST_ENTRY).href, seededFaxes: SEEDED_FAXES, auth: AUTH },
  });
}

/** The worker's next message; its `{ error }` or its exit becomes a rejection. */
function reply(worker: Worker): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: WorkerReply) => {
      cleanup();
      if (message.error) reject(new Error(message.error));
      else resolve(message);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`bench worker exited (code ${code}) before answering`));
    };
    const cleanup = () => {
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
    };
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
  });
}

// ---------------------------------------------------------------------------------------
// Throughput: the request mix over keep-alive fetch
// ---------------------------------------------------------------------------------------

interface Target {
  kind: Kind;
  title: string;
  worker: Worker;
  url: string;
  stats: { requests: number; wallMs: number; busyMs: number };
}

/** Ids the bulk update and getFax name: the fake's seeded faxes (Prism takes any valid id). */
let faxIds: string[] = [];

const MIX = ["getFax", "listFaxes", "bulkUpdateFaxes", "getUser"] as const;

/** One request of the mix; throws unless the answer is what a client expects. */
async function call(url: string, operation: (typeof MIX)[number]): Promise<void> {
  const [first, second] = faxIds as [string, string];
  switch (operation) {
    case "getFax":
      return expectOk(await fetch(`${url}/accounts/self/faxes/${first}`, { headers: AUTH }), operation);
    case "listFaxes":
      return expectOk(await fetch(`${url}/accounts/self/faxes?category=inbox&limit=20`, { headers: AUTH }), operation);
    case "getUser":
      return expectOk(await fetch(`${url}/accounts/self`, { headers: AUTH }), operation);
    case "bulkUpdateFaxes": {
      const body = JSON.stringify({ ids: [first, second], is_read: true });
      const response = await fetch(`${url}/accounts/self/faxes`, {
        method: "PUT",
        headers: { ...AUTH, "content-type": "application/json" },
        body,
      });
      return expectOk(response, operation);
    }
  }
}

async function expectOk(response: Response, operation: string): Promise<void> {
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${operation} answered ${response.status}: ${text.slice(0, 200)}`);
}

/** BATCH requests of the mix over CONCURRENCY clients; adds wall time and the server's busy time. */
async function batch(target: Target, requests = BATCH): Promise<void> {
  const before = target.worker.performance.eventLoopUtilization();
  const started = performance.now();
  let next = 0;
  const client = async () => {
    while (next < requests) {
      const index = next++;
      await call(target.url, MIX[index % MIX.length] as (typeof MIX)[number]);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  target.stats.wallMs += performance.now() - started;
  target.stats.busyMs += target.worker.performance.eventLoopUtilization(before).active;
  target.stats.requests += requests;
}

/** Before timing: every operation of the mix answers as the real API would (bulk: one 204 per id). */
async function preflight(target: Target): Promise<void> {
  for (const operation of MIX) await call(target.url, operation);
  const response = await fetch(`${target.url}/accounts/self/faxes`, {
    method: "PUT",
    headers: { ...AUTH, "content-type": "application/json" },
    body: JSON.stringify({ ids: faxIds.slice(0, 2), is_read: true }),
  });
  const answer = (await response.json()) as { results?: { id: string; code: number }[] };
  const expected = JSON.stringify(faxIds.slice(0, 2).map((id) => ({ id, code: 204 })));
  if (target.kind !== "ceiling" && JSON.stringify(answer.results) !== expected)
    throw new Error(`${target.title}: bulkUpdateFaxes answered ${JSON.stringify(answer).slice(0, 300)}`);
}

async function startTarget(kind: Kind, title: string): Promise<Target> {
  const worker = spawnWorker(kind, "server");
  const { url, faxIds: ids } = await reply(worker);
  if (kind === "fake") faxIds = ids ?? [];
  return { kind, title, worker, url: url as string, stats: { requests: 0, wallMs: 0, busyMs: 0 } };
}

async function stopTarget(target: Target): Promise<void> {
  target.worker.postMessage("stop");
  await Promise.race([reply(target.worker).catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 5_000))]);
  await target.worker.terminate();
}

const fakeTarget = await startTarget("fake", "fake (startFake)");
const prismTarget = await startTarget("prism", "Prism (startMock)");
const ceilingTarget = await startTarget("ceiling", "canned node:http (client ceiling)");
const TARGETS = [fakeTarget, prismTarget, ceilingTarget];
if (faxIds.length < 2) throw new Error(`the fake was seeded with ${faxIds.length} faxes, the mix needs 2`);
for (const target of TARGETS) {
  await preflight(target);
  await batch(target, PREWARM_REQUESTS);
  target.stats = { requests: 0, wallMs: 0, busyMs: 0 };
}

describe(`requests/s: getFax, listFaxes, bulkUpdateFaxes, getUser in turn, ${CONCURRENCY} keep-alive fetch clients, ${BATCH} per batch`, () => {
  for (const target of TARGETS) bench(target.title, () => batch(target), THROUGHPUT_RUNS);
});

// ---------------------------------------------------------------------------------------
// Start time: warm (package loaded) in worker threads, cold in fresh processes
// ---------------------------------------------------------------------------------------

const starts = { fake: [] as number[], prism: [] as number[] };
const starters = { fake: spawnWorker("fake", "starter"), prism: spawnWorker("prism", "starter") };
await Promise.all(Object.values(starters).map(reply));

async function timedStart(kind: "fake" | "prism"): Promise<void> {
  const worker = starters[kind];
  worker.postMessage("start");
  const { ms } = await reply(worker);
  starts[kind].push(ms as number);
}

interface FreshRun {
  importMs: number;
  firstAnswerMs: number;
  firstFetchMs: number;
}
const fresh = { fake: [] as FreshRun[], prism: [] as FreshRun[] };

/**
 * In a fresh node: import the package by name (self-reference, so its `exports` map is used) →
 * first answer. The process's first `fetch()` loads Node's HTTP client (undici), a cost any
 * client pays whatever it talks to: it is paid on a throwaway server before the clock starts,
 * and reported on its own.
 */
const CHILD_SOURCE = `
import { createServer } from "node:http";
const throwaway = createServer((request, response) => response.end("{}"));
await new Promise((resolve) => throwaway.listen(0, "127.0.0.1", resolve));
const fetchStarted = performance.now();
await (await fetch("http://127.0.0.1:" + throwaway.address().port + "/")).text();
const firstFetchMs = performance.now() - fetchStarted;
throwaway.closeAllConnections();
throwaway.close();

const started = performance.now();
const mock = await import("@faxkit/mock");
const importMs = performance.now() - started;
const server = process.env.FAXKIT_BENCH_KIND === "fake" ? await mock.startFake() : await mock.startMock();
const response = await fetch(server.url + "/accounts/self", { headers: { authorization: "Bearer bench-token" } });
await response.arrayBuffer();
const firstAnswerMs = performance.now() - started;
await server.stop();
if (response.status !== 200) throw new Error("first request answered " + response.status);
console.log(JSON.stringify({ importMs, firstAnswerMs, firstFetchMs }));
`;

function freshProcess(kind: "fake" | "prism"): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--input-type=module", "--eval", CHILD_SOURCE],
      { cwd: PACKAGE_ROOT, timeout: CHILD_TIMEOUT_MS, env: { ...process.env, FAXKIT_BENCH_KIND: kind } },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`fresh ${kind} process failed: ${error.message}\n${stderr}`));
        const line = stdout.split("\n").find((text) => text.startsWith("{"));
        if (!line) return reject(new Error(`fresh ${kind} process printed no figures:\n${stdout}\n${stderr}`));
        fresh[kind].push(JSON.parse(line) as FreshRun);
        resolve();
      },
    );
  });
}

const runsOf = (count: number) => ({ time: 0, iterations: count, warmupTime: 0, warmupIterations: 0 }) as const;

describe("start → first answered request → stop, package already loaded (worker thread)", () => {
  bench("startFake()", () => timedStart("fake"), runsOf(STARTS.fake));
  bench("startMock() (Prism)", () => timedStart("prism"), runsOf(STARTS.prism));
});

describe('fresh node process: import("@faxkit/mock") → start → first answered request', () => {
  bench("startFake()", () => freshProcess("fake"), runsOf(FRESH_RUNS.fake));
  bench("startMock() (Prism)", () => freshProcess("prism"), runsOf(FRESH_RUNS.prism));
});

// ---------------------------------------------------------------------------------------
// Summary
// ---------------------------------------------------------------------------------------

const median = (values: number[]) => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const ms = (value: number) => (Number.isNaN(value) ? "n/a" : value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`);
const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)}x` : "n/a");
const verdict = (ok: boolean) => (ok ? "ok" : "MISSED");

/** The newest file under src/, when it is newer than the build: the figures are then of older code. */
function staleBuildWarning(): string | undefined {
  const built = statSync(DIST_ENTRY).mtimeMs;
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
      const path = join(dir, entry.name);
      return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
    }, 0);
  if (newest(join(PACKAGE_ROOT, "src")) <= built) return undefined;
  return "WARNING: src/ is newer than dist/: these figures are of the last build (`pnpm --filter @faxkit/mock build`).";
}

function throughputLines(): string[] {
  const perSecond = (target: Target) => target.stats.requests / (target.stats.wallMs / 1000);
  const perBusySecond = (target: Target) => target.stats.requests / (target.stats.busyMs / 1000);
  const lines = [
    `Requests/s: getFax, listFaxes (limit 20), bulkUpdateFaxes (2 ids), getUser in turn; ${CONCURRENCY} keep-alive clients (Node's fetch);`,
    "  each server in a worker thread of its own; busy = that thread's event loop utilization while answering:",
  ];
  for (const target of TARGETS) {
    const { requests, wallMs, busyMs } = target.stats;
    lines.push(
      `  ${target.title.padEnd(34)} ${requests} requests in ${(wallMs / 1000).toFixed(2)} s = ${perSecond(target).toFixed(0)} req/s;` +
        ` server busy ${((busyMs / wallMs) * 100).toFixed(0)}% = ${perBusySecond(target).toFixed(0)} req/s per busy second`,
    );
  }
  const endToEnd = perSecond(fakeTarget) / perSecond(prismTarget);
  const serverCost = perBusySecond(fakeTarget) / perBusySecond(prismTarget);
  const ofCeiling = perSecond(fakeTarget) / perSecond(ceilingTarget);
  lines.push(
    `fake / Prism requests per second: ${times(endToEnd)} (target >= ${RATIO_TARGET}x: ${verdict(endToEnd >= RATIO_TARGET)})`,
    `  end to end; the fake runs at ${(ofCeiling * 100).toFixed(0)}% of what these clients send to a canned server (the ceiling of this measure)`,
    `fake / Prism requests per busy server second: ${times(serverCost)} (target >= ${RATIO_TARGET}x: ${verdict(serverCost >= RATIO_TARGET)})`,
    "  the servers' own cost per request, without the client's",
  );
  return lines;
}

function startLines(): string[] {
  const fake = median(starts.fake);
  const prism = median(starts.prism);
  const coldFake = median(fresh.fake.map((run) => run.firstAnswerMs));
  const coldPrism = median(fresh.prism.map((run) => run.firstAnswerMs));
  const importFake = median(fresh.fake.map((run) => run.importMs));
  const firstFetch = median([...fresh.fake, ...fresh.prism].map((run) => run.firstFetchMs));
  return [
    "Start → first answered request (medians):",
    `  startFake(), package loaded: ${ms(fake)} of ${starts.fake.length} starts (target < ${START_TARGET_MS} ms: ${verdict(fake < START_TARGET_MS)});` +
      ` startMock(): ${ms(prism)} of ${starts.prism.length}; Prism / fake ${times(prism / fake)}`,
    `  fresh process, import("@faxkit/mock") → first answer: fake ${ms(coldFake)} (of which import ${ms(importFake)}; target < ${START_TARGET_MS} ms: ${verdict(coldFake < START_TARGET_MS)}),` +
      ` Prism ${ms(coldPrism)}; Prism / fake ${times(coldPrism / coldFake)} (${fresh.fake.length} and ${fresh.prism.length} processes)`,
    `  not counted above: the process's first fetch() (loading Node's HTTP client, paid by any client): ${ms(firstFetch)}`,
  ];
}

// Only file-level hooks run in bench mode.
afterAll(async () => {
  try {
    const warning = staleBuildWarning();
    const lines = ["", "=== @faxkit/mock benchmark summary (built package, dist/) ===", ...(warning ? [warning] : [])];
    lines.push(...throughputLines(), ...startLines());
    console.log(lines.join("\n"));
  } finally {
    for (const worker of Object.values(starters)) {
      worker.postMessage("stop");
      await worker.terminate();
    }
    await Promise.all(TARGETS.map(stopTarget));
  }
}, 30_000);
