/**
 * Where a front end listens: `host` (default `127.0.0.1`, loopback only) and `port` (default
 * `0`, a free one), checked the same way for `startMock()` and `startFake()`.
 *
 * @example
 * ```ts
 * checkedListenAddress({ port: 4010 }); // { host: "127.0.0.1", port: 4010 }
 * checkedListenAddress({ port: 70_000 }); // throws RangeError
 * ```
 */
export function checkedListenAddress(options: { host?: string; port?: number }): { host: string; port: number } {
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new RangeError(`@faxkit/mock: port must be an integer 0–65535 (got ${String(port)})`);
  if (typeof host !== "string" || host === "")
    throw new TypeError(`@faxkit/mock: host must be a non-empty string (got ${JSON.stringify(host)})`);
  return { host, port };
}

/**
 * The error of a server that could not listen, naming the address (and a port in use as such).
 *
 * @example
 * ```ts
 * throw listenError(error, "127.0.0.1", 4010); // "@faxkit/mock: cannot listen on 127.0.0.1:4010: port 4010 is already in use"
 * ```
 */
export function listenError(error: unknown, host: string, port: number): Error {
  const reason = (error as NodeJS.ErrnoException).code === "EADDRINUSE" ? `port ${port} is already in use` : (error as Error).message;
  return new Error(`@faxkit/mock: cannot listen on ${host}:${port}: ${reason}`, { cause: error });
}
