import { describe, expect, it } from "vitest";
import { quoteRequestText } from "../../src/internal/quote-request-text.js";

describe("quoteRequestText", () => {
  it.each([
    ["plain", '"plain"'],
    ['a "quote"', '"a \\"quote\\""'],
    ["line\r\nX-Forged: 1", '"line\\r\\nX-Forged: 1"'],
    ["\u0000\u001b[31m", '"\\u0000\\u001b[31m"'],
    ["\ud800 lone surrogate", '"\\ud800 lone surrogate"'],
  ])("%j → %s", (text, quoted) => {
    expect(quoteRequestText(text)).toBe(quoted);
  });

  it("cuts long text and says how long it was", () => {
    expect(quoteRequestText("x".repeat(1_000), 5)).toBe('"xxxxx"… (1000 characters)');
  });
});
