/**
 * The client and the validation middleware, bundled by Vite into a page and run in headless
 * Chromium against the mock. The page is served from one loopback origin and the mock from
 * another, so every API call is a real CORS request (with preflights). Nothing may leave
 * loopback; the run must leave no Chromium process behind.
 */
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { type MockServer, startMock } from "@faxkit/mock";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type BuiltPage, buildPage } from "./support/build-page.js";
import { type ChromiumChoice, chooseChromium } from "./support/chromium.js";
import { type ChromiumProcess, chromiumProcesses } from "./support/processes.js";
import { type StaticServer, startStaticServer } from "./support/static-server.js";
import { within } from "./support/within.js";

const LOOPBACK = "127.0.0.1";
const BULK_ALL_IDS = 150;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface SeenRequest {
  method: string;
  url: string;
  resourceType: string;
}
interface SeenResponse {
  method: string;
  url: string;
  status: number;
  headers: Record<string, string>;
}
/** A request as Chromium's network layer reports it (CDP), preflights included. */
interface NetworkRequest {
  id: string;
  method: string;
  url: string;
  type: string | undefined;
  status?: number;
  headers?: Record<string, string>;
}

let built: BuiltPage | undefined;
let mock: MockServer | undefined;
let site: StaticServer | undefined;
let launched: ChromiumChoice | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let page: Page | undefined;

const requests: SeenRequest[] = [];
const responses: SeenResponse[] = [];
const failed: string[] = [];
const network = new Map<string, NetworkRequest>();
const consoleMessages: { type: string; text: string }[] = [];
const pageErrors: string[] = [];
/** DOM read back once the page finished (or gave up). */
const dom: Record<string, string | null> = {};
/** `pgrep -f chromium` before the launch: whatever else runs Chromium on this machine. */
let before = new Set<number>();
/** Chromium processes this run started, seen while the browser was up. */
let ours: ChromiumProcess[] = [];

async function closeBrowser(): Promise<void> {
  const open = browser;
  browser = undefined;
  if (open) await within(20_000, "browser.close()", open.close());
}

beforeAll(async () => {
  built = await within(90_000, "vite build", buildPage());
  mock = await within(30_000, "startMock()", startMock({ host: LOOPBACK, port: 0 }));
  // A strict CSP: the validators are precompiled ("no eval, CSP-safe"), and the page may
  // talk to nothing but its own origin and the mock.
  site = await startStaticServer(built.outDir, {
    "content-security-policy": `default-src 'none'; script-src 'self'; connect-src ${mock.origin}; img-src data:; base-uri 'none'; form-action 'none'`,
  });

  launched = await within(60_000, "unpacking Chromium", chooseChromium());
  before = new Set((await chromiumProcesses()).map((entry) => entry.pid));
  browser = await chromium.launch({ executablePath: launched.executablePath, args: launched.args, headless: true, timeout: 30_000 });
  console.log(`Chromium ${browser.version()} (${launched.source}: ${launched.executablePath})`);
  // A new context of a launched browser has a fresh, empty profile (Playwright's temp user data dir).
  context = await browser.newContext();
  context.setDefaultTimeout(15_000);
  context.on("request", (request) => requests.push({ method: request.method(), url: request.url(), resourceType: request.resourceType() }));
  context.on("requestfailed", (request) => failed.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText}`));
  context.on("response", (response) => {
    responses.push({ method: response.request().method(), url: response.url(), status: response.status(), headers: response.headers() });
  });
  page = await context.newPage();
  page.on("console", (message) => consoleMessages.push({ type: message.type(), text: message.text() }));
  page.on("pageerror", (error) => pageErrors.push(`${error.name}: ${error.message}`));

  // Playwright's request events do not include CORS preflights; Chromium's network log (CDP) does.
  const cdp = await context.newCDPSession(page);
  cdp.on("Network.requestWillBeSent", (event) => {
    network.set(event.requestId, { id: event.requestId, method: event.request.method, url: event.request.url, type: event.type });
  });
  cdp.on("Network.responseReceived", (event) => {
    const entry = network.get(event.requestId);
    if (entry) Object.assign(entry, { status: event.response.status, headers: lowerCased(event.response.headers) });
  });
  await cdp.send("Network.enable");

  await page.goto(`${site.origin}/?mock=${encodeURIComponent(mock.url)}`, { waitUntil: "load", timeout: 15_000 });
  await page
    .waitForFunction(() => document.getElementById("status")?.textContent !== "running", null, { timeout: 30_000 })
    .catch(() => undefined); // the test on #status reports it, with what the console said
  for (const id of ["guard", "faxes", "bulk", "bulk-all", "invalid", "status"])
    dom[id] = await page.locator(`#${id}`).textContent({ timeout: 5_000 });
  ours = (await chromiumProcesses()).filter((entry) => !before.has(entry.pid) && entry.state !== "Z");
}, 180_000);

afterAll(async () => {
  const results = await Promise.allSettled([closeBrowser(), site?.close(), mock ? within(15_000, "mock.stop()", mock.stop()) : undefined]);
  if (built) await rm(built.tempDir, { recursive: true, force: true });
  const problems = results.filter((result) => result.status === "rejected").map((result) => (result as PromiseRejectedResult).reason);
  if (problems.length > 0) throw new AggregateError(problems, "cleanup failed");
});

function lowerCased(headers: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), String(value)]));
}

function json(id: string): unknown {
  const text = dom[id];
  if (text === null || text === undefined || text === "") throw new Error(`#${id} is empty (status: ${dom.status})`);
  return JSON.parse(text);
}

const apiRequests = () => requests.filter((request) => mock && request.url.startsWith(mock.origin));
const bulkUrl = () => `${mock?.url}/accounts/self/faxes`;

describe("@faxkit/client + @faxkit/validator bundled by Vite, in headless Chromium, against the mock", () => {
  test("Vite bundles the page with no Node-only module and the bulk helper in a chunk of its own", async () => {
    expect(built).toBeDefined();
    const bundle = built as BuiltPage;
    expect(bundle.warnings.filter((warning) => /externali[sz]ed for browser compatibility|node:/i.test(warning))).toEqual([]);
    const chunks = bundle.output.filter((item) => item.type === "chunk");
    for (const chunk of chunks) {
      // Every import is another chunk of the bundle, never a bare or `node:` specifier left to the browser.
      expect(chunk.imports.every((name) => chunks.some((other) => other.fileName === name))).toBe(true);
      expect(chunk.code).not.toMatch(/\bfrom\s*["']node:|\bimport\(\s*["']node:|\brequire\(\s*["']/);
    }
    const bulkChunk = chunks.find((chunk) => chunk.isDynamicEntry && /bulk-update-all/.test(chunk.facadeModuleId ?? ""));
    expect(bulkChunk, "a dynamic chunk for bulk-update-all").toBeDefined();
    // Not preloaded by the HTML: it is fetched when bulkUpdateAll first runs.
    const html = await readFile(join(bundle.outDir, "index.html"), "utf8");
    expect(html).not.toContain(bulkChunk?.fileName);
  });

  test("the page refuses a client without dangerouslyAllowBrowser, lists, bulk-updates, rejects the invalid request, and finishes", () => {
    expect(dom.status, JSON.stringify({ consoleMessages, pageErrors, failed }, null, 2)).toBe("done");

    const faxes = json("faxes") as { count: number; ids: string[] };
    expect(faxes.count).toBeGreaterThan(0);
    expect(faxes.ids).toHaveLength(faxes.count);
    for (const id of faxes.ids) expect(id).toMatch(/^[0-9a-f]{24}$/);

    expect(json("bulk")).toEqual({ results: faxes.ids.map((id) => ({ id, code: 204 })) });

    expect(json("bulk-all")).toEqual({
      summary: {
        total: BULK_ALL_IDS,
        unique: BULK_ALL_IDS,
        succeeded: BULK_ALL_IDS,
        failed: 0,
        requests: 2,
        byCode: { "204": BULK_ALL_IDS },
        aborted: false,
      },
      results: BULK_ALL_IDS,
      allOk: true,
    });

    expect(json("guard")).toEqual({ thrown: true, mentionsFlag: true });

    expect(json("invalid")).toEqual({
      thrown: true,
      name: "FaxValidationError",
      isFaxValidationError: true,
      subject: { operationId: "bulkUpdateFaxes", part: "request" },
      paths: ["/body/ids"],
      message: expect.stringContaining("/body/ids"),
    });
  });

  test("the calls reached the mock cross-origin: preflighted, answered with Access-Control-Allow-Origin", () => {
    const origin = site?.origin;
    // One list, one bulkUpdate, two bulkUpdateAll chunks; the invalid request never left the page.
    expect(apiRequests().map((request) => `${request.method} ${request.url}`)).toEqual([
      `GET ${mock?.url}/accounts/self/faxes?category=inbox`,
      `PUT ${bulkUrl()}`,
      `PUT ${bulkUrl()}`,
      `PUT ${bulkUrl()}`,
    ]);
    const apiResponses = responses.filter((response) => mock && response.url.startsWith(mock.origin));
    expect(apiResponses).toHaveLength(4);
    for (const response of apiResponses) {
      expect(response.status).toBe(200);
      expect(response.headers["access-control-allow-origin"]).toBe(origin);
    }
    // Preflights (Authorization and JSON bodies are not "simple"): one per URL, then cached (max-age).
    const preflights = [...network.values()].filter((entry) => entry.method === "OPTIONS");
    expect(preflights.map((entry) => entry.url).sort()).toEqual([bulkUrl(), `${mock?.url}/accounts/self/faxes?category=inbox`].sort());
    for (const preflight of preflights) {
      expect(preflight.status).toBe(204);
      expect(preflight.headers?.["access-control-allow-origin"]).toBe(origin);
      expect(preflight.headers?.["access-control-allow-headers"]).toMatch(/authorization/i);
    }
  });

  test("the bulk helper chunk was fetched lazily, when bulkUpdateAll ran, and unused helpers never", () => {
    const chunks = (built as BuiltPage).output.filter((item) => item.type === "chunk");
    const dynamicFile = (pattern: RegExp) =>
      chunks.find((chunk) => chunk.isDynamicEntry && pattern.test(chunk.facadeModuleId ?? ""))?.fileName;
    const fetched = (fileName: string | undefined) => requests.findIndex((request) => request.url === `${site?.origin}/${fileName}`);

    const bulkAt = fetched(dynamicFile(/bulk-update-all/));
    expect(bulkAt).toBeGreaterThan(-1);
    const firstPut = requests.findIndex((request) => request.method === "PUT");
    const lastPut = requests.map((request) => request.method).lastIndexOf("PUT");
    expect(bulkAt).toBeGreaterThan(firstPut); // after the plain bulkUpdate …
    expect(bulkAt).toBeLessThan(lastPut); // … before the chunked requests
    for (const unused of [/list-all/, /files/, /oauth-refresh/]) {
      const fileName = dynamicFile(unused);
      if (fileName) expect(fetched(fileName), fileName).toBe(-1);
    }
  });

  test("no console errors, no page errors, no failed requests", () => {
    expect(pageErrors).toEqual([]);
    expect(consoleMessages.filter((message) => message.type === "error")).toEqual([]);
    expect(failed).toEqual([]);
  });

  test("no request left loopback", () => {
    const urls = [...requests.map((request) => request.url), ...[...network.values()].map((entry) => entry.url)];
    expect(urls.length).toBeGreaterThan(0);
    const beyond = urls.filter((url) => {
      const parsed = new URL(url);
      return parsed.protocol !== "data:" && parsed.hostname !== LOOPBACK;
    });
    expect(beyond).toEqual([]);
  });

  test("closing Chromium leaves no Chromium process behind", async () => {
    // Proof the check below looks at the right processes: the launched executable is among them,
    // and with Debian's multi-process build its zygotes and renderers too.
    expect(
      ours.some((entry) => entry.command.startsWith(launched?.executablePath ?? "?")),
      `a process running ${launched?.executablePath}, among ${JSON.stringify(ours)}`,
    ).toBe(true);
    expect(ours.length, "Chromium processes started by this run, while the browser was up").toBeGreaterThanOrEqual(
      launched?.singleProcess ? 1 : 2,
    );
    await closeBrowser();
    // Bounded poll until every process `pgrep -f chromium` finds that was not there before the
    // launch is gone. Children re-parented to init may stay a moment as zombies (`Z`: exited, not
    // yet reaped); those are not running, so only the others fail the test.
    const started = (list: ChromiumProcess[]) => list.filter((entry) => !before.has(entry.pid));
    let left = started(await chromiumProcesses());
    for (let i = 0; i < 75 && left.length > 0; i++) {
      await sleep(200);
      left = started(await chromiumProcesses());
    }
    expect(left.filter((entry) => entry.state !== "Z")).toEqual([]);
  });
});
