import type { LoggedRequest } from "../fake-types.js";
import { LIMITS } from "./limits.js";

/** The latest {@link LIMITS.loggedRequests} requests, oldest first. */
export class RequestLog {
  #entries: LoggedRequest[] = [];

  push(entry: LoggedRequest): void {
    this.#entries.push(entry);
    if (this.#entries.length > LIMITS.loggedRequests) this.#entries.shift();
  }

  /** A copy: what a test holds does not change under it. */
  snapshot(): readonly LoggedRequest[] {
    return this.#entries.slice();
  }

  clear(): void {
    this.#entries = [];
  }
}
