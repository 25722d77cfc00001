import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixtures } from "@faxkit/mock";
import { describe, expect, it } from "vitest";
import { useFake } from "./support/fake.js";
import { runOnTerminal } from "./support/pty.js";
import { until } from "./support/run-cli.js";

const { fake, env } = useFake();

const BOLD = "\u001b[1m";
const RED = "\u001b[31m";
const GREEN = "\u001b[32m";
/** cli-progress goes back to the start of the line (CSI 1 G) before each redraw. */
const TO_COLUMN_ONE = "\u001b[1G";

describe("on a terminal", () => {
  it("mark-read redraws one progress bar in place on stderr, then prints a coloured table", async () => {
    const faxes = Array.from({ length: 300 }, (_, i) =>
      fixtures.fax({ is_read: false, start_time: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString().replace("T", " ").slice(0, 19) }),
    );
    fake().seed({ faxes });
    fake().latency(150, "bulkUpdateFaxes");
    const ids = join(mkdtempSync(join(tmpdir(), "faxplus-pty-")), "ids.txt");
    // Two unknown IDs, so that past 100 IDs the table still has rows (the failures).
    writeFileSync(ids, [...faxes.map((fax) => fax.id), "ffffffffffffffffffffff01", "ffffffffffffffffffffff02"].join("\n"));

    const { code, screen } = await runOnTerminal(["faxes", "mark-read", "-", "--concurrency", "1"], env(), ids);

    expect(code).toBe(1);
    // The bar's frames all sit on one line: no newline until the bar is done.
    const barLine = screen.slice(screen.indexOf("mark-read ["), screen.indexOf("\n"));
    const frames = barLine.split(TO_COLUMN_ONE).filter((frame) => frame.includes("mark-read ["));
    expect(frames.length).toBeGreaterThanOrEqual(3);
    expect(frames[0]).toContain("0/302");
    expect(frames.at(-1)).toContain("302/302");
    // What follows is coloured: a bold header, the failures in red, the final line red too.
    const after = screen.slice(screen.indexOf("\n"));
    expect(after).toContain(`${BOLD}id`);
    expect(after).toContain(`${RED}failed`);
    expect(after).toContain("300 of 302 rows not shown");
    expect(after).toContain(`${RED}faxplus: marked 300 of 302 read, 2 failed`);
  });

  it("send --wait spins on stderr while it polls, then marks the fax delivered", async () => {
    const pdf = join(mkdtempSync(join(tmpdir(), "faxplus-pty-")), "invoice.pdf");
    writeFileSync(pdf, "%PDF-1.4\n%%EOF\n");
    const running = runOnTerminal(
      ["send", "--from", "+15550000001", "--to", "+15550000002", pdf, "--wait", "--poll-interval", "200"],
      env(),
    );
    await until(() => fake().requests.filter((request) => request.operationId === "getOutboxFax").length >= 2, 10_000, "two polls");
    await fake().clock.advance(3_000);
    const { code, screen } = await running;
    expect(code).toBe(0);
    const spinning = screen.slice(0, screen.indexOf("delivered"));
    // Several spinner frames, each redrawn over the last (erase line, back to column one).
    expect(spinning.split("\u001b[2K\u001b[1G").length).toBeGreaterThan(3);
    expect(screen).toContain(`${GREEN}✔\u001b[39m delivered`);
    expect(screen).toContain(`${GREEN}success`);
  });

  it("send --wait on a terminal that reports no width waits without a spinner instead of hanging", async () => {
    const pdf = join(mkdtempSync(join(tmpdir(), "faxplus-pty-")), "invoice.pdf");
    writeFileSync(pdf, "%PDF-1.4\n%%EOF\n");
    const args = ["send", "--from", "+15550000001", "--to", "+15550000002", pdf, "--wait", "--poll-interval", "100"];
    const running = runOnTerminal(args, env(), undefined, { sized: false });
    await until(() => fake().requests.some((request) => request.operationId === "getOutboxFax"), 10_000, "the first poll");
    await fake().clock.advance(3_000);
    const { code, screen } = await running;
    expect(code).toBe(0);
    expect(screen).not.toContain("waiting for delivery");
    expect(screen).toContain(`${GREEN}success`);
  });

  it("download refuses to write a document to a terminal without -o (exit 2, no bytes shown)", async () => {
    fake().seed({
      faxes: [fixtures.fax({ id: "d1d1d1d1d1d1d1d1d1d1d1d1" })],
      files: [{ faxId: "d1d1d1d1d1d1d1d1d1d1d1d1", bytes: "%PDF-1.4 secret bytes" }],
    });
    const { code, screen } = await runOnTerminal(["faxes", "download", "d1d1d1d1d1d1d1d1d1d1d1d1"], env());
    expect(code).toBe(2);
    expect(screen).toContain("stdout is a terminal; pass -o <file>");
    expect(screen).not.toContain("secret bytes");
    expect(fake().requests).toEqual([]);
  });
});
