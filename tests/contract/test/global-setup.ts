/**
 * The global setup of both projects (vitest.config.ts), told apart by the project's name:
 *
 * - `prism` starts ONE Prism mock for the whole run and hands its URL to every test file
 *   (`inject("mockUrl")`);
 * - `fake` and `msw` start no server: each test file starts its own fake (`test/helpers/backend.ts`),
 *   on a loopback port (`fake`) or as MSW handlers in the file's process (`msw`), so it can drive
 *   that fake's controls, which live in the test file's context, not this one.
 *
 * Both start one loopback sink for webhook targets and stop everything when the run ends. The
 * sink exists because Prism POSTs a callback to the `target` of every `createWebhook` request,
 * whatever the answer (see README.md): targets in this suite point at it, so no callback ever
 * leaves 127.0.0.1.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { startMock } from "@faxkit/mock";
import type { TestProject } from "vitest/node";

/** Which server the suite runs against: the project's name. */
export type BackendName = "prism" | "fake" | "msw";
const BACKENDS: readonly BackendName[] = ["prism", "fake", "msw"];

declare module "vitest" {
  export interface ProvidedContext {
    backend: BackendName;
    /** Base URL of the shared Prism mock, production paths included: `http://127.0.0.1:<port>/v3`; `""` in the fake projects. */
    mockUrl: string;
    /** `http://127.0.0.1:<port>`: accepts any request with 200 and discards it. */
    hookSink: string;
  }
}

function backendOf(project: TestProject): BackendName {
  const known = BACKENDS.find((name) => name === project.name);
  if (known !== undefined) return known;
  throw new Error(`tests/contract: unknown vitest project ${JSON.stringify(project.name)} (expected one of ${BACKENDS.join(", ")})`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const backend = backendOf(project);
  const sink = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(200, { "content-type": "text/plain" }).end("ok"));
  });
  await new Promise<void>((resolve, reject) => {
    sink.once("error", reject);
    sink.listen(0, "127.0.0.1", () => resolve());
  });
  const mock = backend === "prism" ? await startMock() : undefined;
  project.provide("backend", backend);
  project.provide("mockUrl", mock?.url ?? "");
  project.provide("hookSink", `http://127.0.0.1:${(sink.address() as AddressInfo).port}`);
  return async () => {
    await mock?.stop();
    await new Promise<void>((resolve) => {
      sink.closeAllConnections();
      sink.close(() => resolve());
    });
  };
}
