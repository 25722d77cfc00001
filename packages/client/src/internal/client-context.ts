import type { paths } from "@faxkit/types";
import type { Client } from "openapi-fetch";
import type { CallOptions } from "../resources/call-options.js";
import type { Logger } from "./logger.js";

/** What the resource methods share with the client that made them. */
export interface ClientContext {
  readonly client: Client<paths>;
  readonly userId: string;
  /** A function: a token function or a refresh adds credentials as the client runs. */
  secrets(): readonly string[];
  readonly logger: Logger;
  fetchFor(operationId: string, options: CallOptions | undefined): (request: Request) => Promise<Response>;
}
