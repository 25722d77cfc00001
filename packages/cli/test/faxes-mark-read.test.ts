import { createFaxPlusClient } from "@faxkit/client";
import { fixtures } from "@faxkit/mock";
import { describe, expect, it } from "vitest";
import { TEST_TOKEN, useFake } from "./support/fake.js";
import { startCli, until } from "./support/run-cli.js";

const { fake, run, env } = useFake();

function seedUnread(count: number): string[] {
  // One second each: listAll (used to read the account back) cannot page within a second.
  const faxes = Array.from({ length: count }, (_, i) =>
    fixtures.fax({ is_read: false, start_time: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString().replace("T", " ").slice(0, 19) }),
  );
  fake().seed({ faxes });
  return faxes.map((fax) => fax.id as string);
}

async function readIds(): Promise<Set<string>> {
  const fax = createFaxPlusClient({ baseUrl: fake().url, token: TEST_TOKEN });
  const read = new Set<string>();
  for await (const record of fax.faxes.listAll({ category: "inbox" })) if (record.is_read && record.id) read.add(record.id);
  return read;
}

describe("faxplus faxes mark-read", () => {
  it("marks the IDs given as arguments read and prints one row per ID", async () => {
    const ids = seedUnread(2);
    const result = await run(["faxes", "mark-read", ...ids]);
    expect(result.code).toBe(0);
    for (const id of ids) expect(result.stdout).toMatch(new RegExp(`${id}\\s*│ read\\s*│ 204`));
    expect(result.stderr).toBe("faxplus: marked 2 of 2 read, 0 failed\n");
    expect(await readIds()).toEqual(new Set(ids));
  });

  it("reads IDs from stdin with -, one per line, blank lines skipped", async () => {
    const ids = seedUnread(250);
    const result = await run(["faxes", "mark-read", "-", "--json"], { stdin: `${ids.join("\n")}\n\n` });
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(document.summary).toMatchObject({ total: 250, unique: 250, read: 250, failed: 0, aborted: 0, requests: 3, interrupted: false });
    expect(document.results).toHaveLength(250);
    expect(document.results[0]).toEqual({ id: ids[0], result: "read", code: 204, error: null, duplicate: false });
    expect((await readIds()).size).toBe(250);
  });

  it("a failed item is reported per ID and makes the exit code 1; the others still complete", async () => {
    const [id] = seedUnread(1);
    const result = await run(["faxes", "mark-read", id as string, "ffffffffffffffffffffffff", "x".repeat(40), "--json"]);
    expect(result.code).toBe(1);
    const { summary, results } = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ read: 1, failed: 2 });
    expect(results.map((item: { result: string; code: number | null }) => [item.result, item.code])).toEqual([
      ["read", 204],
      ["failed", 404],
      ["failed", null],
    ]);
    expect(results[2].error).toMatch(/32/);
    expect(result.stderr).toBe("faxplus: marked 1 of 3 read, 2 failed\n");
  });

  it("stdin past the line bound stops with a usage error before anything is sent", async () => {
    const result = await run(["faxes", "mark-read", "-"], { stdin: `aaaaaaaaaaaaaaaaaaaaaaaa\n${"b".repeat(5_000)}\n` });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("stdin line 2 is longer than 1024 characters");
    expect(fake().requests).toEqual([]);
  });

  it("stdin past the ID bound stops with a usage error before anything is sent", async () => {
    const lines = Array.from({ length: 100_001 }, (_, i) => i.toString(16).padStart(24, "0")).join("\n");
    const result = await run(["faxes", "mark-read", "-"], { stdin: lines });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("stdin holds more than 100000 IDs");
    expect(fake().requests).toEqual([]);
  });

  it("no IDs at all is a usage error", async () => {
    const result = await run(["faxes", "mark-read", "-"], { stdin: "\n\n" });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("no IDs given");
  });

  it("Ctrl-C stops the run: what was settled is printed, the rest is aborted, exit 130", async () => {
    const ids = seedUnread(1_000);
    fake().latency(250, "bulkUpdateFaxes");
    const cli = startCli(["faxes", "mark-read", "-", "--json", "--concurrency", "1"], { env: env(), stdin: ids.join("\n") });
    const answered = () => fake().requests.filter((request) => request.operationId === "bulkUpdateFaxes" && request.status === 200).length;
    await until(() => answered() >= 2, 10_000, "two bulk requests answered");
    cli.child.kill("SIGINT");
    const result = await cli.done;

    expect(result.code).toBe(130);
    const { summary, results } = JSON.parse(result.stdout);
    expect(summary.interrupted).toBe(true);
    expect(summary.read).toBeGreaterThanOrEqual(100);
    expect(summary.read).toBeLessThan(1_000);
    expect(summary.read + summary.aborted + summary.failed).toBe(1_000);
    expect(summary.aborted).toBeGreaterThan(0);
    const markedRead = results.filter((item: { result: string }) => item.result === "read").map((item: { id: string }) => item.id);
    expect(markedRead).toHaveLength(summary.read);
    // Every ID the CLI reports read is read; at most the one chunk in flight at Ctrl-C (100 IDs) was
    // applied without an answer.
    const accountRead = await readIds();
    for (const id of markedRead) expect(accountRead.has(id)).toBe(true);
    expect(accountRead.size - markedRead.length).toBeLessThanOrEqual(100);
    expect(result.stderr).toContain(
      `faxplus: interrupted: marked ${summary.read} of 1000 read, 0 failed, ${summary.aborted} aborted (no answer before Ctrl-C)`,
    );
  });
});
