const running = new Set<{ stop(): Promise<void> }>();
let hookInstalled = false;

/**
 * Stops `server` when the process is about to exit with it still running (its sockets would
 * close with the process anyway; this ends keep-alive peers cleanly and runs the engine's own
 * cleanup). Returns the function that forgets it, for `stop()` to call.
 *
 * @example
 * ```ts
 * const forget = stopOnExit(server);
 * // in server.stop(): forget(); …
 * ```
 */
export function stopOnExit(server: { stop(): Promise<void> }): () => void {
  running.add(server);
  if (!hookInstalled) {
    hookInstalled = true;
    process.once("beforeExit", () => {
      for (const each of running) void each.stop();
    });
  }
  return () => running.delete(server);
}
