import { parseArgs } from "node:util";

const USAGE = `Usage: faxkit-mock [--port 4010] [--host 127.0.0.1] [--dynamic] [--seed N] [--spec file.json]

Serves the Fax.Plus REST API v3 mock until Ctrl-C.`;

/** `faxkit-mock`: serve the mock until Ctrl-C, printing the URL and a request to try. */
async function main(argv: string[]): Promise<number> {
  let values: { port?: string; host?: string; dynamic?: boolean; seed?: string; spec?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: "string", short: "p" },
        host: { type: "string", short: "h" },
        dynamic: { type: "boolean", short: "d" },
        seed: { type: "string" },
        spec: { type: "string" },
        help: { type: "boolean" },
      },
    }));
  } catch (error) {
    process.stderr.write(`faxkit-mock: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const port = values.port === undefined ? 4010 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    process.stderr.write(`faxkit-mock: --port must be an integer 0–65535 (got ${values.port})\n`);
    return 2;
  }
  // Loaded after the arguments are checked: Prism takes a second to import.
  const { startMock } = await import("./start-mock.js");
  const mock = await startMock({
    port,
    ...(values.host !== undefined ? { host: values.host } : {}),
    ...(values.dynamic ? { dynamic: true } : {}),
    ...(values.seed !== undefined ? { seed: values.seed } : {}),
    ...(values.spec !== undefined ? { spec: values.spec } : {}),
  });
  process.stdout.write(
    [
      `Fax.Plus mock (${mock.operations} operations) listening on ${mock.url}`,
      "Try:",
      `  curl -s -X PUT ${mock.url}/accounts/self/faxes \\`,
      `    -H "Authorization: Bearer any-token" -H "Content-Type: application/json" \\`,
      `    -d '{"ids":["66df09cf1d6d0b295c363956"],"is_read":true,"comment":"updated via bulk"}'`,
      "Press Ctrl-C to stop.",
      "",
    ].join("\n"),
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await mock.stop();
  process.stdout.write("mock stopped\n");
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`faxkit-mock: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
