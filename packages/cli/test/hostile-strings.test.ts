import { fixtures } from "@faxkit/mock";
import { describe, expect, it } from "vitest";
import { useFake } from "./support/fake.js";

const { fake, run } = useFake();

// What a hostile sender could put into the fields a fax record carries as free text.
const TITLE = "\u001b]0;owned\u0007";
const CLEAR = "\u001b[2J\u001b[H";
const C1_CSI = "\u009b31m";
const HOSTILE = {
  id: "0badf00d0badf00d0badf00d",
  comment: `${TITLE}${CLEAR}pay now${C1_CSI}`,
  file_name: "invoice\u202Efdp.exe",
  description: `line one\rOVERWRITTEN\n${"A".repeat(5_000)}`,
};

/** Every character a terminal would act on (or that would reorder a line) rather than show. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe("text from the API is quoted for the terminal", () => {
  it("a hostile fax record cannot move the cursor, set the title or reorder text in the table", async () => {
    fake().seed({ faxes: [fixtures.fax(HOSTILE)] });
    const list = await run(["faxes", "list"]);
    const get = await run(["faxes", "get", HOSTILE.id]);
    for (const result of [list, get]) {
      expect(result.code).toBe(0);
      expect(result.stdout).not.toMatch(ACTIVE);
      expect(result.stderr).not.toMatch(ACTIVE);
    }
    expect(get.stdout).toContain("\\e]0;owned\\u{7}\\e[2J\\e[Hpay now\\u{9b}31m");
    expect(get.stdout).toContain("invoice\\u{202e}fdp.exe");
    expect(get.stdout).toContain("line one\\rOVERWRITTEN\\n");
    // Cut to a bound, with the original length.
    expect(get.stdout).toContain("… (5021 characters)");
    expect(Math.max(...get.stdout.split("\n").map((line) => line.length))).toBeLessThan(320);
  });

  it("--json keeps the values whole and exact, with every control character escaped", async () => {
    fake().seed({ faxes: [fixtures.fax(HOSTILE)] });
    const result = await run(["faxes", "get", HOSTILE.id, "--json"]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(ACTIVE);
    expect(JSON.parse(result.stdout)).toMatchObject(HOSTILE);
  });

  it("a hostile error description is quoted on the error line", async () => {
    fake().failNext({ operationId: "getFax", status: 400, body: { error: `bad${CLEAR}`, description: `${TITLE}nope${C1_CSI}` } });
    const result = await run(["faxes", "get", HOSTILE.id]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("faxplus: 400 bad\\e[2J\\e[H: \\e]0;owned\\u{7}nope\\u{9b}31m (getFax)\n");
  });

  it("a hostile id given back in per-item results is quoted too", async () => {
    const result = await run(["faxes", "mark-read", `${TITLE}x`]);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toMatch(ACTIVE);
    expect(result.stdout).toContain("\\e]0;owned\\u{7}x");
  });
});
