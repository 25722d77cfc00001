import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** The built CLI launcher (tests run after `build`, like users do). */
export const CLI = fileURLToPath(new URL("../../bin/faxkit-codegen.js", import.meta.url));

/** A small but complete spec: path and query parameters, a body, refs, a recursive schema. */
export const MINI_SPEC = `openapi: 3.0.3
info:
  title: Mini API
  version: 1.0.0
paths:
  /things/{id}:
    get:
      operationId: getThing
      tags: [Things]
      parameters:
        - name: id
          in: path
          required: true
          schema: { type: string }
        - name: depth
          in: query
          schema: { type: integer, minimum: 0 }
      responses:
        '200':
          description: The thing
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Thing'
        '404':
          description: Not found
    put:
      operationId: updateThing
      tags: [Things]
      parameters:
        - name: id
          in: path
          required: true
          schema: { type: string }
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/Thing'
      responses:
        '204':
          description: Updated
components:
  schemas:
    Thing:
      type: object
      description: A node of a tree of things.
      required: [id]
      properties:
        id: { type: string }
        children:
          type: array
          items:
            $ref: '#/components/schemas/Thing'
`;

export interface TempProject {
  root: string;
  /** Writes a file relative to the project root. */
  write(path: string, content: string): Promise<void>;
  /** Runs the CLI in the project root. */
  cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  /** Every file under the project root except the inputs, with content (to prove nothing changed). */
  snapshotOutputs(): Promise<Record<string, string>>;
  remove(): Promise<void>;
}

export const DEFAULT_CONFIG = {
  spec: "spec.yaml",
  overlays: ["overlays"],
  outputs: { types: "out/types", resolvedSpec: "out/resolved.json" },
};

/** A throwaway project folder with a config, the mini spec and an empty overlay folder. */
export async function createTempProject(options: { spec?: string; config?: unknown } = {}): Promise<TempProject> {
  const root = await mkdtemp(join(tmpdir(), "faxkit-codegen-"));
  const write = async (path: string, content: string) => {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  };
  await write("faxkit.config.json", JSON.stringify(options.config ?? DEFAULT_CONFIG, null, 2));
  await write("spec.yaml", options.spec ?? MINI_SPEC);
  await mkdir(join(root, "overlays"), { recursive: true });
  return {
    root,
    write,
    cli: (...args) =>
      new Promise((resolve) => {
        execFile(process.execPath, [CLI, ...args], { cwd: root }, (error, stdout, stderr) => {
          resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
        });
      }),
    snapshotOutputs: async () => {
      const files: Record<string, string> = {};
      const walk = async (dir: string) => {
        for (const entry of await readdir(dir, { withFileTypes: true })) {
          const path = join(dir, entry.name);
          if (entry.isDirectory()) await walk(path);
          else files[relative(root, path)] = await readFile(path, "utf8");
        }
      };
      await walk(join(root, "out")).catch(() => undefined);
      return files;
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
