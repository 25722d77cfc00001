import { describe, expect, test } from "vitest";
import { shownRegistry } from "../../../src/release/publish/registry-url.js";
import { parseReleaseArgs } from "../../../src/release/publish/release-args.js";

describe("parseReleaseArgs", () => {
  test("no options: a real release, built and tested, to the configured registry", () => {
    expect(parseReleaseArgs([])).toEqual({ kind: "run", args: { dryRun: false, skipBuildAndTest: false, registry: undefined } });
  });

  test("a dry run may skip the build and tests and name a registry", () => {
    expect(parseReleaseArgs(["--dry-run", "--skip-build-and-test", "--registry", "http://127.0.0.1:4873/"])).toEqual({
      kind: "run",
      args: { dryRun: true, skipBuildAndTest: true, registry: "http://127.0.0.1:4873/" },
    });
  });

  test("-h and --help ask for the usage", () => {
    expect(parseReleaseArgs(["-h"])).toEqual({ kind: "help" });
    expect(parseReleaseArgs(["--dry-run", "--help"])).toEqual({ kind: "help" });
  });

  test.each([
    [["--skip-build-and-test"], "--skip-build-and-test is only allowed with --dry-run"],
    [["--force"], "--force"],
    [["extra"], "extra"],
    [["--registry", "ftp://registry.example/"], "--registry must be an http(s) URL, not a ftp: one."],
    [["--registry", "registry.example"], '--registry must be an http(s) URL, not "registry.example".'],
  ])("%j is refused, naming what is wrong", (argv, message) => {
    const parsed = parseReleaseArgs(argv);
    expect(parsed.kind).toBe("error");
    expect(parsed.kind === "error" && parsed.message).toContain(message);
  });

  test("a registry that is not a URL is named without the token it may hold", () => {
    const parsed = parseReleaseArgs(["--dry-run", "--registry", "me:s3cret@registry"]);
    expect(parsed.kind === "error" && parsed.message).not.toContain("s3cret");
  });
});

describe("shownRegistry: how the release prints a registry URL", () => {
  test.each([
    ["http://127.0.0.1:4873/", "http://127.0.0.1:4873/"],
    ["https://me:s3cret@registry.example/npm/", "https://***@registry.example/npm/"],
    ["https://:s3cret@registry.example/", "https://***@registry.example/"],
    ["//me:s3cret@registry.example/", "//***@registry.example/"],
  ])("%s is shown as %s", (url, shown) => {
    expect(shownRegistry(url)).toBe(shown);
  });
});
