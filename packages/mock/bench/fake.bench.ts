/**
 * `vitest bench --run` (from packages/mock, or `pnpm bench` at the root); ~30 s, bounded.
 *
 * The fake (`startFake()`) against Prism (`startMock()`), in the same run:
 *
 * 1. Requests per second of a mix of getFax, listFaxes (limit 1), bulkUpdateFaxes (2 ids) and
 *    getUser, in turn (limit 1: Prism answers the spec's one-record example whatever the limit, so
 *    both servers write one record; the fake with limit 20 writes twenty, and writing them, not
 *    finding them, is most of its time): CONCURRENCY keep-alive clients in this thread share batches of requests,
 *    after PREWARM; each server runs in a worker thread of its own, so its work does not share this
 *    thread's event loop. Every answer must be a 200 (a bulk update: 204 for each id sent, checked
 *    once before timing). A canned node:http server answering the same mix shows the clients' ceiling.
 *    - The ratio: paired turns (the servers take turns, a batch each, in every order, so a drift
 *      of the shared machine falls on all alike) with node:http clients, which keep both servers
 *      saturated; also per second of each server thread's busy time (its event loop utilization),
 *      and each operation alone (where the ratio comes from).
 *    - vitest's tasks: the same batches with Node's fetch, one server after the other: what a test
 *      suite sees. From one thread fetch sends about 4,000 requests/s on a 2-core machine, less
 *      than the fake answers, so this figure is the client's as much as the server's.
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
import { Agent, request as httpRequest } from "node:http";
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
/** Requests per timed batch of vitest's fetch tasks (one iteration). */
const BATCH = 400;
/**
 * Requests per server before anything is timed. The fake keeps getting faster for thousands of
 * requests (JIT; ~7,000 req/s after 2,000, ~10,000 after 8,000), Prism is steady after a few hundred.
 */
const PREWARM = { fetch: 1_000, http: 5_000 } as const;
/** Throughput tasks: at least this long, at least this many batches; no vitest warm-up (see PREWARM). */
const THROUGHPUT_RUNS = { time: 2_000, iterations: 4, warmupTime: 0, warmupIterations: 0 } as const;
/** Paired turns (a batch of `batch` per target per turn): at least `turns`, then until `ms` or `maxTurns`. */
const PAIRED = { batch: 1_000, turns: 6, ms: 5_000, maxTurns: 30 } as const;
/** Requests per batch when one operation is timed alone (two batches per server per operation). */
const PER_OPERATION_BATCH = 500;
/** Records the fake starts with: listFaxes pages through them. */
const SEEDED_FAXES = 50;
/** Warm starts timed per server (Prism's take ~40–80 ms each). */
const STARTS = { fake: 15, prism: 7 } as const;
/** Fresh processes per server (Prism's take ~1 s each). */
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
  /** The vitest task's batches (one target after the other). */
  stats: Stats;
  /** The paired turns' batches (the targets in turn): the ratios. */
  paired: Stats;
}

interface Stats {
  requests: number;
  wallMs: number;
  busyMs: number;
}
const noStats = (): Stats => ({ requests: 0, wallMs: 0, busyMs: 0 });

/** Ids the bulk update and getFax name: the fake's seeded faxes (Prism takes any valid id). */
let faxIds: string[] = [];

const MIX = ["getFax", "listFaxes", "bulkUpdateFaxes", "getUser"] as const;
type MixOperation = (typeof MIX)[number];

interface MixRequest {
  operation: MixOperation;
  url: string;
  method: "GET" | "PUT";
  body?: string;
}

/** A request of `operation` to the server at `url`. */
function mixRequest(url: string, operation: MixOperation): MixRequest {
  const [first, second] = faxIds as [string, string];
  switch (operation) {
    case "getFax":
      return { operation, url: `${url}/accounts/self/faxes/${first}`, method: "GET" };
    case "listFaxes":
      return { operation, url: `${url}/accounts/self/faxes?category=inbox&limit=1`, method: "GET" };
    case "getUser":
      return { operation, url: `${url}/accounts/self`, method: "GET" };
    case "bulkUpdateFaxes":
      return { operation, url: `${url}/accounts/self/faxes`, method: "PUT", body: JSON.stringify({ ids: [first, second], is_read: true }) };
  }
}

/** Sends a request, reads the whole answer; throws unless it is a 200. */
type Sender = (request: MixRequest) => Promise<string>;

const headersOf = (request: MixRequest) => (request.body === undefined ? AUTH : { ...AUTH, "content-type": "application/json" });

function expectOk(request: MixRequest, status: number, text: string): string {
  if (status !== 200) throw new Error(`${request.operation} answered ${status}: ${text.slice(0, 200)}`);
  return text;
}

/** Node's fetch (undici), as a test suite's client sends: keep-alive by default. */
const viaFetch: Sender = async (request) => {
  const { url, method, body } = request;
  const response = await fetch(url, { method, headers: headersOf(request), ...(body === undefined ? {} : { body }) });
  return expectOk(request, response.status, await response.text());
};

/**
 * node:http with a keep-alive agent: about four times what fetch can send from one thread, so
 * it keeps both servers saturated and the ratio is theirs, not the client's.
 */
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const viaHttp: Sender = (request) =>
  new Promise((resolve, reject) => {
    const headers =
      request.body === undefined ? headersOf(request) : { ...headersOf(request), "content-length": Buffer.byteLength(request.body) };
    const outgoing = httpRequest(request.url, { method: request.method, agent, headers }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        text += chunk;
      });
      response.on("end", () => {
        try {
          resolve(expectOk(request, response.statusCode ?? 0, text));
        } catch (error) {
          reject(error);
        }
      });
      response.on("error", reject);
    });
    outgoing.on("error", reject);
    outgoing.end(request.body);
  });

/**
 * `requests` requests of `operations` in turn (the mix by default) over CONCURRENCY clients; adds
 * wall time and the server's busy time to `stats`.
 */
async function batch(
  target: Target,
  stats: Stats,
  send: Sender,
  requests = BATCH,
  operations: readonly MixOperation[] = MIX,
): Promise<void> {
  const before = target.worker.performance.eventLoopUtilization();
  const started = performance.now();
  let next = 0;
  const client = async () => {
    while (next < requests) await send(mixRequest(target.url, operations[next++ % operations.length] as MixOperation));
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  stats.wallMs += performance.now() - started;
  stats.busyMs += target.worker.performance.eventLoopUtilization(before).active;
  stats.requests += requests;
}

/** Before timing: every operation of the mix answers as the real API would (bulk: one 204 per id). */
async function preflight(target: Target): Promise<void> {
  for (const operation of MIX) {
    await viaFetch(mixRequest(target.url, operation));
    await viaHttp(mixRequest(target.url, operation));
  }
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
  return { kind, title, worker, url: url as string, stats: noStats(), paired: noStats() };
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
  await batch(target, noStats(), viaFetch, PREWARM.fetch);
  await batch(target, noStats(), viaHttp, PREWARM.http);
}

/**
 * The ratios' figures: the targets take turns, a batch each, in every order in turn, so a drift
 * of this shared machine (other processes, frequency) falls on all of them alike; at least
 * PAIRED.turns turns, then until PAIRED.ms have passed or PAIRED.maxTurns.
 */
const ORDERS = [
  [0, 1, 2],
  [1, 2, 0],
  [2, 0, 1],
  [0, 2, 1],
  [2, 1, 0],
  [1, 0, 2],
] as const;
const pairedStarted = performance.now();
for (let turn = 0; turn < PAIRED.maxTurns; turn++) {
  if (turn >= PAIRED.turns && performance.now() - pairedStarted > PAIRED.ms) break;
  for (const index of ORDERS[turn % ORDERS.length] as readonly number[]) {
    const target = TARGETS[index] as Target;
    await batch(target, target.paired, viaHttp, PAIRED.batch);
  }
}

/** Each operation alone, fake and Prism in turn (fake, Prism, Prism, fake): where the ratio comes from. */
const perOperation = new Map<MixOperation, { fake: Stats; prism: Stats }>();
for (const operation of MIX) {
  const stats = { fake: noStats(), prism: noStats() };
  for (const target of [fakeTarget, prismTarget, prismTarget, fakeTarget])
    await batch(target, target === fakeTarget ? stats.fake : stats.prism, viaHttp, PER_OPERATION_BATCH, [operation]);
  perOperation.set(operation, stats);
}

describe(`requests/s: getFax, listFaxes, bulkUpdateFaxes, getUser in turn, ${CONCURRENCY} keep-alive fetch clients, ${BATCH} per batch`, () => {
  for (const target of TARGETS) bench(target.title, () => batch(target, target.stats, viaFetch), THROUGHPUT_RUNS);
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
  const perSecond = (stats: Stats) => stats.requests / (stats.wallMs / 1000);
  const perBusySecond = (stats: Stats) => stats.requests / (stats.busyMs / 1000);
  const row = (target: Target, stats: Stats) =>
    `  ${target.title.padEnd(34)} ${String(stats.requests).padStart(5)} requests in ${(stats.wallMs / 1000).toFixed(2)} s = ${perSecond(stats).toFixed(0).padStart(5)} req/s;` +
    ` server busy ${((stats.busyMs / stats.wallMs) * 100).toFixed(0).padStart(3)}% = ${perBusySecond(stats).toFixed(0).padStart(5)} req/s per busy second`;
  const lines = [
    `Requests/s: getFax, listFaxes (limit 1, one record as Prism's example), bulkUpdateFaxes (2 ids), getUser in turn, ${CONCURRENCY} keep-alive clients; each server in a worker`,
    `thread of its own (busy = that thread's event loop utilization). Paired turns, node:http clients (${PAIRED.batch} each per turn, in every order):`,
    ...TARGETS.map((target) => row(target, target.paired)),
  ];
  const saturated = perSecond(fakeTarget.paired) / perSecond(prismTarget.paired);
  const serverCost = perBusySecond(fakeTarget.paired) / perBusySecond(prismTarget.paired);
  lines.push(
    `fake / Prism requests per second: ${times(saturated)} (target >= ${RATIO_TARGET}x: ${verdict(saturated >= RATIO_TARGET)})`,
    `  per busy server second (the servers' own cost per request): ${times(serverCost)}`,
    `  each operation alone, fake / Prism requests per second: ${MIX.map((operation) => {
      const stats = perOperation.get(operation);
      return `${operation} ${stats ? times(perSecond(stats.fake) / perSecond(stats.prism)) : "n/a"}`;
    }).join(", ")}`,
    "Node's fetch clients, as a test suite sends (vitest's tasks above, one server after the other):",
    ...TARGETS.map((target) => row(target, target.stats)),
  );
  const viaFetchRatio = perSecond(fakeTarget.stats) / perSecond(prismTarget.stats);
  const ofCeiling = perSecond(fakeTarget.stats) / perSecond(ceilingTarget.stats);
  lines.push(
    `  fake / Prism with fetch: ${times(viaFetchRatio)}; the fake answers ${(ofCeiling * 100).toFixed(0)}% of what fetch gets from a canned server: fetch is the limit there`,
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
    agent.destroy();
    for (const worker of Object.values(starters)) {
      worker.postMessage("stop");
      await worker.terminate();
    }
    await Promise.all(TARGETS.map(stopTarget));
  }
}, 30_000);
