import { runInNewContext } from "node:vm";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quoteJsString } from "../../src/quote/js-string.js";

describe("quoteJsString", () => {
  it.each([
    ["plain", '"plain"'],
    ['quote " and \\', '"quote \\" and \\\\"'],
    ["line\u2028para\u2029", '"line\\u2028para\\u2029"'],
    ["</script><!--", '"<\\/script><\\u0021--"'],
    ["nul\0", '"nul\\u0000"'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the text is exactly what a spec may hold
    ["${x}`", '"${x}`"'],
  ])("%j is written as %s", (text, expected) => {
    expect(quoteJsString(text)).toBe(expected);
  });

  it("evaluates back to the same string, whatever the string (including lone surrogates)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const quoted = quoteJsString(text);
        expect(quoted).not.toMatch(/[\u2028\u2029\n\r]|<\/script|<!--/i);
        expect(runInNewContext(quoted)).toBe(text);
      }),
      { seed: 11, numRuns: 500 },
    );
  });
});
