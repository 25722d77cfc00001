import { execFile } from "node:child_process";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generate } from "../src/index.js";
import { MAX_DEPTH_THROUGH_REFS, MAX_NESTING_DEPTH, MAX_REF_CHAIN } from "../src/load/input-limits.js";
import { CLI, createTempProject, DEFAULT_CONFIG, MINI_SPEC, type TempProject } from "./helpers/temp-project.js";

/**
 * Hostile or broken input is refused by the CLI within seconds: exit 1, one paragraph naming the
 * limit and the JSON pointer, and the previous output untouched. Each run is killed after
 * CHILD_TIMEOUT, so a regression (a hang, or minutes of memory growth) fails the test instead of
 * stalling the suite.
 */
const CHILD_TIMEOUT = 20_000;
const TEST_TIMEOUT = 30_000;

function runCli(project: TempProject): Promise<{ code: number | string | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, "generate"], { cwd: project.root, timeout: CHILD_TIMEOUT }, (error, stdout, stderr) => {
      resolve({ code: error ? (error.code ?? error.signal ?? null) : 0, stdout, stderr });
    });
  });
}

/** MINI_SPEC with more schemas under components.schemas (it ends inside that map). */
const withSchemas = (lines: string) => `${MINI_SPEC}${lines}`;

/** The 430-byte "billion laughs": nine anchors, each aliasing the previous one ten times. */
function aliasBomb(): string {
  const names = "abcdefghi";
  const lines = ["x-bomb:", `  a: &a [${Array(10).fill("lol").join(", ")}]`];
  for (let i = 1; i < names.length; i++)
    lines.push(
      `  ${names[i]}: &${names[i]} [${Array(10)
        .fill(`*${names[i - 1]}`)
        .join(", ")}]`,
    );
  return `${MINI_SPEC}${lines.join("\n")}\n`;
}

/** A schema chain `depth` properties deep, as JSON text (never built as an object: it is too deep to stringify). */
function deepJsonSpec(depth: number): string {
  const deep = `${'{"type":"object","properties":{"x":'.repeat(depth)}{"type":"string"}${"}}".repeat(depth)}`;
  const spec = {
    openapi: "3.0.3",
    info: { title: "Deep", version: "1.0.0" },
    paths: { "/a": { get: { operationId: "getA", responses: { "200": { description: "ok" } } } } },
    components: { schemas: { Deep: "HOLE" } },
  };
  return JSON.stringify(spec).replace('"HOLE"', deep);
}

/** `{ a: { a: … "leaf" } }`, `levels` objects deep. */
function nest(levels: number): unknown {
  let value: unknown = "leaf";
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

const nTimes = (count: number, make: (i: number) => string) => Array.from({ length: count }, (_, i) => make(i)).join("");

interface BoundCase {
  name: string;
  break(project: TempProject): Promise<void>;
  says: (string | RegExp)[];
}

const useJsonSpec = async (project: TempProject, text: string) => {
  await project.write("spec.json", text);
  await project.write("faxkit.config.json", JSON.stringify({ ...DEFAULT_CONFIG, spec: "spec.json" }));
};

const specLines = MINI_SPEC.split("\n").length;

const cases: BoundCase[] = [
  {
    name: "a YAML alias bomb is refused within seconds with the yaml library's error",
    break: (project) => project.write("spec.yaml", aliasBomb()),
    says: ["spec.yaml: invalid YAML: Excessive alias count indicates a resource exhaustion attack", "at most 100 times"],
  },
  {
    name: "a YAML spec nested 100,000 deep is refused with the pointer of the first too-deep node",
    break: (project) => project.write("spec.yaml", withSchemas(`    Deep: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`)),
    says: [
      `spec.yaml:${specLines}:${11 + 126} (at /components/schemas/Deep${"/0".repeat(126)}): nested too deeply`,
      `this node is ${MAX_NESTING_DEPTH + 1} levels below the document root, and at most ${MAX_NESTING_DEPTH} are accepted`,
    ],
  },
  {
    name: "a block-style YAML spec nested 300 deep is refused with the pointer of the first too-deep node",
    break: (project) =>
      project.write("spec.yaml", withSchemas(`    Deep:\n${nTimes(300, (i) => `${" ".repeat(6 + i)}k${i}:\n`)}${" ".repeat(306)}end: 1\n`)),
    says: [`spec.yaml:${specLines + 126}:${7 + 125} (at /components/schemas/Deep${nTimes(126, (i) => `/k${i}`)}): nested too deeply`],
  },
  {
    name: "a JSON spec nested 100,000 deep is refused with the pointer of the first too-deep node",
    break: (project) => useJsonSpec(project, deepJsonSpec(100_000)),
    says: [`spec.json (at /components/schemas/Deep${"/properties/x".repeat(63)}): nested too deeply`, `at most ${MAX_NESTING_DEPTH}`],
  },
  {
    name: "an overlay that nests the spec deeper than 128 levels is refused once applied, with the pointer in the spec",
    // 124 levels inside the overlay's update are within the limit on their own; under properties.children they are not.
    break: (project) =>
      project.write(
        "overlays/01-deep.json",
        JSON.stringify({
          overlay: "1.0.0",
          info: { title: "deep", version: "1.0.0" },
          actions: [{ target: "$.components.schemas.Thing.properties.children", update: { "x-deep": nest(124) } }],
        }),
      ),
    says: [`(at /components/schemas/Thing/properties/children/x-deep${"/a".repeat(123)}): nested too deeply`],
  },
  {
    name: "a 5,000-long $ref chain is refused where it starts, naming the limit",
    break: (project) =>
      project.write(
        "spec.yaml",
        withSchemas(
          `${nTimes(5000, (i) => `    Link${i}: { $ref: '#/components/schemas/Link${i + 1}' }\n`)}    Link5000: { type: string }\n`,
        ),
      ),
    says: [
      /spec\.yaml:\d+:\d+ \(at \/components\/schemas\/Link0\/\$ref\): \$ref chain too long: /,
      '"#/components/schemas/Link1" → "#/components/schemas/Link2" → "#/components/schemas/Link3" → …',
      `more than ${MAX_REF_CHAIN} $refs`,
    ],
  },
  {
    name: "a $ref cycle error names the pointers in the cycle",
    break: (project) =>
      project.write(
        "spec.yaml",
        withSchemas(
          "    A: { $ref: '#/components/schemas/B' }\n    B: { $ref: '#/components/schemas/C' }\n    C: { $ref: '#/components/schemas/A' }\n",
        ),
      ),
    says: [
      "(at /components/schemas/A/$ref): $ref cycle:",
      '"#/components/schemas/B" → "#/components/schemas/C" → "#/components/schemas/A" → "#/components/schemas/B" never reaches a value',
    ],
  },
  {
    name: "5,000 schemas each holding the next in a property are refused as too deep through $refs",
    break: (project) =>
      project.write(
        "spec.yaml",
        withSchemas(
          `    Root: { type: object, properties: { next: { $ref: '#/components/schemas/Nest0' } } }\n${nTimes(
            5000,
            (i) => `    Nest${i}: { type: object, properties: { next: { $ref: '#/components/schemas/Nest${i + 1}' } } }\n`,
          )}    Nest5000: { type: string }\n`,
        ),
      ),
    says: [
      /\(at \/components\/schemas\/Nest\d+\/properties\/next[^)]*\): nested too deeply through \$refs: reached from the document root through \d+ \$refs/,
      `at most ${MAX_DEPTH_THROUGH_REFS} are accepted`,
    ],
  },
];

describe("bounded input: faxkit-codegen generate refuses what would exhaust the stack or the heap", () => {
  let project: TempProject;
  beforeEach(async () => {
    project = await createTempProject();
    await generate({ config: join(project.root, "faxkit.config.json") });
  });
  afterEach(() => project.remove());

  it.each(cases)(
    "$name: exit 1, one paragraph, old output untouched",
    async (bound) => {
      const before = await project.snapshotOutputs();
      await bound.break(project);
      const { code, stdout, stderr } = await runCli(project);
      expect(code, stderr).toBe(1);
      expect(stdout).toBe("");
      const message = stderr.trim();
      expect(message.split("\n")).toHaveLength(1);
      expect(message).toMatch(/^faxkit-codegen: /);
      expect(message).not.toMatch(/Maximum call stack|\n\s+at /);
      for (const fragment of bound.says) {
        if (typeof fragment === "string") expect(message).toContain(fragment);
        else expect(message).toMatch(fragment);
      }
      expect(await project.snapshotOutputs()).toEqual(before);
    },
    TEST_TIMEOUT,
  );

  it(
    "input right at the limits still generates: nested exactly 128 deep, a 32-long $ref chain",
    async () => {
      // Deep sits 3 levels down; each nested schema adds 2 (properties, x); its `type` 1 more.
      await useJsonSpec(project, deepJsonSpec((MAX_NESTING_DEPTH - 4) / 2));
      await expect(generate({ config: join(project.root, "faxkit.config.json") })).resolves.toMatchObject({ operationCount: 1 });

      const chain = nTimes(MAX_REF_CHAIN, (i) => `    Link${i}: { $ref: '#/components/schemas/Link${i + 1}' }\n`);
      await project.write(
        "spec.yaml",
        withSchemas(`    Start: { $ref: '#/components/schemas/Link1' }\n${chain}    Link${MAX_REF_CHAIN}: { type: string }\n`),
      );
      await project.write("faxkit.config.json", JSON.stringify(DEFAULT_CONFIG));
      await expect(generate({ config: join(project.root, "faxkit.config.json") })).resolves.toMatchObject({ operationCount: 2 });
    },
    TEST_TIMEOUT,
  );
});
