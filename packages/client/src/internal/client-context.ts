import type { paths } from "@faxkit/types";
import type { Client } from "openapi-fetch";
import type { CallOptions } from "../resources/call-options.js";
import type { Logger } from "./logger.js";

/** What the resource methods share with the client that made them. Internal. */
export interface ClientContext {
  /** openapi-fetch's client over our transport. */
  readonly client: Client<paths>;
  /** `user_id` used when a call does not give one (option `userId`, default `"self"`). */
  readonly userId: string;
  /** Credentials in play right now (token values, client id, client secret, refresh token), to scrub from errors. */
  secrets(): readonly string[];
  /** The client's logger, already filtered by `logLevel`. */
  readonly logger: Logger;
  /** A `fetch` for one call of `operationId`, carrying its transport overrides (timeout, retries). */
  fetchFor(operationId: string, options: CallOptions | undefined): (request: Request) => Promise<Response>;
}
