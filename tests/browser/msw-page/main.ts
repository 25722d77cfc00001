/**
 * The browser page of the MSW test: `createFakeHandlers` from `@faxkit/mock/msw` behind msw's
 * service worker (`setupWorker`), and the real client on its default base URL
 * (https://restapi.fax.plus/v3), whose requests the worker answers from the fake in this
 * page. Each step renders its result as JSON into an `<output>`; `#status` ends as `done`, or
 * `error: …` when a step threw.
 */
import { createFaxPlusClient, RateLimitError } from "@faxkit/client";
import { createFakeHandlers, fixtures } from "@faxkit/mock/msw";
import { setupWorker } from "msw/browser";

/** A one-page PDF, small and whole: the fake counts its page objects. */
const PDF = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
const DELIVERY_MS = 4_000;
const TO = "+15550001111";

function render(id: string, value: unknown): void {
  const output = document.getElementById(id);
  if (!output) throw new Error(`no #${id} on the page`);
  output.textContent = typeof value === "string" ? value : JSON.stringify(value);
}

const seeded = fixtures.fax({ is_read: false });
const { handlers, fake } = createFakeHandlers({ seed: { faxes: [seeded] }, deliveryDelayMs: DELIVERY_MS });
const worker = setupWorker(...handlers);

async function startWorker(): Promise<void> {
  await worker.start({
    serviceWorker: { url: "/mockServiceWorker.js" },
    // The page's own files (lazily loaded chunks) pass; any other request the fake does not
    // answer is an error on the console, which fails the test.
    onUnhandledRequest(request, print) {
      if (new URL(request.url).origin !== location.origin) print.error();
    },
  });
  render("worker", { controlled: navigator.serviceWorker.controller !== null, baseUrl: fake.baseUrl });
}

const client = (maxRetries: number, retries: unknown[] = []) =>
  createFaxPlusClient({
    token: "browser-token",
    maxRetries,
    dangerouslyAllowBrowser: true,
    onRetry: (retry) => retries.push({ attempt: retry.attempt, status: retry.status, retryAfter: retry.retryAfter }),
  });

async function readState(): Promise<void> {
  const fax = client(0);
  const bulk = await fax.faxes.bulkUpdate({ ids: [seeded.id], is_read: true });
  const after = await fax.faxes.get({ fax_id: seeded.id });
  render("state", { id: seeded.id, bulk, isRead: after.is_read });
}

async function sendAndDeliver(): Promise<void> {
  const fax = client(0);
  const { path } = await fax.files.upload(new Blob([PDF], { type: "application/pdf" }), { fileName: "hello.pdf" });
  const sent = await fax.outbox.send({ from: "+15550002222", to: [TO], files: [path], return_ids: true });
  const id = sent.ids?.[TO] ?? "";
  const queued = await fax.outbox.get({ outbox_fax_id: id });
  render("sent", { path, id, queuedStatus: queued.status });

  await fake.clock.advance(DELIVERY_MS);
  const record = await fax.faxes.get({ fax_id: id });
  const bytes = new Uint8Array(await (await fax.files.download(id)).arrayBuffer());
  render("delivered", {
    status: record.status,
    direction: record.direction,
    pages: record.pages,
    outboxLeft: (await fax.outbox.list()).records?.length ?? 0,
    sameBytes: bytes.length === PDF.length && bytes.every((byte, i) => byte === PDF[i]),
    length: bytes.length,
  });
}

async function rateLimit(): Promise<void> {
  fake.failNext({ operationId: "getUser", status: 429, retryAfter: 7 });
  try {
    await client(0).accounts.get();
    render("rate-limit", { thrown: false });
  } catch (error) {
    const e = error as RateLimitError;
    render("rate-limit", { isRateLimitError: error instanceof RateLimitError, status: e.status, retryAfter: e.retryAfter });
  }
  // The transport retries a 429 of a GET and gets the real answer.
  const retries: unknown[] = [];
  fake.failNext({ operationId: "getUser", status: 429, retryAfter: 0 });
  const account = await client(1, retries).accounts.get();
  render("retried", { uid: account.uid, retries });
}

async function main(): Promise<void> {
  await startWorker();
  await readState();
  await sendAndDeliver();
  await rateLimit();
  render(
    "log",
    fake.requests.map((entry) => `${entry.operationId ?? "?"} ${entry.status}`),
  );
}

main()
  .then(
    () => render("status", "done"),
    (error: unknown) => {
      const e = error instanceof Error ? error : new Error(String(error));
      render("status", `error: ${e.name}: ${e.message}`);
    },
  )
  .finally(() => fake.close());
