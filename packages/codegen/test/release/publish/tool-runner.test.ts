import { describe, expect, test } from "vitest";
import { exitLabel, releaseEnv, spawnTool } from "../../../src/release/publish/tool-runner.js";
import { ReleaseRefusal } from "../../../src/release/ReleaseRefusal.js";

describe("releaseEnv", () => {
  test("a --registry reaches both pnpm and npm; telemetry is off", () => {
    const env = releaseEnv({ PATH: "/bin" }, "http://127.0.0.1:4873/");
    expect(env).toMatchObject({
      PATH: "/bin",
      pnpm_config_registry: "http://127.0.0.1:4873/",
      npm_config_registry: "http://127.0.0.1:4873/",
      TURBO_TELEMETRY_DISABLED: "1",
      DO_NOT_TRACK: "1",
    });
  });

  test("without --registry the configured one stays", () => {
    expect(releaseEnv({ npm_config_registry: "http://configured/" }, undefined).npm_config_registry).toBe("http://configured/");
  });
});

describe("spawnTool", () => {
  test("runs the tool in the root with the environment, and captures its output", () => {
    const run = spawnTool(process.cwd(), { ...process.env, RELEASE_PROBE: "seen" });
    const result = run(process.execPath, ["-e", "console.log(process.env.RELEASE_PROBE); console.error('on stderr'); process.exit(3)"], {
      capture: true,
    });
    expect(result).toMatchObject({ status: 3, stdout: "seen\n", stderr: "on stderr\n" });
    expect(exitLabel(result)).toBe("3");
  });

  test("a tool that is not installed is a refusal naming it", () => {
    const run = spawnTool(process.cwd(), process.env);
    expect(() => run("faxkit-no-such-tool", [], { capture: true })).toThrow(ReleaseRefusal);
    expect(() => run("faxkit-no-such-tool", [], { capture: true })).toThrow(/^could not run faxkit-no-such-tool: /);
  });
});
