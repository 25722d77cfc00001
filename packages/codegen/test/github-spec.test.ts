/**
 * The generator is not Fax.Plus-specific: it must turn GitHub's REST description
 * (`@octokit/openapi`, OpenAPI 3.0.3, ~1,200 operations, ~13 MB of JSON) into output
 * that a user can import and that the real TypeScript compiler accepts under `--strict`.
 *
 * Everything happens in a temporary folder on the local disk; nothing touches the network.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GenerateResult, generate, type OperationRecord } from "../src/index.js";

const require = createRequire(import.meta.url);
/** The pinned devDependency's copy of GitHub's description (no network). */
const GITHUB_SPEC = join(dirname(require.resolve("@octokit/openapi/package.json")), "generated", "api.github.com.json");
/** The workspace's TypeScript compiler (the same version the packages build with). */
const TSC = require.resolve("typescript/bin/tsc");

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const TYPE_FILES = ["schema.ts", "aliases.ts", "operations.ts", "spec-info.ts"];
/** Generation and type-checking a 6 MB `schema.ts` each take several seconds on a 2-core machine. */
const SLOW = 180_000;

interface GithubSpec {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { operationId?: string }>>;
  components: { schemas: Record<string, unknown> };
}

/** What the spec itself says, counted independently of the generator. */
function specOperations(spec: GithubSpec): { operationId: string; method: string; path: string }[] {
  const found: { operationId: string; method: string; path: string }[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation) found.push({ operationId: String(operation.operationId), method: method.toUpperCase(), path });
    }
  }
  return found;
}

/** Runs tsc and never rejects: the caller asserts on the exit code and prints the output. */
function runTsc(args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [TSC, ...args], { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}${error && typeof error.code !== "number" ? `\n${error.message}` : ""}` });
    });
  });
}

describe("GitHub REST description (@octokit/openapi)", () => {
  let root: string;
  let typesDir: string;
  let resolvedSpecFile: string;
  let spec: GithubSpec;
  let expected: ReturnType<typeof specOperations>;
  let result: GenerateResult;

  beforeAll(async () => {
    spec = JSON.parse(await readFile(GITHUB_SPEC, "utf8")) as GithubSpec;
    expected = specOperations(spec);
    root = await mkdtemp(join(tmpdir(), "faxkit-codegen-github-"));
    // A consumer project: ESM, like the packages of this repository.
    await writeFile(join(root, "package.json"), `${JSON.stringify({ name: "github-consumer", private: true, type: "module" })}\n`);
    const configFile = join(root, "faxkit.config.json");
    const raw = {
      spec: GITHUB_SPEC,
      overlays: [],
      outputs: { types: "generated", resolvedSpec: "dist/github.resolved.json" },
    };
    await writeFile(configFile, `${JSON.stringify(raw, null, 2)}\n`);
    typesDir = join(root, "generated");
    resolvedSpecFile = join(root, "dist", "github.resolved.json");
    // Through the config file, as a user would call it.
    result = await generate({ config: configFile });
  }, SLOW);

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("sanity: the pinned spec is the OpenAPI 3.0 document this test expects", () => {
    expect(spec.openapi).toMatch(/^3\.0\.\d+$/);
    expect(expected.length).toBeGreaterThan(1000);
    expect(Object.keys(spec.components.schemas).length).toBeGreaterThan(500);
  });

  it("writes the four type files and the resolved spec", async () => {
    for (const name of TYPE_FILES) expect(existsSync(join(typesDir, name)), name).toBe(true);
    expect(existsSync(resolvedSpecFile)).toBe(true);
    expect(result.written.map((path) => path.slice(root.length + 1)).sort()).toEqual(
      ["dist/github.resolved.json", ...TYPE_FILES.map((name) => `generated/${name}`)].sort(),
    );
    expect(result.operationCount).toBe(expected.length);

    const schema = await readFile(join(typesDir, "schema.ts"), "utf8");
    for (const declaration of ["export interface paths", "export interface components", "export interface operations"]) {
      expect(schema).toContain(declaration);
    }
    const resolved = JSON.parse(await readFile(resolvedSpecFile, "utf8")) as GithubSpec;
    expect(Object.keys(resolved.paths)).toEqual(Object.keys(spec.paths));
  });

  it("has one operation-table entry per operation of the spec", async () => {
    const module = (await import(pathToFileURL(join(typesDir, "operations.ts")).href)) as {
      operations: Record<string, OperationRecord>;
      operationIds: string[];
    };
    const table = module.operations;
    expect(Object.keys(table)).toHaveLength(expected.length);
    expect(module.operationIds).toEqual(expected.map((operation) => operation.operationId));
    for (const { operationId, method, path } of expected) {
      expect(table[operationId], operationId).toMatchObject({ operationId, method, path });
    }
    expect(table["repos/get"]).toMatchObject({
      operationId: "repos/get",
      method: "GET",
      path: "/repos/{owner}/{repo}",
      tag: "repos",
      pathParams: ["owner", "repo"],
      requiredParams: ["owner", "repo"],
      successStatuses: [200],
      idempotent: true,
    });
    expect(table["issues/create"]).toMatchObject({
      method: "POST",
      path: "/repos/{owner}/{repo}/issues",
      requestContentType: "application/json",
      requestBodyRequired: true,
      idempotent: false,
    });
  });

  it("describes the spec in spec-info.ts", async () => {
    const { specInfo } = (await import(pathToFileURL(join(typesDir, "spec-info.ts")).href)) as {
      specInfo: Record<string, unknown>;
    };
    expect(specInfo).toEqual({
      title: spec.info.title,
      version: spec.info.version,
      openapi: spec.openapi,
      operationCount: expected.length,
      schemaCount: Object.keys(spec.components.schemas).length,
    });
  });

  it("names an alias after every component schema", async () => {
    const aliases = await readFile(join(typesDir, "aliases.ts"), "utf8");
    expect(aliases).toContain('import type { components } from "./schema.js";');
    expect(aliases).toContain('export type SimpleUser = components["schemas"]["simple-user"];');
    expect(aliases).toContain('export type FullRepository = components["schemas"]["full-repository"];');
    expect(aliases).toContain('export type NullableSimpleUser = components["schemas"]["nullable-simple-user"];');
    const declared = [...aliases.matchAll(/^export type (\w+) = components\["schemas"\]\[("[^"]+")\];$/gm)];
    expect(declared.map((match) => JSON.parse(match[2] as string))).toEqual(Object.keys(spec.components.schemas));
    expect(new Set(declared.map((match) => match[1])).size).toBe(declared.length);
  });

  it(
    "type-checks with tsc --strict, together with a consumer that uses paths, components and aliases",
    async () => {
      const consumer = `import type { components, operations as OperationTypes, paths } from "./generated/schema.js";
import type { FullRepository, Issue, SimpleUser } from "./generated/aliases.js";
import { operationIds, operations, type OperationId } from "./generated/operations.js";
import { specInfo } from "./generated/spec-info.js";

// An alias is the very type its index path names.
export function describeUser(user: SimpleUser): string {
  const same: components["schemas"]["simple-user"] = user;
  return \`\${same.login} #\${user.id}\`;
}

// Path parameters and responses of GET /repos/{owner}/{repo}.
type GetRepository = paths["/repos/{owner}/{repo}"]["get"];
export const where: GetRepository["parameters"]["path"] = { owner: "octocat", repo: "hello-world" };
export function fullName(repository: GetRepository["responses"][200]["content"]["application/json"]): string {
  const alias: FullRepository = repository;
  return alias.full_name;
}
export const issueTitle = (issue: Issue): string => issue.title;

// A request body that openapi-typescript types from an inline schema.
export const newIssue: OperationTypes["issues/create"]["requestBody"]["content"]["application/json"] = {
  title: "Found a bug",
  labels: ["bug"],
};

// The runtime table is typed precisely: literal methods, paths and counts.
export const method: "GET" = operations["repos/get"].method;
export const path: "/repos/{owner}/{repo}" = operations["repos/get"].path;
export const ids: readonly OperationId[] = operationIds;
export const count: ${expected.length} = specInfo.operationCount;

// @ts-expect-error -- not an operationId of the spec: the check must be able to fail.
export const unknownOperation: OperationId = "repos/no-such-operation";
`;
      await writeFile(join(root, "consumer.ts"), consumer);
      const files = [...TYPE_FILES.map((name) => join("generated", name)), "consumer.ts"];
      const args = [
        "--noEmit",
        "--strict",
        "--skipLibCheck",
        "false",
        "--target",
        "es2022",
        "--module",
        "nodenext",
        "--moduleResolution",
        "nodenext",
        "--pretty",
        "false",
        ...files,
      ];
      const { code, output } = await runTsc(args, root);
      if (code !== 0) console.error(`tsc ${args.join(" ")} exited with ${code}:\n${output}`);
      expect(code, output).toBe(0);
    },
    SLOW,
  );
});
