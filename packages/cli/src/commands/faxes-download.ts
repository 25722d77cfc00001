import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { Readable, Transform, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { FileDownload } from "@faxkit/client";
import type { CommandContext } from "../internal/context.js";
import { UsageError } from "../internal/UsageError.js";
import { jsonDocument } from "../output/json-output.js";
import { quoteForTerminal } from "../output/terminal-text.js";

export interface DownloadOptions {
  output?: string;
  force?: boolean;
  format?: "pdf" | "tiff";
}

/**
 * `faxplus faxes download <id> [-o file]`: the fax's document, streamed (never held whole).
 * With `-o`, an existing file is kept unless `--force` (then it is replaced only once the new
 * one is complete); without `-o` the bytes go to stdout, which must not be a terminal.
 *
 * @example
 * ```sh
 * faxplus faxes download 66df09cf1d6d0b295c363956 -o fax.pdf
 * faxplus faxes download 66df09cf1d6d0b295c363956 > fax.pdf
 * ```
 */
export async function faxesDownload(ctx: CommandContext, id: string, options: DownloadOptions): Promise<void> {
  if (options.output === undefined) {
    if (ctx.io.stdout.isTTY) throw new UsageError("download: stdout is a terminal; pass -o <file> or redirect stdout to a file");
    if (ctx.json) throw new UsageError("download: --json needs -o <file> (stdout carries the document)");
  }
  const fax = await ctx.client();
  // A long document may take more than the client's default 5-minute deadline; stalls still time out.
  const document = await fax.files.download(id, {
    deadline: Number.POSITIVE_INFINITY,
    ...(options.format ? { format: options.format } : {}),
  });
  if (options.output === undefined) {
    await pipeline(bodyStream(document), ctx.io.stdout, { end: false });
    return;
  }
  const bytes = await (options.force ? replaceFile : createFile)(options.output, document);
  if (ctx.json) {
    ctx.io.stdout.write(jsonDocument({ id, file: options.output, bytes, contentType: document.contentType }));
    return;
  }
  ctx.out(
    `Saved ${ctx.color.bold(quoteForTerminal(options.output))} (${bytes} bytes, ${quoteForTerminal(document.contentType ?? "unknown type")})`,
  );
}

function bodyStream(document: FileDownload): Readable {
  return Readable.fromWeb(document.body as WebReadableStream<Uint8Array>);
}

/** Creates `path` (refusing an existing one: `wx` is atomic), removing what was written if the download fails. */
async function createFile(path: string, document: FileDownload): Promise<number> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, "wx", 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST")
      throw new UsageError(`download: ${quoteForTerminal(path)} exists; pass --force to replace it`);
    throw error;
  }
  try {
    return await writeTo(handle.createWriteStream(), document);
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
}

/** Writes next to `path`, then renames over it: the old file stays whole until the new one is. */
async function replaceFile(path: string, document: FileDownload): Promise<number> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.part`);
  try {
    const bytes = await writeTo(createWriteStream(temporary, { flags: "wx", mode: 0o644 }), document);
    await rename(temporary, path);
    return bytes;
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function writeTo(sink: Writable, document: FileDownload): Promise<number> {
  let bytes = 0;
  const count = new Transform({
    transform(chunk: Uint8Array, _encoding, done) {
      bytes += chunk.byteLength;
      done(null, chunk);
    },
  });
  await pipeline(bodyStream(document), count, sink);
  return bytes;
}
