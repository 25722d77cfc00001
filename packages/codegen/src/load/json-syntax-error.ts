/**
 * Finds where JSON text first goes wrong (RFC 8259 grammar). `JSON.parse` on Node 20
 * does not always say where; a spec author needs the line and column. Runs only after
 * `JSON.parse` has already failed, so speed does not matter; it never recurses, so a
 * deeply nested document cannot overflow the stack.
 */
export function findJsonSyntaxError(text: string): { offset: number; reason: string } | undefined {
  let i = 0;
  const stack: ("{" | "[")[] = [];
  // What the scanner expects next.
  let expect: "value" | "key" | "colon" | "comma-or-close" | "end" = "value";
  let afterOpen = false;
  const fail = (reason: string) => ({ offset: i, reason });
  const skipSpace = () => {
    while (i < text.length && " \t\n\r".includes(text.charAt(i))) i++;
  };
  const scanString = (): boolean => {
    const start = i;
    i++; // opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c === 92) {
        const next = text.charAt(i + 1);
        if (next === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if ('"\\/bfnrt'.includes(next) && next !== "") i += 2;
        else return false;
        continue;
      }
      if (c < 32) return false;
      i++;
    }
    i = start; // unterminated: point at where the string began
    return false;
  };
  const close = () => {
    stack.pop();
    expect = stack.length === 0 ? "end" : "comma-or-close";
  };
  for (;;) {
    skipSpace();
    if (i >= text.length) return expect === "end" ? undefined : fail("unexpected end of input");
    const ch = text.charAt(i);
    const top = stack.at(-1);
    switch (expect) {
      case "end":
        return fail(`unexpected ${JSON.stringify(ch)} after the end of the document`);
      case "colon":
        if (ch !== ":") return fail(`expected ":" after an object key, found ${JSON.stringify(ch)}`);
        i++;
        expect = "value";
        afterOpen = false;
        continue;
      case "comma-or-close":
        if (ch === ",") {
          i++;
          expect = top === "{" ? "key" : "value";
          afterOpen = false;
          continue;
        }
        if ((ch === "}" && top === "{") || (ch === "]" && top === "[")) {
          i++;
          close();
          continue;
        }
        return fail(`expected "," or "${top === "{" ? "}" : "]"}", found ${JSON.stringify(ch)}`);
      case "key":
        if (ch === "}" && afterOpen) {
          i++;
          close();
          continue;
        }
        if (ch !== '"') return fail(`expected a quoted object key, found ${JSON.stringify(ch)}`);
        if (!scanString()) return fail("unterminated or invalid string");
        expect = "colon";
        continue;
      case "value": {
        if (ch === "]" && afterOpen && top === "[") {
          i++;
          close();
          continue;
        }
        if (ch === "{" || ch === "[") {
          stack.push(ch);
          i++;
          expect = ch === "{" ? "key" : "value";
          afterOpen = true;
          continue;
        }
        if (ch === '"') {
          if (!scanString()) return fail("unterminated or invalid string");
        } else {
          const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
          if (!literal) return fail(`unexpected ${JSON.stringify(ch)} where a value should be`);
          i += literal[0].length;
        }
        expect = stack.length === 0 ? "end" : "comma-or-close";
        afterOpen = false;
        continue;
      }
    }
  }
}
