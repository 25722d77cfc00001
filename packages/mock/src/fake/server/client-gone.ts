import type { ServerResponse } from "node:http";

/**
 * A signal that aborts when the connection closes before the answer was written: the client
 * went away (or the server was stopped), so a delayed answer has nobody left to wait for.
 *
 * @example
 * ```ts
 * const gone = clientGone(res);
 * await realTimeWait(2_000, gone); // returns early if the client hangs up
 * ```
 */
export function clientGone(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}
