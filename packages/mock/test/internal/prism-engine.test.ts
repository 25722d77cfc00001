import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { withBasePath } from "../../src/internal/mock-spec.js";
import { createPrismEngine, type EngineRequest } from "../../src/internal/prism-engine.js";

const spec = JSON.parse(readFileSync(fileURLToPath(new URL("../../spec/faxplus.resolved.json", import.meta.url)), "utf8"));

const request = (path: string): EngineRequest => ({
  method: "GET",
  path,
  query: {},
  headers: { authorization: "Bearer t" },
  body: null,
  preference: {},
});

// Unhandled rejections are what killed the host process; count any that happen during a test.
let unhandled: unknown[] = [];
const record = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  unhandled = [];
  process.on("unhandledRejection", record);
});
afterEach(() => {
  process.off("unhandledRejection", record);
});

describe("createPrismEngine", () => {
  it("a throw inside Prism (the URIError of a %ZZ path parameter) is a 500 in the API's shape for that request, not an unhandled rejection", async () => {
    const engine = await createPrismEngine(withBasePath(spec, "/v3"), { dynamic: false, seed: undefined });
    const result = await engine.answer(request("/v3/accounts/%ZZ"));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(result).toEqual({
      kind: "problem",
      problem: {
        status: 500,
        headers: {},
        body: { error: "internal_server_error", description: 'the mock failed on this request: "URIError: URI malformed"' },
      },
    });
    expect(unhandled).toEqual([]);
    const next = await engine.answer(request("/v3/accounts/self"));
    expect(next).toMatchObject({ kind: "answer", answer: { status: 200 } });
  });

  it("an answer it cannot write (an object for text/plain) is a 500, not a throw", async () => {
    const tiny = {
      openapi: "3.0.1",
      info: { title: "t", version: "1" },
      paths: { "/x": { get: { responses: { "200": { description: "ok", content: { "text/plain": { example: { not: "text" } } } } } } } },
    };
    const engine = await createPrismEngine(tiny, { dynamic: false, seed: undefined });
    const result = await engine.answer({ ...request("/x"), headers: {} });
    expect(result).toMatchObject({ kind: "problem", problem: { status: 500, body: { error: "internal_server_error" } } });
  });
});
