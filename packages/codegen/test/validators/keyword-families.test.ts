import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { emitStandaloneValidator } from "../../src/validators/emit-validators.js";

/**
 * Each keyword family of the validator compiler against the JSON-Schema-Test-Suite (draft-04)
 * cases of its keywords: the vendored fixtures of @faxkit/validator, compiled here, checked
 * with the real runtime in both passes. Groups that need what OpenAPI 3.0 does not have
 * (tuple items, patternProperties, additionalItems, dependencies, ids, remote refs) are left
 * to the validator's full conformance test, which lists them with reasons.
 */
const SUITE = fileURLToPath(new URL("../../../validator/test/fixtures/json-schema-test-suite/draft4/", import.meta.url));
const RUNTIME = fileURLToPath(new URL("../../../validator/src/internal/runtime.js", import.meta.url));

const FAMILIES: Record<string, string[]> = {
  type: ["type.json"],
  "enum and const": ["enum.json"],
  string: ["maxLength.json", "minLength.json", "pattern.json"],
  number: ["maximum.json", "minimum.json", "multipleOf.json"],
  array: ["maxItems.json", "minItems.json", "uniqueItems.json", "items.json"],
  object: ["required.json", "properties.json", "additionalProperties.json", "maxProperties.json", "minProperties.json"],
  combinators: ["allOf.json", "anyOf.json", "oneOf.json", "not.json"],
  formats: ["optional/format/email.json", "optional/format/date-time.json", "optional/format/ipv4.json", "optional/format/hostname.json"],
};

const NOT_OPENAPI = /"(patternProperties|additionalItems|dependencies|id|definitions)"|"\$ref":\s*"(?!#)|"items":\s*\[/;

interface Group {
  description: string;
  schema: unknown;
  tests: { description: string; data: unknown; valid: boolean }[];
}
interface Check {
  test(v: unknown, r: number, n: number): boolean;
  collect(v: unknown, p: string, c: { i: unknown[]; d: null; r: 0; n: number }): boolean;
}

const scratch = mkdtempSync(join(tmpdir(), "faxkit-keyword-families-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let counter = 0;

async function load(schema: unknown): Promise<Check> {
  const file = join(scratch, `check${counter++}.ts`);
  writeFileSync(file, `// @ts-nocheck\n${emitStandaloneValidator(schema, RUNTIME)}`);
  return ((await import(/* @vite-ignore */ file)) as { check: Check }).check;
}

for (const [family, files] of Object.entries(FAMILIES)) {
  describe(family, () => {
    for (const file of files) {
      const groups = (JSON.parse(readFileSync(join(SUITE, file), "utf8")) as Group[]).filter(
        (group) => !NOT_OPENAPI.test(JSON.stringify(group.schema)),
      );
      it.each(groups.map((group) => [`${file} / ${group.description}`, group] as const))("%s", async (_name, group) => {
        const check = await load(group.schema);
        for (const { description, data, valid } of group.tests) {
          const context = { i: [] as unknown[], d: null, r: 0 as const, n: 0 };
          expect(check.test(data, 0, 0), `fast pass: ${description}`).toBe(valid);
          expect(check.collect(data, "", context), `collecting pass: ${description}`).toBe(valid);
          expect(context.i.length === 0, `issues: ${description}`).toBe(valid);
        }
      });
    }
  });
}
