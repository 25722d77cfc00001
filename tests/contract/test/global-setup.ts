/**
 * Starts ONE mock for the whole run (every test file shares it through `inject("mockUrl")`)
 * and one loopback sink for webhook targets, and stops both when the run ends.
 *
 * The sink exists because Prism POSTs a callback to the `target` of every `createWebhook`
 * request, whatever the answer (see README.md): targets in this suite point at it, so no
 * callback ever leaves 127.0.0.1.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { startMock } from "@faxkit/mock";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the shared mock, production paths included: `http://127.0.0.1:<port>/v3`. */
    mockUrl: string;
    /** `http://127.0.0.1:<port>`: accepts any request with 200 and discards it. */
    hookSink: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const sink = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(200, { "content-type": "text/plain" }).end("ok"));
  });
  await new Promise<void>((resolve, reject) => {
    sink.once("error", reject);
    sink.listen(0, "127.0.0.1", () => resolve());
  });
  const mock = await startMock();
  project.provide("mockUrl", mock.url);
  project.provide("hookSink", `http://127.0.0.1:${(sink.address() as AddressInfo).port}`);
  return async () => {
    await mock.stop();
    await new Promise<void>((resolve) => {
      sink.closeAllConnections();
      sink.close(() => resolve());
    });
  };
}
