import { describe, expect, it } from "vitest";
import { commandLine } from "../../src/init/command-line.js";
import { shellWord } from "../../src/init/shell-word.js";

describe("the command a message advises", () => {
  it.each([
    { config: undefined, expected: "faxkit-codegen generate" },
    { config: "faxkit.config.json", expected: "faxkit-codegen generate" },
    { config: "./faxkit.config.json", expected: "faxkit-codegen generate" },
    { config: "/app/faxkit.config.json", expected: "faxkit-codegen generate" },
    { config: "api/faxkit.config.json", expected: "faxkit-codegen generate --config api/faxkit.config.json" },
    { config: "../faxkit.config.json", expected: "faxkit-codegen generate --config ../faxkit.config.json" },
    { config: "other.json", expected: "faxkit-codegen generate --config other.json" },
  ])("--config $config in /app → $expected", ({ config, expected }) => {
    expect(commandLine("generate", config, "/app")).toBe(expected);
  });

  it("names check the same way", () => {
    expect(commandLine("check", "ci.json", "/app")).toBe("faxkit-codegen check --config ci.json");
  });
});

describe("shellWord", () => {
  it.each([
    ["configs/api.json", "configs/api.json"],
    ["@scope/x-1_2.json", "@scope/x-1_2.json"],
    ["my config.json", "'my config.json'"],
    ["it's.json", "'it'\\''s.json'"],
    ["$(rm -rf ~).json", "'$(rm -rf ~).json'"],
    ["a;b", "'a;b'"],
    ["", "''"],
  ])("%j → %s", (word, expected) => {
    expect(shellWord(word)).toBe(expected);
  });
});
