// Runs the bundled Worker (argv[2], a script) in Vercel's Edge Runtime on the Node running the
// test. Dispatches one request and prints ONE JSON line: the Worker's report plus the
// edge-runtime version. The runtime's fetch is wrapped so that only the fake's origin is
// reachable, and WebSocket (which the Worker never needs) refuses every URL.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { EdgeRuntime } from "edge-runtime";
import { fakeOrigin, requestBody } from "./request-body.mjs";

const [bundle, timeoutMs] = process.argv.slice(2);
if (!bundle || !timeoutMs) throw new Error("usage: edge-runtime.mjs <worker bundle> <timeout ms>");

const host = { "edge-runtime": createRequire(import.meta.url)("edge-runtime/package.json").version };
const allowed = fakeOrigin();

/** @param {unknown} input what fetch was given: a URL string, a URL or a Request */
function originOf(input) {
  const href = typeof input === "object" && input !== null && "url" in input ? String(input.url) : String(input);
  return new URL(href).origin;
}

/** @param {import("edge-runtime").EdgeRuntime["context"]} context */
function loopbackOnly(context) {
  const { fetch, Response } = context;
  // Same answer as workerd's loopback-guard.worker.mjs, before any DNS lookup or connection.
  context.fetch = (input, init) => {
    const origin = originOf(input);
    if (origin === allowed) return fetch(input, init);
    const message = `refused: only ${allowed} is reachable from this test, not ${origin}`;
    return Promise.resolve(new Response(message, { status: 403, headers: { "x-faxkit-loopback-guard": "refused" } }));
  };
  context.WebSocket = class RefusedWebSocket {
    constructor() {
      throw new TypeError("WebSocket is not reachable from this test");
    }
  };
  return context;
}

const timer = setTimeout(() => {
  console.error(`edge-runtime.mjs: no answer from the Worker after ${timeoutMs} ms`);
  process.exit(1);
}, Number(timeoutMs));

const runtime = new EdgeRuntime({ initialCode: await readFile(bundle, "utf8"), extend: loopbackOnly });
const response = await runtime.dispatchFetch("http://smoke.test/", { method: "POST", body: requestBody() });
await response.waitUntil();
const text = await response.text();
clearTimeout(timer);
if (response.status !== 200) throw new Error(`the Worker answered ${response.status}: ${text}`);
console.log(JSON.stringify({ ...JSON.parse(text), host }));
// The runtime's fetch keeps idle connections to the fake open: do not wait for them.
process.exit(0);
