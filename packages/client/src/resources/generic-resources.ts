import { type OperationId, type Resources, resources } from "@faxkit/types";
import { calledOperation, callOperation } from "../internal/call-operation.js";
import type { ClientContext } from "../internal/client-context.js";
import type { CallOptions } from "./call-options.js";
import type { ArgsOptional, OperationArgs, OperationData, OperationName } from "./operation-types.js";

/**
 * What a resource method returns: a promise of the data, plus `withResponse()` for the
 * `Response` it came in (status, headers). The body is already read by then: use `data`,
 * not `response.json()`. Errors reject both alike, as the same typed error.
 *
 * @example
 * ```ts
 * const fax = await api.faxes.get({ fax_id }); // the data
 * const { data, response } = await api.faxes.get({ fax_id }).withResponse();
 * response.headers.get("x-ratelimit-remaining");
 * ```
 */
export type ApiPromise<T> = Promise<T> & {
  /** The data with the `Response` it came in (its body already read). */
  withResponse(): Promise<{ data: T; response: Response }>;
};

/** One resource method: one typed argument object (optional when nothing in it is required), per-call options, typed data. */
export type ResourceMethod<Id extends OperationName> =
  ArgsOptional<Id> extends true
    ? (args?: OperationArgs<Id>, options?: CallOptions) => ApiPromise<OperationData<Id>>
    : (args: OperationArgs<Id>, options?: CallOptions) => ApiPromise<OperationData<Id>>;

/** `fax.<group>.<method>` for every operation in the generated resource map. */
export type GenericResources = {
  readonly [G in keyof Resources]: {
    readonly [M in keyof Resources[G]]: ResourceMethod<Resources[G][M] & OperationName>;
  };
};

const RESPONSE = Symbol("response");
type Call = ApiPromise<unknown> & { [RESPONSE]?: Response };

// One function for every call: `withResponse` costs nothing until it is used.
function withResponse(this: Call) {
  return this.then((data) => ({ data, response: this[RESPONSE] as Response }));
}

/**
 * Builds one method per operation from the generated resource map (`@faxkit/types`'
 * `resources`), so a new operation in the spec becomes a method on regeneration with
 * nothing written by hand.
 *
 * @example
 * ```ts
 * const api = buildGenericResources(ctx);
 * await api.faxes.get({ fax_id: "5e7de3ad54cfd54eb568cc76" });
 * ```
 */
export function buildGenericResources(ctx: ClientContext): GenericResources {
  // Null prototypes: a group or method named `__proto__` (a config rename can make one) stays an own key.
  const api: Record<string, Record<string, unknown>> = Object.create(null);
  for (const [group, methods] of Object.entries(resources)) {
    const target: Record<string, unknown> = Object.create(null);
    for (const [method, operationId] of Object.entries(methods as Record<string, OperationId>)) {
      const op = calledOperation(operationId);
      target[method] = (args?: unknown, options?: CallOptions) => {
        const call = callOperation(ctx, op, args, options, (response) => {
          call[RESPONSE] = response;
        }) as Call;
        call.withResponse = withResponse;
        return call;
      };
    }
    api[group] = target;
  }
  return api as GenericResources;
}
