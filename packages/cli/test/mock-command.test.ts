import { describe, expect, it } from "vitest";
import { runCli, startCli, until } from "./support/run-cli.js";

async function serveAndAsk(
  args: string[],
  signal: NodeJS.Signals,
  question = ["whoami", "--json"],
): Promise<{ answer: string; output: string; code: number | null }> {
  // Prism takes a second or more to load (several on a busy machine).
  const server = startCli(["mock", "--port", "0", ...args], { limitMs: 25_000 });
  await until(
    () => /listening on http:\/\/127\.0\.0\.1:\d+\/v3/.test(server.stdout()) || server.child.exitCode !== null,
    20_000,
    "the mock's URL",
  );
  const url = /listening on (http:\/\/127\.0\.0\.1:\d+\/v3)/.exec(server.stdout())?.[1] as string;
  const answer = await runCli(question, { env: { FAXPLUS_BASE_URL: url, FAXPLUS_TOKEN: "any-token" } });
  server.child.kill(signal);
  const { code, stdout } = await server.done;
  return { answer: answer.stdout, output: stdout, code };
}

describe("faxplus mock", () => {
  it("serves the stateful fake on 127.0.0.1, prints the URL, and stops cleanly on SIGINT", async () => {
    const { answer: whoami, output, code } = await serveAndAsk([], "SIGINT");
    expect(output).toMatch(/^Fax\.Plus fake \(stateful, in memory\) listening on http:\/\/127\.0\.0\.1:\d+\/v3\n/);
    expect(JSON.parse(whoami)).toMatchObject({ email: "admin@example.com" });
    expect(output).toMatch(/stopped\n$/);
    expect(code).toBe(0);
  });

  it("--prism serves Prism on the spec, and stops cleanly on SIGTERM", { timeout: 30_000 }, async () => {
    const { answer: whoami, output, code } = await serveAndAsk(["--prism"], "SIGTERM");
    expect(output).toMatch(/^Fax\.Plus mock \(Prism, 28 operations\) listening on/);
    expect(JSON.parse(whoami)).toMatchObject({ email: "sample@fax.plus" });
    expect(code).toBe(0);
  });

  it("a port that is not a number is a usage error", async () => {
    const result = await runCli(["mock", "--port", "http"]);
    expect(result.code).toBe(2);
  });

  it("--demo starts the fake with ten faxes an hour apart, newest first, for the other commands to work on", async () => {
    const { answer: listed, output, code } = await serveAndAsk(["--demo"], "SIGINT", ["faxes", "list", "--json"]);
    expect(output).toMatch(/^Fax\.Plus fake \(stateful, in memory, 10 demo faxes\) listening on/);
    const { records } = JSON.parse(listed) as { records: { comment: string; is_read: boolean; start_time: string }[] };
    expect(records).toHaveLength(10);
    expect(records[0]).toMatchObject({ comment: "Signed contract", is_read: false });
    const times = records.map((record) => Date.parse(`${record.start_time}Z`));
    expect(times.slice(1).map((time, index) => (times[index] as number) - time)).toEqual(Array(9).fill(3_600_000));
    expect(code).toBe(0);
  });

  it("--demo with --prism is a usage error: Prism has no state to seed", async () => {
    const result = await runCli(["mock", "--prism", "--demo", "--port", "0"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--demo seeds the stateful fake");
  });
});
