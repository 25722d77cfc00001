import { describe, expect, it } from "vitest";
import { describeError } from "../../src/output/error-line.js";

const TOKEN = "pat_S3cret/Token+value";

describe("describeError", () => {
  it("scrubs a credential from a message the client did not build, in every form it travels in", () => {
    const error = new Error(`proxy refused ${encodeURIComponent(TOKEN)} and ${JSON.stringify(TOKEN)} at https://u:p@h.test/x?token=abc`);
    const { line, exitCode } = describeError(error, [TOKEN]);
    expect(line).toBe('faxplus: Error: proxy refused [redacted] and "[redacted]" at https://h.test/x?token=[redacted]');
    expect(exitCode).toBe(1);
  });

  it("quotes what it prints for the terminal", () => {
    expect(describeError(new Error("a\u001b[2Jb"), []).line).toBe("faxplus: Error: a\\e[2Jb");
  });
});
