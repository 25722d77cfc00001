import { Command, Option } from "commander";
import { faxesDownload } from "./commands/faxes-download.js";
import { faxesGet } from "./commands/faxes-get.js";
import { DEFAULT_MAX_RECORDS, faxesList } from "./commands/faxes-list.js";
import { faxesMarkRead } from "./commands/faxes-mark-read.js";
import { mock } from "./commands/mock.js";
import { outboxCancel } from "./commands/outbox-cancel.js";
import { outboxList } from "./commands/outbox-list.js";
import { send } from "./commands/send.js";
import { WEBHOOK_EVENTS, webhooksCreate, webhooksDelete, webhooksList } from "./commands/webhooks.js";
import { whoami } from "./commands/whoami.js";
import { type CommandContext, createContext, type GlobalOptions } from "./internal/context.js";
import { ENV } from "./internal/credentials.js";
import type { Io } from "./internal/io.js";
import { collect, integerIn } from "./internal/option-parsers.js";

declare const __CLI_VERSION__: string;

const CREDENTIALS_HELP = `
Credentials (never as an argument: others can read arguments in ps):
  ${ENV.token}                     a Personal Access Token or an OAuth2 access token
  --token-file <path>               a file holding the token
  ${ENV.clientId}, ${ENV.clientSecret}, ${ENV.refreshToken}
                                    OAuth2: the access token is refreshed as needed (${ENV.tokenUrl} optional)

Exit codes: 0 ok, 1 API or validation error (or a fax not delivered), 2 usage, 130 interrupted.`;

/** Runs a command's action with the run's context, built from the options of the whole command line. */
function action<A extends unknown[]>(io: Io, secrets: string[], run: (ctx: CommandContext, ...args: A) => Promise<void>) {
  return async (...received: unknown[]) => {
    const command = received.at(-1) as Command;
    const ctx = createContext(io, command.optsWithGlobals<GlobalOptions>(), secrets);
    await run(ctx, ...(received.slice(0, -1) as A));
  };
}

/**
 * The `faxplus` command line: every command and option, wired to its module. Commander reports
 * its own usage errors (the caller maps them to exit 2) and never exits the process itself.
 *
 * @example
 * ```ts
 * await buildProgram(io, secrets).parseAsync(["faxes", "list", "--json"], { from: "user" });
 * ```
 *
 * `secrets` receives the credentials a command reads, for the caller's error line to scrub.
 */
export function buildProgram(io: Io, secrets: string[]): Command {
  const program = new Command("faxplus")
    .description("The Fax.Plus REST API v3 at a terminal")
    .version(typeof __CLI_VERSION__ === "string" ? __CLI_VERSION__ : "0.0.0")
    .option("--json", "print one JSON document on stdout instead of tables")
    .option("--base-url <url>", `API base URL (default: $FAXPLUS_BASE_URL, else https://restapi.fax.plus/v3)`)
    .option("--token-file <path>", "read the token from this file")
    .addHelpText("after", CREDENTIALS_HELP)
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (text) => void io.stdout.write(text), writeErr: (text) => void io.stderr.write(text) });

  program
    .command("whoami")
    .description("show the account the credentials belong to")
    .action(action(io, secrets, whoami));

  const faxes = program.command("faxes").description("fax records: list, get, mark read, download");
  faxes
    .command("list")
    .description("list faxes, newest first")
    .addOption(new Option("--category <category>", "folder").choices(["inbox", "sent", "spam"]))
    .option("--all", "every page, through listAll")
    .option("--since <date>", "only faxes from then on: ISO date (2026-01-31, 2026-01-31T08:00:00Z) or YYYY-MM-DD HH:mm:ss (UTC)")
    .option("--limit <n>", "records on one page (without --all)", integerIn(1, 50), 50)
    .option("--max <n>", "most records --all gathers", integerIn(1, 1_000_000), DEFAULT_MAX_RECORDS)
    .action(action(io, secrets, faxesList));
  faxes
    .command("get")
    .description("show one fax record")
    .argument("<id>", "fax id")
    .action(action(io, secrets, faxesGet));
  faxes
    .command("mark-read")
    .description("mark faxes read, any number at once (- reads IDs from stdin, one per line)")
    .argument("<ids...>", "fax ids, or - for stdin")
    .option("--concurrency <n>", "requests of 100 IDs in flight", integerIn(1, 16), 4)
    .action(action(io, secrets, faxesMarkRead));
  faxes
    .command("download")
    .description("download a fax's document")
    .argument("<id>", "fax id")
    .option("-o, --output <file>", "write to this file (else stdout, which must not be a terminal)")
    .option("--force", "replace the file if it exists")
    .addOption(new Option("--format <format>", "document format").choices(["pdf", "tiff"]))
    .action(action(io, secrets, faxesDownload));

  program
    .command("send")
    .description("upload documents and send them as one fax")
    .argument("<files...>", "documents: PDF, TIFF, DOC(X), TXT, JPG, PNG, … (at most 10, 30 MB in all)")
    .requiredOption("--from <number>", "your fax number")
    .requiredOption("--to <number>", "destination; repeat, or separate with commas, for several", collect)
    .option("--comment <text>", "comment stored with the fax")
    .option("--wait", "wait until every fax has a final status")
    .option("--wait-timeout <seconds>", "longest wait with --wait", integerIn(1, 86_400), 1_800)
    .option("--poll-interval <ms>", "first pause between polls with --wait (then 1.5x longer each time)", integerIn(100, 60_000), 2_000)
    .action(
      action(
        io,
        secrets,
        (
          ctx,
          files: string[],
          options: { from: string; to: string[]; wait?: boolean; waitTimeout: number; pollInterval: number; comment?: string },
        ) => send(ctx, files, { ...options, waitTimeout: options.waitTimeout * 1000 }),
      ),
    );

  const outbox = program.command("outbox").description("faxes queued and not sent yet");
  outbox
    .command("list")
    .description("list the outbox")
    .action(action(io, secrets, outboxList));
  outbox
    .command("cancel")
    .description("cancel a queued fax")
    .argument("<id>", "outbox id")
    .action(action(io, secrets, outboxCancel));

  const webhooks = program.command("webhooks").description("webhook subscriptions");
  webhooks
    .command("list")
    .description("list webhooks (every event unless --event)")
    .addOption(new Option("--event <event>", "only this event").choices(WEBHOOK_EVENTS))
    .action(action(io, secrets, (ctx, options: { event?: (typeof WEBHOOK_EVENTS)[number] }) => webhooksList(ctx, options.event)));
  webhooks
    .command("create")
    .description("subscribe a URL to an event")
    .requiredOption("--url <url>", "where Fax.Plus POSTs the event")
    .addOption(new Option("--event <event>", "which event").choices(WEBHOOK_EVENTS).makeOptionMandatory())
    .action(action(io, secrets, webhooksCreate));
  webhooks
    .command("delete")
    .description("delete a webhook")
    .argument("<id>", "webhook id")
    .action(action(io, secrets, webhooksDelete));

  program
    .command("mock")
    .description("serve a local Fax.Plus (the stateful fake, or --prism) from @faxkit/mock until Ctrl-C")
    .option("--prism", "serve the Prism mock on the spec instead of the stateful fake")
    .option("--demo", "start the fake with ten demo faxes (received, sent, failed, spam) to try the other commands on")
    .option("-p, --port <port>", "port (0: any free port)", integerIn(0, 65_535), 4010)
    .option("--host <host>", "interface (default 127.0.0.1)")
    .action(action(io, secrets, mock));

  return program;
}
