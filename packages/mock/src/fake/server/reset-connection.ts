import type { Socket } from "node:net";

/**
 * Drops the connection without an answer, as a crashed upstream or a proxy timing out would:
 * a TCP reset where node can send one (`resetAndDestroy`, node ≥ 16.17), else a plain close.
 * The client sees a network error (fetch: `TypeError: fetch failed`), never an HTTP status.
 *
 * @example
 * ```ts
 * if (answer.fault === "reset") return resetConnection(req.socket);
 * ```
 */
export function resetConnection(socket: Socket): void {
  if (typeof socket.resetAndDestroy === "function") socket.resetAndDestroy();
  else socket.destroy();
}
