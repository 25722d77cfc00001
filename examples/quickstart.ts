/**
 * The faxkit quickstart: a short, realistic session with the Fax.Plus REST API v3.
 *
 *   pnpm start                       # against the stateful fake (startFake from @faxkit/mock), every step
 *   pnpm start --prism               # against the Prism mock (startMock): the spec's examples, no state
 *   FAXPLUS_TOKEN=… pnpm start       # against the real API, read-only steps only, no mock
 *
 * Steps: the spec the packages were generated from; the account; a page of faxes; then (not
 * read-only) marking 250 faxes read in bulk with a progress bar and reading them back, a
 * request the validator rejects before it is sent, sending a PDF as a fax (`sendFiles`),
 * waiting for its outcome (`waitForDelivery`) — on the fake while its clock is moved on —, and
 * marking the delivered fax read and reading it back.
 *
 * The fake keeps state, so every step shows its effect: the 250 faxes exist (seeded) and read
 * back as read, the sent fax is delivered and then reads back as read. Prism answers each call
 * with the spec's example, so there the reads show the example and the wait times out.
 */
import { pathToFileURL } from "node:url";
import { createFaxPlusClient, DeliveryTimeoutError, type FaxPlusClient, FaxPlusError } from "@faxkit/client";
import { type FakeClock, type FakeServer, fixtures, type MockServer, startFake, startMock } from "@faxkit/mock";
import { specInfo } from "@faxkit/types";
import { FaxValidationError } from "@faxkit/validator";
import { validationMiddleware } from "@faxkit/validator/middleware";

/** Options of {@link runQuickstart}. */
export interface QuickstartOptions {
  /** API base URL: `mock.url`, or the client's default (the real API) when left out. */
  baseUrl?: string;
  /** Personal Access Token (never printed). */
  token: string;
  /** Only the read-only steps (spec info, account, a page of faxes): nothing is changed or sent. */
  readOnly?: boolean;
  /** Where lines go. Default `console.log`. */
  log?: (line: string) => void;
  /** Redraw the progress bar in place with `\r` (default: whether stdout is a terminal); else print a few progress lines. */
  tty?: boolean;
  /** Raw output for the in-place progress bar. Default: `process.stdout.write`. */
  write?: (chunk: string) => void;
  /** The fetch that really sends (default: the global one). */
  fetch?: typeof fetch;
  /** Where the session runs, for the header line, e.g. "the fake at http://127.0.0.1:4010/v3". */
  target?: string;
  /** How long step 7 waits for a final status, in ms (default 10 minutes; the Prism run waits 2 s). */
  deliveryTimeout?: number;
  /**
   * The fake's clock (`fake.clock`). Given, step 7 moves it on by {@link FAKE_DELIVERY_DELAY_MS}
   * in quarters while `waitForDelivery` polls, instead of waiting for the fax in real time.
   */
  clock?: Pick<FakeClock, "advance">;
}

/** What the session did, for callers and tests. */
export interface QuickstartResult {
  specVersion: string;
  operationCount: number;
  faxesListed: number;
  bulk?: { total: number; succeeded: number; failed: number; requests: number; byCode: Record<string, number> };
  /** How many faxes of the first inbox page read back as read after the bulk update, of how many. */
  bulkReadBack?: { read: number; of: number };
  validationError?: string;
  uploadedPath?: string;
  sentIds?: Record<string, string>;
  /** The last status of each sent fax (final, or where the wait left it). */
  delivery?: string[];
  /** The outbox status after each quarter of the fake clock's advance (`"(left the outbox)"` once gone). */
  clockSteps?: string[];
  /** Step 8: the fax marked read, and what reading it back gave. */
  markedRead?: { id: string; readBackId: string | undefined; isRead: boolean | undefined };
  /** Requests that reached the network, by HTTP method. */
  requests: Record<string, number>;
}

/** Fax.Plus's example numbers: the mock accepts them; use your own with a real token. */
const FROM = "+12345667";
const TO = "+12345688";
const BULK_COUNT = 250;
/** The fake's delivery delay, fake time from send to a delivered fax (also the engine's default). */
export const FAKE_DELIVERY_DELAY_MS = 3_000;

/** The 250 ids step 4 marks read: made up, so the fake is seeded with them (Prism takes any id). */
export function bulkIds(): string[] {
  return Array.from({ length: BULK_COUNT }, (_, index) => `66df09cf1d6d0b295c${(0x363956 + index).toString(16)}`);
}

/**
 * The fake the quickstart runs on: an in-memory Fax.Plus account on 127.0.0.1 (a free port)
 * holding the 250 unread inbox faxes of step 4, with the delivery delay step 7 advances by.
 */
export function startQuickstartFake(): Promise<FakeServer> {
  return startFake({
    deliveryDelayMs: FAKE_DELIVERY_DELAY_MS,
    seed: { faxes: bulkIds().map((id) => fixtures.fax({ id, is_read: false })) },
  });
}

/**
 * Runs the session and prints it line by line. Throws on the first failure (a typed
 * `FaxPlusError`, or a `FaxValidationError` from the validator); the caller reports it.
 */
export async function runQuickstart(options: QuickstartOptions): Promise<QuickstartResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const tty = options.tty ?? process.stdout.isTTY === true;
  const write = options.write ?? ((chunk: string) => void process.stdout.write(chunk));

  // Count what really goes out, so the session can show that a rejected request never left.
  const requests: Record<string, number> = {};
  const send = options.fetch ?? globalThis.fetch;
  const countingFetch: typeof fetch = (input, init) => {
    const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
    requests[method] = (requests[method] ?? 0) + 1;
    return send(input, init);
  };
  const sentSoFar = () => Object.values(requests).reduce((sum, n) => sum + n, 0);

  const fax = createFaxPlusClient({
    ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
    token: options.token,
    fetch: countingFetch,
    maxRetries: 1,
    timeout: 20_000,
    // Requests are checked strictly (a bad one never leaves); a response that differs from the
    // spec is logged, not thrown, so the read-only run against the real API survives drift.
    validate: validationMiddleware({ response: "warn" }),
  });

  // 1. The spec the types, validators and client were generated from.
  log(`faxkit quickstart${options.target ? ` against ${options.target}` : ""}${options.readOnly ? " (read-only)" : ""}`);
  log("");
  log(`1. Spec: ${specInfo.title} ${specInfo.version} (OpenAPI ${specInfo.openapi}), ${specInfo.operationCount} operations`);

  // 2. Who we are.
  const account = await fax.accounts.get();
  log(`2. Account: ${[account.name, account.lastname].filter(Boolean).join(" ") || "(no name)"} <${account.email ?? "no email"}>`);
  log(`   type ${account.account_type ?? "?"}, status ${account.status ?? "?"}, created ${account.creation_date ?? "?"}`);

  // 3. A page of faxes.
  const page = await fax.faxes.list({ category: "inbox", limit: 10 });
  const records = page.data?.records ?? [];
  log(`3. Faxes (inbox, first page of up to 10): ${records.length} record${records.length === 1 ? "" : "s"}`);
  for (const record of records)
    log(
      `   ${record.id}  ${record.submit_time ?? "-"}  ${record.direction ?? "?"}  ${record.from ?? "?"} → ${record.to ?? "?"}  ` +
        `${record.pages ?? "?"} p.  ${record.status ?? "?"}${record.is_read ? "" : "  (unread)"}`,
    );

  const result: QuickstartResult = {
    specVersion: specInfo.version,
    operationCount: specInfo.operationCount,
    faxesListed: records.length,
    requests,
  };
  if (options.readOnly) {
    log("");
    log(`Read-only: nothing was changed. ${sentSoFar()} requests sent (${describeRequests(requests)}).`);
    return result;
  }

  // 4. Mark 250 faxes read: bulkUpdateAll cuts them into chunks of 100 and sends them in parallel.
  const ids = bulkIds();
  log(`4. Marking ${ids.length} faxes read (chunks of 100, 2 at a time):`);
  const progress = progressBar({ tty, log, write });
  const bulk = await fax.faxes.bulkUpdateAll({ ids, is_read: true }, { concurrency: 2, onProgress: progress.update });
  progress.end();
  const { summary } = bulk;
  log(`   ${bulk.results.length} results in ${summary.requests} requests: ${summary.succeeded} succeeded, ${summary.failed} failed`);
  log(`   by code: ${describeCodes(summary.byCode)}`);
  const firstFailure = bulk.results.find((item) => !item.ok);
  if (firstFailure)
    log(`   e.g. ${firstFailure.id}: ${firstFailure.code !== undefined ? `code ${firstFailure.code}` : firstFailure.error?.message}`);
  if (summary.byCode.error === summary.unique)
    log("   (the answers named none of these IDs: a static mock answers with the spec's example, which names its own)");
  result.bulk = {
    total: summary.total,
    succeeded: summary.succeeded,
    failed: summary.failed,
    requests: summary.requests,
    byCode: summary.byCode,
  };
  // Read the first page again: a stateful API (the fake, the real one) now says "read".
  const again = (await fax.faxes.list({ category: "inbox", limit: 10 })).data?.records ?? [];
  const readNow = again.filter((record) => record.is_read === true).length;
  log(`   read back: ${readNow} of ${again.length} faxes on the first inbox page are read`);
  if (readNow < again.length) log("   (a static mock answers with the spec's example page: it keeps no state)");
  result.bulkReadBack = { read: readNow, of: again.length };

  // 5. A request the API would reject (101 IDs, one of them 33 characters) is stopped before it leaves.
  const before = sentSoFar();
  const tooMany = [...ids.slice(0, 100), "x".repeat(33)];
  try {
    await fax.faxes.bulkUpdate({ ids: tooMany, is_read: true });
    throw new Error("the validator let 101 IDs through");
  } catch (error) {
    if (!(error instanceof FaxValidationError)) throw error;
    log(`5. Validation: bulkUpdate with ${tooMany.length} IDs rejected before sending (${sentSoFar() - before} requests sent):`);
    log(`   ${error.name}: ${error.message}`);
    result.validationError = error.message;
  }

  // 6. Send a document in one call (its limits checked, uploaded, sent once).
  const pdf = minimalPdf("Hello from the faxkit quickstart");
  const sent = await fax.outbox.sendFiles({ from: FROM, to: [TO], files: [{ file: pdf, fileName: "quickstart.pdf" }] });
  log(`6. Sent quickstart.pdf (${pdf.byteLength} bytes, uploaded as ${sent.paths.join(", ")}) from ${FROM} to ${TO}`);
  log(`   outbox ids: ${sent.ids.join(", ") || "(none)"}`);
  result.uploadedPath = sent.paths[0];
  result.sentIds = (sent.result.ids ?? {}) as Record<string, string>;

  // 7. Wait for the outcome. waitForDelivery polls in real time (every 0.5 s, then less often).
  log(`7. Waiting for delivery${options.clock ? `, moving the fake clock on ${FAKE_DELIVERY_DELAY_MS / 4000} s at a time:` : ":"}`);
  const stopWaiting = new AbortController();
  const waiting = fax.outbox.waitForDelivery(sent.ids, {
    timeout: options.deliveryTimeout ?? 10 * 60_000,
    interval: 500,
    signal: stopWaiting.signal,
  });
  if (options.clock) {
    try {
      result.clockSteps = await advanceThroughDelivery(fax, options.clock, sent.ids[0], log);
    } catch (error) {
      stopWaiting.abort(); // the wait would otherwise poll on, unobserved, until its timeout
      await waiting.catch(() => undefined);
      throw error;
    }
  }
  const delivered = await settleDelivery(waiting, !options.clock && options.deliveryTimeout !== undefined, log);
  result.delivery = delivered.statuses;

  // 8. Mark the fax read (updateFax takes the read flag and the comment together), then read it back.
  const faxId = delivered.records[0]?.id ?? sent.ids[0];
  if (faxId !== undefined) {
    await fax.faxes.update({ fax_id: faxId, is_read: true, comment: "filed by the faxkit quickstart" });
    const readBack = await fax.faxes.get({ fax_id: faxId });
    log(
      `8. Marked ${faxId} read; read back: ${readBack.id} is ${readBack.is_read ? "read" : "unread"}, comment ${JSON.stringify(readBack.comment ?? "")}`,
    );
    if (readBack.id !== faxId) log("   (a static mock answers with the spec's example fax: it keeps no state)");
    result.markedRead = { id: faxId, readBackId: readBack.id, isRead: readBack.is_read };
  }

  log("");
  log(`Done: ${sentSoFar()} requests sent (${describeRequests(requests)}).`);
  return result;
}

/**
 * Moves the fake clock through the delivery delay in four equal steps and prints where the
 * outbox entry is after each (submitted → converting → scheduled_for_sending → sending → gone,
 * a sent fax). Each `advance` resolves once what fell due has run, so the next read sees it.
 */
async function advanceThroughDelivery(
  fax: FaxPlusClient,
  clock: Pick<FakeClock, "advance">,
  id: string | undefined,
  log: (line: string) => void,
): Promise<string[]> {
  const quarter = FAKE_DELIVERY_DELAY_MS / 4;
  const steps: string[] = [];
  for (let step = 1; step <= 4; step++) {
    await clock.advance(quarter);
    const { records } = await fax.outbox.list();
    const status = records.find((record) => record.id === id)?.status ?? "(left the outbox)";
    log(`   fake clock +${((step * quarter) / 1000).toFixed(2)} s: ${status}`);
    steps.push(status);
  }
  return steps;
}

/** Waits for `waiting`; a timeout is reported with where each fax was last seen, not thrown. */
async function settleDelivery(
  waiting: Promise<Awaited<ReturnType<FaxPlusClient["outbox"]["waitForDelivery"]>>>,
  staticMock: boolean,
  log: (line: string) => void,
): Promise<{ records: { id?: string }[]; statuses: string[] }> {
  try {
    const records = await waiting;
    for (const record of records) log(`   delivered? ${record.id}: ${record.status ?? "?"}`);
    return { records, statuses: records.map((record) => record.status ?? "?") };
  } catch (error) {
    if (!(error instanceof DeliveryTimeoutError)) throw error;
    const states = error.deliveries.map((state) => `${state.id} ${state.stage} ${state.status ?? "?"}`);
    log(`   no final status within ${error.timeoutMs} ms: ${states.join(", ")}`);
    if (staticMock) log("   (a static mock keeps every outbox entry where its example is; the real API moves it on)");
    return { records: [], statuses: error.deliveries.map((state) => state.status ?? "?") };
  }
}

/** A text progress bar: redrawn in place on a terminal, otherwise a line at each quarter. */
function progressBar(out: { tty: boolean; log: (line: string) => void; write: (chunk: string) => void }) {
  const width = 30;
  let printedQuarter = -1;
  let drawn = false;
  const line = (done: number, total: number, succeeded: number, failed: number) => {
    const filled = total === 0 ? width : Math.round((done / total) * width);
    return `   [${"#".repeat(filled)}${".".repeat(width - filled)}] ${String(done).padStart(String(total).length)}/${total}  ${succeeded} ok, ${failed} failed`;
  };
  return {
    update({ done, total, succeeded, failed }: { done: number; total: number; succeeded: number; failed: number }) {
      if (out.tty) {
        out.write(`\r${line(done, total, succeeded, failed)}`);
        drawn = true;
        return;
      }
      const quarter = total === 0 ? 4 : Math.floor((done / total) * 4);
      if (quarter > printedQuarter) {
        printedQuarter = quarter;
        out.log(line(done, total, succeeded, failed));
      }
    },
    end() {
      if (drawn) out.write("\n");
    },
  };
}

function describeCodes(byCode: Record<string, number>): string {
  const label: Record<string, string> = {
    "204": "marked",
    "403": "forbidden",
    "404": "not found",
    "409": "conflict",
    invalid: "rejected before sending",
    error: "no per-item code",
  };
  const entries = Object.entries(byCode).sort(([, a], [, b]) => b - a);
  return entries.length === 0 ? "(none)" : entries.map(([code, n]) => `${code} (${label[code] ?? "other"}) × ${n}`).join(", ");
}

function describeRequests(requests: Record<string, number>): string {
  const entries = Object.entries(requests);
  return entries.length === 0 ? "none" : entries.map(([method, n]) => `${method} ${n}`).join(", ");
}

/**
 * A minimal valid one-page PDF (Letter, Helvetica) showing `text`: five objects, a
 * cross-reference table with each object's byte offset, and a trailer. ASCII only, so
 * string length equals byte length.
 */
export function minimalPdf(text: string): Uint8Array {
  const escaped = text.replace(/[^\x20-\x7e]/g, "?").replace(/[\\()]/g, (c) => `\\${c}`);
  const content = `BT /F1 24 Tf 72 700 Td (${escaped}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(pdf.length);
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, "0")} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

/** One line for a failure; typed API errors say what the API answered. The client has already redacted credentials. */
export function describeFailure(error: unknown): string {
  if (error instanceof FaxPlusError) {
    const api = [error.status, error.code, error.description].filter((part) => part !== undefined).join(" ");
    return `${error.name}: ${error.message}${api && !error.message.includes(api) ? ` (${api})` : ""}`;
  }
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** What the command line may say, and how to say it. */
const USAGE = "usage: quickstart [--prism]   (pnpm start [--prism]; FAXPLUS_TOKEN=… for read-only against the real API)";

/** `--prism` or nothing; a leading `--` (as `pnpm start -- --prism` passes it) is dropped. Anything else is an error. */
export function parseArgs(args: readonly string[]): { prism: boolean } | { error: string } {
  const rest = args[0] === "--" ? args.slice(1) : [...args];
  const unknown = rest.filter((arg) => arg !== "--prism");
  if (unknown.length > 0) return { error: `unknown argument ${JSON.stringify(unknown[0]).slice(0, 80)}\n${USAGE}` };
  return { prism: rest.includes("--prism") };
}

/**
 * The command: with `FAXPLUS_TOKEN` set, the read-only steps against the real API (or
 * `FAXPLUS_BASE_URL`), no mock; with `--prism`, every step against the Prism mock; otherwise
 * every step against the stateful fake. The mock or fake is started here and stopped whatever
 * happens. Resolves to the exit code (2 for a bad argument). `overrides` are for tests (where
 * lines go, an injected fetch).
 */
export async function main(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Pick<QuickstartOptions, "log" | "tty" | "write" | "fetch"> = {},
  args: readonly string[] = [],
): Promise<number> {
  const parsed = parseArgs(args);
  const token = env.FAXPLUS_TOKEN?.trim();
  if ("error" in parsed || (token && parsed.prism)) {
    console.error(`quickstart: ${"error" in parsed ? parsed.error : "--prism runs against the mock; unset FAXPLUS_TOKEN to use it"}`);
    return 2;
  }
  if (token) {
    const baseUrl = env.FAXPLUS_BASE_URL?.trim() || undefined;
    return report(() =>
      runQuickstart({ ...overrides, token, readOnly: true, ...(baseUrl ? { baseUrl } : {}), target: baseUrl ?? "the Fax.Plus API" }),
    );
  }
  const log = overrides.log ?? ((line: string) => console.log(line));
  if (parsed.prism) {
    let mock: MockServer | undefined;
    try {
      return await report(async () => {
        mock = await startMock();
        const target = `the Prism mock at ${mock.url}`;
        return runQuickstart({ ...overrides, baseUrl: mock.url, token: "mock-token", target, deliveryTimeout: 2_000 });
      });
    } finally {
      if (mock) {
        await mock.stop();
        log("Mock stopped.");
      }
    }
  }
  let fake: FakeServer | undefined;
  try {
    return await report(async () => {
      fake = await startQuickstartFake();
      const target = `the stateful fake at ${fake.url}`;
      // 30 s bounds the wait should the fake misbehave; the clock delivers in well under a second.
      return runQuickstart({ ...overrides, baseUrl: fake.url, token: "fake-token", target, clock: fake.clock, deliveryTimeout: 30_000 });
    });
  } finally {
    if (fake) {
      await fake.stop();
      log("Fake stopped.");
    }
  }
}

/** Runs the session; 0 when it finished, else 1 with one line naming the failure. */
async function report(session: () => Promise<unknown>): Promise<number> {
  try {
    await session();
    return 0;
  } catch (error) {
    console.error(`\nquickstart failed: ${describeFailure(error)}`);
    return 1;
  }
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  process.exitCode = await main(process.env, {}, process.argv.slice(2));
}
