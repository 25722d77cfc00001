import { type FakeServer, startFake } from "@faxkit/mock";
import { afterAll, afterEach, beforeAll } from "vitest";
import { type CliResult, type RunOptions, runCli } from "./run-cli.js";

/** The token the tests authenticate with (the fake takes any); asserted never to be printed. */
export const TEST_TOKEN = "test-token-5f3c9a0e7b";

/** One fake per test file, reset after each test; `run` points the CLI at it with FAXPLUS_TOKEN. */
export function useFake(): {
  fake: () => FakeServer;
  run: (args: readonly string[], options?: RunOptions) => Promise<CliResult>;
  env: () => Record<string, string>;
} {
  let fake: FakeServer | undefined;
  beforeAll(async () => {
    fake = await startFake({ host: "127.0.0.1", port: 0 });
  });
  afterEach(() => fake?.reset());
  afterAll(() => fake?.stop());
  const current = () => {
    if (fake === undefined) throw new Error("the fake is not started");
    return fake;
  };
  const env = () => ({ FAXPLUS_BASE_URL: current().url, FAXPLUS_TOKEN: TEST_TOKEN });
  return {
    fake: current,
    env,
    run: (args, options = {}) => runCli(args, { ...options, env: { ...env(), ...options.env } }),
  };
}
