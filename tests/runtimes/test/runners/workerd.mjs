// Runs the bundled Worker (argv[2]) in workerd through miniflare, which needs Node >= 22: the test
// starts this file with the pinned Node 24. Dispatches one request, prints ONE JSON line (the
// Worker's report plus the miniflare and workerd versions) and always disposes miniflare, which
// kills workerd; miniflare's exit hook does the same when the test kills this process.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { Miniflare, supportedCompatibilityDate } from "miniflare";
import { fakeOrigin, requestBody } from "./request-body.mjs";

const [bundle, timeoutMs] = process.argv.slice(2);
if (!bundle || !timeoutMs) throw new Error("usage: workerd.mjs <worker bundle> <timeout ms>");

const require = createRequire(import.meta.url);
// workerd as miniflare resolves it: the binary that runs the Worker.
const fromMiniflare = createRequire(require.resolve("miniflare"));
const host = {
  miniflare: require("miniflare/package.json").version,
  workerd: fromMiniflare("workerd/package.json").version,
};

const mf = new Miniflare({
  host: "127.0.0.1",
  port: 0,
  // The default (unset outside NODE_ENV=test) fetches Request.cf from workers.cloudflare.com.
  cf: false,
  workers: [
    {
      name: "smoke",
      // Both Workers as text: workerd refuses a scriptPath outside its working directory.
      modules: true,
      script: await readFile(bundle, "utf8"),
      // The newest date this workerd supports, as a new Worker would get; no nodejs_compat flag.
      compatibilityDate: supportedCompatibilityDate,
      // miniflare's own outbound network allows public and private addresses: every fetch goes to the guard instead.
      outboundService: "loopback-guard",
    },
    {
      name: "loopback-guard",
      modules: true,
      script: await readFile(new URL("./loopback-guard.worker.mjs", import.meta.url), "utf8"),
      compatibilityDate: supportedCompatibilityDate,
      bindings: { ALLOWED_ORIGIN: fakeOrigin() },
      // Even what the guard forwards can only connect to 127.0.0.1 (workerd filters at the socket).
      outboundService: { network: { allow: ["127.0.0.1/32"], deny: [] } },
    },
  ],
});

const timer = setTimeout(() => {
  console.error(`workerd.mjs: no answer from the Worker after ${timeoutMs} ms`);
  mf.dispose().finally(() => process.exit(1));
}, Number(timeoutMs));

try {
  const response = await mf.dispatchFetch("http://smoke.test/", { method: "POST", body: requestBody() });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`the Worker answered ${response.status}: ${text}`);
  console.log(JSON.stringify({ ...JSON.parse(text), host }));
} finally {
  clearTimeout(timer);
  await mf.dispose();
}
