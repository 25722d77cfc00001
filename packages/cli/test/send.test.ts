import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { useFake } from "./support/fake.js";
import { startCli, until } from "./support/run-cli.js";

const { fake, run, env } = useFake();

let pdf: string;
beforeAll(() => {
  pdf = join(mkdtempSync(join(tmpdir(), "faxplus-send-")), "invoice.pdf");
  writeFileSync(pdf, "%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n%%EOF\n");
});

const FROM = "+15550000001";

describe("faxplus send", () => {
  it("uploads, sends once and prints the queued ids (--json: ids, destinations, files)", async () => {
    const result = await run(["send", "--from", FROM, "--to", "+15550000002", "--to", "+15550000003", pdf, "--json"]);
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(document.ids).toHaveLength(2);
    expect(Object.keys(document.destinations)).toEqual(["+15550000002", "+15550000003"]);
    expect(document.files).toHaveLength(1);
    expect(fake().requests.filter((request) => request.operationId === "sendFax")).toHaveLength(1);
  });

  it("--wait polls until the fake clock delivers the fax, then prints its final status", async () => {
    const cli = startCli(["send", "--from", FROM, "--to", "+15550000002", pdf, "--wait", "--poll-interval", "100", "--json"], {
      env: env(),
    });
    const polls = () => fake().requests.filter((request) => request.operationId === "getOutboxFax").length;
    await until(() => polls() >= 2, 10_000, "the CLI polling the outbox");
    await fake().clock.advance(3_000);
    const result = await cli.done;
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const [record] = JSON.parse(result.stdout).faxes;
    expect(record).toMatchObject({ status: "success", direction: "outgoing", to: "+15550000002" });
  });

  it("--wait with a table: the queued line on stderr, the final status on stdout", async () => {
    const cli = startCli(["send", "--from", FROM, "--to", "+15550000002", pdf, "--wait", "--poll-interval", "100"], { env: env() });
    await until(() => fake().requests.some((request) => request.operationId === "getOutboxFax"), 10_000, "the first poll");
    await fake().clock.advance(3_000);
    const result = await cli.done;
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/│ \+15550000002 │ success │ 1 /);
    expect(result.stderr).toMatch(/^faxplus: queued 1 fax: [0-9a-f]{24}\n$/);
  });

  it("--wait past --wait-timeout exits 1 naming where each fax was", async () => {
    const result = await run([
      "send",
      "--from",
      FROM,
      "--to",
      "+15550000002",
      pdf,
      "--wait",
      "--wait-timeout",
      "1",
      "--poll-interval",
      "200",
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /faxplus: not final after 1 s \([0-9a-f]{24} (submitted|converting|scheduled_for_sending|sending)\); the fax stays queued/,
    );
  });

  it("Ctrl-C during --wait stops waiting, says the fax stays queued, exit 130", async () => {
    const cli = startCli(["send", "--from", FROM, "--to", "+15550000002", pdf, "--wait", "--poll-interval", "100"], { env: env() });
    await until(() => fake().requests.some((request) => request.operationId === "getOutboxFax"), 10_000, "the first poll");
    cli.child.kill("SIGINT");
    const result = await cli.done;
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(
      /faxplus: interrupted: the fax stays queued; follow it with faxplus outbox list \(ids: [0-9a-f]{24}\)\n$/,
    );
    expect(JSON.parse((await run(["outbox", "list", "--json"])).stdout).records).toHaveLength(1);
  });

  it("a missing file exits 1 before anything is uploaded", async () => {
    const result = await run(["send", "--from", FROM, "--to", "+15550000002", "/nonexistent/doc.pdf"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("no such file: /nonexistent/doc.pdf");
    expect(fake().requests).toEqual([]);
  });

  it("a document type Fax.Plus does not take is the validation error, exit 1, nothing uploaded", async () => {
    const program = join(mkdtempSync(join(tmpdir(), "faxplus-send-")), "setup.exe");
    writeFileSync(program, "MZ");
    const result = await run(["send", "--from", FROM, "--to", "+15550000002", program]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^faxplus: invalid .*\n$/);
    expect(fake().requests).toEqual([]);
  });

  it("without --to it is a usage error", async () => {
    const result = await run(["send", "--from", FROM, pdf]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--to");
  });
});
