import { describe, expect, it } from "vitest";
import { jsonDocument } from "../../src/output/json-output.js";
import { quoteForTerminal } from "../../src/output/terminal-text.js";

/** Anything a terminal acts on rather than shows. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const ACTIVE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe("quoteForTerminal", () => {
  it.each([
    ["an OSC title change", "\u001b]0;pwned\u0007Invoice", "\\e]0;pwned\\u{7}Invoice"],
    ["a CSI cursor move and screen clear", "a\u001b[2J\u001b[1;1Hb", "a\\e[2J\\e[1;1Hb"],
    ["an 8-bit CSI (C1)", "x\u009b31mred", "x\\u{9b}31mred"],
    ["a carriage return that would overwrite the line", "paid\rUNPAID", "paid\\rUNPAID"],
    ["newlines and tabs, which would break a table row", "a\nb\tc", "a\\nb\\tc"],
    ["a right-to-left override", "invoice\u202Efdp.exe", "invoice\\u{202e}fdp.exe"],
    ["a lone surrogate", "a\ud800b", "a\\u{d800}b"],
    ["plain text, accents and emoji", "Zoë 📠 +1 555", "Zoë 📠 +1 555"],
  ])("escapes %s", (_what, input, expected) => {
    const quoted = quoteForTerminal(input);
    expect(quoted).toBe(expected);
    expect(quoted).not.toMatch(ACTIVE);
  });

  it("cuts long text to the bound and says how long it was", () => {
    expect(quoteForTerminal("x".repeat(500), 10)).toBe("xxxxxxxxxx… (500 characters)");
    expect(quoteForTerminal("📠".repeat(5), 3)).toBe("📠📠📠… (5 characters)");
  });

  it("prints numbers, booleans and missing values plainly", () => {
    expect([quoteForTerminal(3), quoteForTerminal(true), quoteForTerminal(undefined), quoteForTerminal(null)]).toEqual([
      "3",
      "true",
      "",
      "",
    ]);
  });
});

describe("jsonDocument", () => {
  it("escapes C1 and bidi controls and still parses back to the same value", () => {
    const value = { comment: "x\u009b2J\u202e\u2028y", title: "\u001b]0;t\u0007" };
    const text = jsonDocument(value);
    expect(text.replaceAll("\n", "")).not.toMatch(ACTIVE);
    expect(JSON.parse(text)).toEqual(value);
  });
});
