/**
 * What it takes to call one API operation: the part of {@link OperationMeta} that
 * `@faxkit/client` ships to every browser bundle, as `operationCalls` in the generated
 * `resources.ts`. The field names and meanings are those of `OperationMeta`, so a full record
 * is also a call record; the client reads these fields as they are and derives nothing from
 * the path template.
 *
 * @example
 * ```ts
 * import { type OperationCall, operationCalls } from "@faxkit/types";
 *
 * const call: OperationCall = operationCalls.getFax;
 * call.method; // "GET"
 * call.pathParams; // ["user_id", "fax_id"]
 * call.requestContentType; // null: the operation takes no body
 * ```
 */
export interface OperationCall {
  /** HTTP method, upper case. */
  readonly method: "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE";
  /** Path template, as in the spec (`/accounts/{user_id}/faxes`). */
  readonly path: string;
  /** Names of the path parameters, in the order the spec lists them; each is a `{name}` of `path`. */
  readonly pathParams: readonly string[];
  /** Names of the query parameters. */
  readonly queryParams: readonly string[];
  /** Names of the header parameters. */
  readonly headerParams: readonly string[];
  /** First media type of the request body, or null when the operation takes none. */
  readonly requestContentType: string | null;
  /** Whether the spec requires the request body. */
  readonly requestBodyRequired: boolean;
}
