// STUB — being implemented (issue 4). Signature fixed; body to be written.
import type { Fax, FaxCategory } from "@faxkit/types";
import type { ClientContext } from "../internal/client-context.js";
import type { CallOptions } from "./call-options.js";

/** Arguments of `fax.faxes.listAll`. */
export interface ListAllArgs {
  category?: FaxCategory;
  /** Only faxes from this UTC time on, `YYYY-MM-DD HH:mm:ss`. */
  after?: string;
  /** Only faxes before this UTC time, `YYYY-MM-DD HH:mm:ss`. */
  before?: string;
  /** Records per request, 1–50 (default 50). */
  pageSize?: number;
  user_id?: string;
}

export function createListAll(_ctx: ClientContext): (args?: ListAllArgs, options?: CallOptions) => AsyncIterableIterator<Fax> {
  return () => {
    throw new Error("listAll is not implemented yet");
  };
}
