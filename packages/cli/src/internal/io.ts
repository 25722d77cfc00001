import type { Readable, Writable } from "node:stream";

/** A stream the CLI writes to, with what it needs to know about the terminal. */
export type OutStream = Writable & { isTTY?: boolean; columns?: number };

/** The process's streams and environment, passed in so every command reads them one way. */
export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  stdin: Readable & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}
