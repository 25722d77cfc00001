import { describe, expect, it } from "vitest";
import { runCli, startCli, until } from "./support/run-cli.js";

async function serveAndAsk(args: string[], signal: NodeJS.Signals): Promise<{ whoami: string; output: string; code: number | null }> {
  // Prism takes a second or more to load (several on a busy machine).
  const server = startCli(["mock", "--port", "0", ...args], { limitMs: 25_000 });
  await until(
    () => /listening on http:\/\/127\.0\.0\.1:\d+\/v3/.test(server.stdout()) || server.child.exitCode !== null,
    20_000,
    "the mock's URL",
  );
  const url = /listening on (http:\/\/127\.0\.0\.1:\d+\/v3)/.exec(server.stdout())?.[1] as string;
  const whoami = await runCli(["whoami", "--json"], { env: { FAXPLUS_BASE_URL: url, FAXPLUS_TOKEN: "any-token" } });
  server.child.kill(signal);
  const { code, stdout } = await server.done;
  return { whoami: whoami.stdout, output: stdout, code };
}

describe("faxplus mock", () => {
  it("serves the stateful fake on 127.0.0.1, prints the URL, and stops cleanly on SIGINT", async () => {
    const { whoami, output, code } = await serveAndAsk([], "SIGINT");
    expect(output).toMatch(/^Fax\.Plus fake \(stateful, in memory\) listening on http:\/\/127\.0\.0\.1:\d+\/v3\n/);
    expect(JSON.parse(whoami)).toMatchObject({ email: "admin@example.com" });
    expect(output).toMatch(/stopped\n$/);
    expect(code).toBe(0);
  });

  it("--prism serves Prism on the spec, and stops cleanly on SIGTERM", { timeout: 30_000 }, async () => {
    const { whoami, output, code } = await serveAndAsk(["--prism"], "SIGTERM");
    expect(output).toMatch(/^Fax\.Plus mock \(Prism, 28 operations\) listening on/);
    expect(JSON.parse(whoami)).toMatchObject({ email: "sample@fax.plus" });
    expect(code).toBe(0);
  });

  it("a port that is not a number is a usage error", async () => {
    const result = await runCli(["mock", "--port", "http"]);
    expect(result.code).toBe(2);
  });
});
