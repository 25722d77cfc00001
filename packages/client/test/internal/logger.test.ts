import { describe, expect, it } from "vitest";
import { type LogLevel, levelledLogger } from "../../src/internal/logger.js";

function recording() {
  const lines: string[] = [];
  const make = (level: string) => (message: string) => lines.push(`${level} ${message}`);
  return { lines, logger: { debug: make("debug"), info: make("info"), warn: make("warn"), error: make("error") } };
}

describe("levelledLogger", () => {
  const table: [LogLevel, string[]][] = [
    ["debug", ["debug d", "info i", "warn w", "error e"]],
    ["info", ["info i", "warn w", "error e"]],
    ["warn", ["warn w", "error e"]],
    ["error", ["error e"]],
    ["off", []],
  ];
  it.each(table)("at %s logs %j", (level, expected) => {
    const { lines, logger } = recording();
    const log = levelledLogger(logger, level);
    log.debug("d");
    log.info("i");
    log.warn("w");
    log.error("e");
    expect(lines).toEqual(expected);
  });

  it("defaults to warn", () => {
    const { lines, logger } = recording();
    const log = levelledLogger(logger);
    log.info("i");
    log.warn("w");
    expect(lines).toEqual(["warn w"]);
  });

  it("tolerates a logger missing some methods", () => {
    const lines: string[] = [];
    const log = levelledLogger({ warn: (m: string) => lines.push(m) }, "debug");
    log.debug("nobody hears this");
    log.warn("w");
    expect(lines).toEqual(["w"]);
  });

  it("rejects an unknown level, naming the accepted ones", () => {
    expect(() => levelledLogger(undefined, "verbose" as LogLevel)).toThrow(
      'logLevel must be one of debug, info, warn, error, off (got "verbose")',
    );
  });
});
