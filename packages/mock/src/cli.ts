import { parseArgs } from "node:util";

const USAGE = `Usage: faxkit-mock [--port 4010] [--host 127.0.0.1] [--dynamic] [--seed N] [--spec file.json]
       faxkit-mock --stateful [--port 4010] [--host 127.0.0.1]

Serves the Fax.Plus REST API v3 mock until Ctrl-C.

  --port, -p N      port to listen on (0: any free port; default 4010)
  --host, -h HOST   interface to listen on (default 127.0.0.1)
  --dynamic, -d     generate bodies from the schemas instead of the spec's examples
  --seed N          seed for --dynamic, so a run can be repeated
  --spec FILE       serve another resolved OpenAPI 3.0 JSON file
  --stateful        serve the stateful fake instead of Prism: an in-memory account that
                    keeps what you create, upload and send (no --dynamic, --seed or --spec)
  --help            print this and exit`;

interface CliValues {
  port?: string;
  host?: string;
  dynamic?: boolean;
  seed?: string;
  spec?: string;
  stateful?: boolean;
  help?: boolean;
}

/** What a started server prints and how it stops. */
interface Served {
  banner: string[];
  stopped: string;
  stop(): Promise<void>;
}

/** `faxkit-mock`: serve the mock (or with `--stateful` the fake) until Ctrl-C, printing the URL and a request to try. */
async function main(argv: string[]): Promise<number> {
  let values: CliValues;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: "string", short: "p" },
        host: { type: "string", short: "h" },
        dynamic: { type: "boolean", short: "d" },
        seed: { type: "string" },
        spec: { type: "string" },
        stateful: { type: "boolean" },
        help: { type: "boolean" },
      },
    }));
  } catch (error) {
    return usageError((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const port = values.port === undefined ? 4010 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) return usageError(`--port must be an integer 0–65535 (got ${values.port})`);
  const prismOnly = (["dynamic", "seed", "spec"] as const).filter((name) => values[name] !== undefined);
  if (values.stateful && prismOnly.length > 0)
    return usageError(
      `--stateful cannot be combined with ${prismOnly.map((name) => `--${name}`).join(", ")} (they configure the Prism mock)`,
    );
  const served = values.stateful ? await serveFake(port, values.host) : await serveMock(port, values);
  process.stdout.write([...served.banner, "Press Ctrl-C to stop.", ""].join("\n"));
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await served.stop();
  process.stdout.write(`${served.stopped}\n`);
  return 0;
}

function usageError(message: string): number {
  process.stderr.write(`faxkit-mock: ${message}\n${USAGE}\n`);
  return 2;
}

async function serveMock(port: number, values: CliValues): Promise<Served> {
  // Loaded after the arguments are checked: Prism takes a second to import.
  const { startMock } = await import("./start-mock.js");
  const mock = await startMock({
    port,
    ...(values.host !== undefined ? { host: values.host } : {}),
    ...(values.dynamic ? { dynamic: true } : {}),
    ...(values.seed !== undefined ? { seed: values.seed } : {}),
    ...(values.spec !== undefined ? { spec: values.spec } : {}),
  });
  return {
    banner: [
      `Fax.Plus mock (${mock.operations} operations) listening on ${mock.url}`,
      "Try:",
      `  curl -s -X PUT ${mock.url}/accounts/self/faxes \\`,
      `    -H "Authorization: Bearer any-token" -H "Content-Type: application/json" \\`,
      `    -d '{"ids":["66df09cf1d6d0b295c363956"],"is_read":true,"comment":"updated via bulk"}'`,
    ],
    stopped: "mock stopped",
    stop: () => mock.stop(),
  };
}

async function serveFake(port: number, host: string | undefined): Promise<Served> {
  const { startFake } = await import("./fake/start-fake.js");
  const fake = await startFake({ port, ...(host !== undefined ? { host } : {}) });
  return {
    banner: [
      `Fax.Plus fake (stateful, in memory) listening on ${fake.url}`,
      "Try:",
      `  curl -s -X POST ${fake.url}/hooks \\`,
      `    -H "Authorization: Bearer any-token" -H "Content-Type: application/json" \\`,
      `    -d '{"target":"http://127.0.0.1:9/faxplus-hook","event":"fax_received"}'`,
      `  curl -s "${fake.url}/hooks?event=fax_received" -H "Authorization: Bearer any-token"`,
    ],
    stopped: "fake stopped",
    stop: () => fake.stop(),
  };
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`faxkit-mock: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
