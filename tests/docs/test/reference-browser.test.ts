import { type Browser, type BrowserContext, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
// The browser suite's launcher and server: one choice of Chromium (and of its flags) for every browser test.
import { chooseChromium } from "../../browser/test/support/chromium.js";
import { type StaticServer, startStaticServer } from "../../browser/test/support/static-server.js";
import { brokenLinks } from "./support/link-check.js";

/** The link check's bound: far above today's count, so growth past it is a finding, not a slow test. */
const MAX_LINKED_PAGES = 3_000;

const { out, pages } = inject("reference");
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
/** Every link found on the opened pages, absolute. */
const links = new Set<string>();
const beyondLoopback: string[] = [];
const failedRequests: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  server = await startStaticServer(out);
  const launch = await chooseChromium();
  browser = await chromium.launch({ executablePath: launch.executablePath, args: launch.args, headless: true, timeout: 30_000 });
  context = await browser.newContext();
  context.setDefaultTimeout(15_000);
  // Every request passes here first: anything but the loopback server is refused and remembered.
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1") return route.continue();
    beyondLoopback.push(url.href);
    return route.abort("blockedbyclient");
  });
  context.on("requestfailed", (request) => failedRequests.push(`${request.url()}: ${request.failure()?.errorText}`));
  context.on("response", (response) => {
    if (response.status() >= 400) failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
  });
  context.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(`${message.location().url}: ${message.text()}`);
  });
  context.on("weberror", (error) => consoleErrors.push(`uncaught: ${error.error().message}`));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the API reference in Chromium", () => {
  it("renders the index, every entry point's module page and the key symbols' pages with no console error and no failed request", async () => {
    const page = await context.newPage();
    for (const { path, heading } of pages) {
      await page.goto(`${server.origin}/${path}`, { waitUntil: "load" });
      expect((await page.locator("h1").first().textContent())?.trim()).toBe(heading);
      // The sidebar is filled by script from assets/navigation.js: its links are part of the page.
      await page.locator(".tsd-navigation a").first().waitFor();
      for (const href of await page.$$eval("a[href]", (anchors) => anchors.map((a) => (a as HTMLAnchorElement).href))) links.add(href);
    }
    await page.close();
    expect(pages.length).toBeGreaterThan(15);
    expect(consoleErrors).toEqual([]);
    expect(failedRequests).toEqual([]);
    expect(beyondLoopback).toEqual([]);
  });

  it("has every internal link of those pages lead to a page that exists and, with a #fragment, to that anchor on it", async () => {
    expect([...links].filter((href) => href.startsWith(`${server.origin}/`)).length).toBeGreaterThan(100);
    expect(await brokenLinks(links, server.origin, MAX_LINKED_PAGES)).toEqual([]);
  });

  it("finds a link to a missing page and one to a missing anchor (the link check can fail)", async () => {
    const page = (path: string) => `${server.origin}/${path}`;
    const sample = [page("index.html"), page("index.html#no-such-anchor"), page("modules/no-such-module.html"), "https://example.com/"];
    expect(await brokenLinks(sample, server.origin, MAX_LINKED_PAGES)).toEqual([sample[1], sample[2]]);
    await expect(brokenLinks(sample, server.origin, 1)).rejects.toThrow("2 pages linked, more than the 1 the check is bounded to");
  });

  it("refuses and reports a request beyond loopback", async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}/index.html`);
    const outcome = await page.evaluate(() =>
      fetch("http://192.0.2.1/probe").then(
        () => "answered",
        () => "refused",
      ),
    );
    await page.close();
    expect(outcome).toBe("refused");
    expect(beyondLoopback).toEqual(["http://192.0.2.1/probe"]);
  });
});
