import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CodegenError, generate } from "../../src/index.js";
import { createTempProject, MINI_SPEC, type TempProject } from "../helpers/temp-project.js";

/**
 * The client fills a path template from the path parameters the spec declares (the call table
 * lists them), so a template name without a declared parameter, or the other way round, must
 * stop the generation with a message naming the operation and where it is.
 */
let project: TempProject | undefined;
afterEach(() => project?.remove());

async function generateWith(spec: string): Promise<unknown> {
  project = await createTempProject({ spec });
  return generate({ config: join(project.root, "faxkit.config.json") }).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe("path templates and path parameters", () => {
  it("generates the mini spec, whose templates and parameters agree", async () => {
    expect(await generateWith(MINI_SPEC)).toBeUndefined();
  });

  it.each([
    [
      "a template name that no parameter declares",
      MINI_SPEC.replace("  /things/{id}:", "  /things/{id}/{part}:"),
      [
        'operation GET "/things/{id}/{part}" has "{part}" in its path but no path parameter of that name',
        "/paths/~1things~1{id}~1{part}/get",
      ],
    ],
    [
      "a template name that differs from the declared one (renamed on one side only)",
      MINI_SPEC.replace("  /things/{id}:", "  /things/{thing_id}:"),
      ['operation GET "/things/{thing_id}" has "{thing_id}" in its path but no path parameter of that name'],
    ],
    [
      "a path parameter declared on an operation of a path without templates",
      MINI_SPEC.replace("  /things/{id}:", "  /things:"),
      ['operation GET "/things" declares path parameter "id", which its path does not contain', /spec\.yaml:\d+:\d+/],
    ],
  ])("refuses %s, naming the operation and its place in the spec", async (_what, spec, says) => {
    const error = await generateWith(spec);
    expect(error).toBeInstanceOf(CodegenError);
    expect((error as CodegenError).code).toBe("INVALID_DOCUMENT");
    for (const fragment of says) expect((error as Error).message).toMatch(fragment);
  });
});
