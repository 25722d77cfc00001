import type { CommandContext } from "../internal/context.js";
import { UsageError } from "../internal/UsageError.js";
import { demoFaxes } from "./mock-demo.js";

export interface MockOptions {
  prism?: boolean;
  /** Seed the fake with demo faxes (`demoFaxes`). */
  demo?: boolean;
  port: number;
  host?: string;
}

/** A started server, whichever kind. */
interface Served {
  url: string;
  what: string;
  stop(): Promise<void>;
}

/**
 * `faxplus mock`: serves the stateful fake (or with `--prism` the Prism mock) from
 * `@faxkit/mock` (loaded only here: the other commands never pay for it), until SIGINT or SIGTERM.
 *
 * @example
 * ```sh
 * faxplus mock --port 4010 &
 * FAXPLUS_BASE_URL=http://127.0.0.1:4010/v3 FAXPLUS_TOKEN=any faxplus whoami
 * ```
 */
export async function mock(ctx: CommandContext, options: MockOptions): Promise<void> {
  const served = await serve(await import("@faxkit/mock"), options);
  ctx.out(`${served.what} listening on ${ctx.color.bold(served.url)}`);
  ctx.out(`Try: FAXPLUS_BASE_URL=${served.url} FAXPLUS_TOKEN=any-token faxplus whoami`);
  ctx.out("Press Ctrl-C to stop.");
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await served.stop();
  ctx.out("stopped");
}

async function serve(mockPackage: typeof import("@faxkit/mock"), options: MockOptions): Promise<Served> {
  const address = { port: options.port, ...(options.host === undefined ? {} : { host: options.host }) };
  if (options.prism) {
    // Prism answers every call with the spec's examples: there is no state to seed.
    if (options.demo) throw new UsageError("mock: --demo seeds the stateful fake; Prism answers with the spec's examples");
    const server = await mockPackage.startMock(address);
    return { url: server.url, what: `Fax.Plus mock (Prism, ${server.operations} operations)`, stop: () => server.stop() };
  }
  const faxes = options.demo ? demoFaxes(mockPackage.fixtures) : [];
  const server = await mockPackage.startFake({ ...address, seed: { faxes } });
  const what = `Fax.Plus fake (stateful, in memory${options.demo ? `, ${faxes.length} demo faxes` : ""})`;
  return { url: server.url, what, stop: () => server.stop() };
}
