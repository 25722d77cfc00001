/**
 * `@faxkit/mock/msw` in a real browser: the page bundles `createFakeHandlers` and the client
 * (Vite, for the browser, failing on any Node built-in), registers msw's own service worker
 * (`setupWorker`, the worker script served from the page's loopback origin, a secure context),
 * and runs client calls on the default base URL against the fake in the page. The API's host
 * is never reached: Chromium resolves no host name, and every API response must come from the
 * service worker.
 */
import { copyFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type BuiltPage, buildPage, MSW_PAGE_DIR } from "./support/build-page.js";
import { chooseChromium } from "./support/chromium.js";
import { noNodeBuiltins } from "./support/no-node-builtins.js";
import { type StaticServer, startStaticServer } from "./support/static-server.js";
import { within } from "./support/within.js";

const API_ORIGIN = "https://restapi.fax.plus";
const OUTPUTS = ["worker", "state", "sent", "delivered", "rate-limit", "retried", "log", "status"] as const;

interface SeenResponse {
  url: string;
  status: number;
  fromServiceWorker: boolean;
}

let built: BuiltPage | undefined;
let site: StaticServer | undefined;
let browser: Browser | undefined;
let page: Page | undefined;
const responses: SeenResponse[] = [];
const failed: string[] = [];
const consoleMessages: { type: string; text: string; url: string }[] = [];
const pageErrors: string[] = [];
const dom: Record<string, string | null> = {};

beforeAll(async () => {
  built = await within(90_000, "vite build", buildPage(MSW_PAGE_DIR, [noNodeBuiltins()]));
  // msw's worker script, of the installed msw (the page checks that versions match), at the
  // origin's root so that its scope covers the page.
  const workerScript = createRequire(import.meta.url).resolve("msw/mockServiceWorker.js");
  await copyFile(workerScript, join(built.outDir, "mockServiceWorker.js"));
  site = await startStaticServer(built.outDir, {
    "content-security-policy": `default-src 'none'; script-src 'self'; worker-src 'self'; connect-src 'self' ${API_ORIGIN}; img-src data:; base-uri 'none'; form-action 'none'`,
  });

  const launched = await within(60_000, "unpacking Chromium", chooseChromium());
  browser = await chromium.launch({ executablePath: launched.executablePath, args: launched.args, headless: true, timeout: 30_000 });
  const context = await browser.newContext();
  context.setDefaultTimeout(15_000);
  context.on("response", (response) =>
    responses.push({ url: response.url(), status: response.status(), fromServiceWorker: response.fromServiceWorker() }),
  );
  context.on("requestfailed", (request) => failed.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText}`));
  page = await context.newPage();
  page.on("console", (message) => consoleMessages.push({ type: message.type(), text: message.text(), url: message.location().url }));
  page.on("pageerror", (error) => pageErrors.push(`${error.name}: ${error.message}`));

  await page.goto(`${site.origin}/`, { waitUntil: "load", timeout: 15_000 });
  await page
    .waitForFunction(() => document.getElementById("status")?.textContent !== "running", null, { timeout: 30_000 })
    .catch(() => undefined); // the test on #status reports it, with what the console said
  for (const id of OUTPUTS) dom[id] = await page.locator(`#${id}`).textContent({ timeout: 5_000 });
}, 180_000);

afterAll(async () => {
  const open = browser;
  browser = undefined;
  const results = await Promise.allSettled([open ? within(20_000, "browser.close()", open.close()) : undefined, site?.close()]);
  if (built) await rm(built.tempDir, { recursive: true, force: true });
  const problems = results.filter((result) => result.status === "rejected").map((result) => (result as PromiseRejectedResult).reason);
  if (problems.length > 0) throw new AggregateError(problems, "cleanup failed");
});

function json(id: (typeof OUTPUTS)[number]): unknown {
  const text = dom[id];
  if (text === null || text === undefined || text === "")
    throw new Error(`#${id} is empty (status: ${dom.status}; console: ${JSON.stringify(consoleMessages.slice(-10))})`);
  return JSON.parse(text);
}

describe("@faxkit/mock/msw behind msw's service worker, in headless Chromium", () => {
  test("the page is bundled for the browser with no Node-only module", () => {
    const bundle = built as BuiltPage;
    expect(bundle.warnings.filter((warning) => /externali[sz]ed for browser compatibility|node:/i.test(warning))).toEqual([]);
    const chunks = bundle.output.filter((item) => item.type === "chunk");
    expect(chunks.some((chunk) => chunk.moduleIds.some((id) => /[\\/]mock[\\/]dist[\\/]msw\.js$/.test(id)))).toBe(true);
    for (const chunk of chunks) {
      expect(chunk.imports.every((name) => chunks.some((other) => other.fileName === name))).toBe(true);
      expect(chunk.code).not.toMatch(/\bfrom\s*["']node:|\bimport\(\s*["']node:|\brequire\(\s*["']/);
    }
  });

  test("setupWorker starts: the page is controlled by msw's worker and every API call is answered by it", () => {
    expect(dom.status, JSON.stringify({ consoleMessages, pageErrors, failed }, null, 2)).toBe("done");
    expect(json("worker")).toEqual({ controlled: true, baseUrl: `${API_ORIGIN}/v3` });
    const api = responses.filter((response) => response.url.startsWith(`${API_ORIGIN}/`));
    expect(api.length).toBeGreaterThanOrEqual(10);
    expect(api.filter((response) => !response.fromServiceWorker)).toEqual([]);
  });

  test("a seeded fax bulk-updated as read reads back as read", () => {
    const state = json("state") as { id: string };
    expect(state).toEqual({ id: expect.stringMatching(/^[0-9a-f]{24}$/), bulk: { results: [{ id: state.id, code: 204 }] }, isRead: true });
  });

  test("an uploaded PDF, sent and delivered on the fake clock, downloads with the same bytes", () => {
    const sent = json("sent") as { id: string };
    expect(sent).toEqual({
      path: expect.stringMatching(/^\/storage\/\d{4}-\d{2}-\d{2}\/[0-9a-f]{24}\.pdf$/),
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      queuedStatus: "submitted",
    });
    expect(json("delivered")).toEqual({
      status: "success",
      direction: "outgoing",
      pages: 1,
      outboxLeft: 0,
      sameBytes: true,
      length: expect.any(Number),
    });
  });

  test("failNext 429: RateLimitError with Retry-After without retries, the real answer after one", () => {
    expect(json("rate-limit")).toEqual({ isRateLimitError: true, status: 429, retryAfter: 7 });
    expect(json("retried")).toEqual({
      uid: expect.any(String),
      retries: [{ attempt: 1, status: 429, retryAfter: 0 }],
    });
  });

  test("the fake's request log holds every call, in order, with its status", () => {
    expect(json("log")).toEqual([
      "bulkUpdateFaxes 200",
      "getFax 200",
      "uploadFile 200",
      "sendFax 201",
      "getOutboxFax 200",
      "getFax 200",
      "getFile 200",
      "listOutboxFaxes 200",
      "getUser 429",
      "getUser 429",
      "getUser 200",
    ]);
  });

  test("no console errors but Chromium's note of each injected 429, no page errors, no failed request but the retried 429's body", () => {
    expect(pageErrors).toEqual([]);
    // Chromium logs every error status it receives as a console error; the two 429s are the
    // ones the page asked for, and nothing else may be there.
    const errors = consoleMessages.filter((message) => message.type === "error");
    const injected = (message: (typeof errors)[number]) =>
      message.url === `${API_ORIGIN}/v3/accounts/self` && /status of 429 \(Too Many Requests\)/.test(message.text);
    expect(errors.filter(injected)).toHaveLength(2);
    expect(errors.filter((message) => !injected(message))).toEqual([]);
    // The client cancels the body of a response it is about to retry (frees the connection),
    // which Chromium reports as an aborted load of that 429; any other failure is a fault.
    const retriedBody = `GET ${API_ORIGIN}/v3/accounts/self: net::ERR_ABORTED`;
    expect(failed.filter((entry) => entry !== retriedBody)).toEqual([]);
    expect(failed.length).toBeLessThanOrEqual(1);
  });
});
