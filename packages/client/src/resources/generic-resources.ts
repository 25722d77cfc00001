import { type OperationId, type Resources, resources } from "@faxkit/types";
import type { CalledOperation } from "../internal/call-operation.js";
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

type CallModule = typeof import("../internal/call-operation.js");
// The module's functions themselves: a module namespace's property read is not free on the hot path.
let run: CallModule["callOperation"] | undefined;
let loading: Promise<CallModule> | undefined;

/**
 * The per-call code (argument split, the call, the operation table's use) loads apart from the
 * main entry: a client starts loading it when it is built, and a call before it arrives waits
 * for it. A failed load is tried again by the next call.
 */
function loadCallOperation(): Promise<CallModule> {
  loading ??= import("../internal/call-operation.js").then(
    (module) => {
      run = module.callOperation;
      return module;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

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
  void loadCallOperation().catch(() => undefined); // a failure is reported by the call that needs it
  // Null prototypes: a group or method named `__proto__` (a config rename can make one) stays an own key.
  const api: Record<string, Record<string, unknown>> = Object.create(null);
  for (const [group, methods] of Object.entries(resources)) {
    const target: Record<string, unknown> = Object.create(null);
    for (const [method, operationId] of Object.entries(methods as Record<string, OperationId>)) {
      let op: CalledOperation | undefined;
      target[method] = (args?: unknown, options?: CallOptions) => {
        const seen = (response: Response) => {
          call[RESPONSE] = response;
        };
        const call = (
          run && op
            ? run(ctx, op, args, options, seen)
            : loadCallOperation().then((module) => {
                op ??= module.calledOperation(operationId);
                return module.callOperation(ctx, op, args, options, seen);
              })
        ) as Call;
        call.withResponse = withResponse;
        return call;
      };
    }
    api[group] = target;
  }
  return api as GenericResources;
}
