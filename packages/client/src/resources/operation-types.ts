import type { OperationTypes } from "@faxkit/types";

// Derived from openapi-typescript's `operations`, so the resource API follows the spec.

export type OperationName = keyof OperationTypes;

/** "Nothing here" that keeps intersections usable. */
type Nothing = Record<never, never>;
type OrEmpty<T> = [T] extends [never] ? Nothing : [T] extends [undefined] ? Nothing : T;

type Location<Id extends OperationName, Where extends "path" | "query" | "header"> = OrEmpty<
  NonNullable<OperationTypes[Id]["parameters"][Where]>
>;

/** `user_id` optional: the client fills in its `userId`. */
type PathArgs<Id extends OperationName> =
  Location<Id, "path"> extends { user_id: infer U } ? Omit<Location<Id, "path">, "user_id"> & { user_id?: U } : Location<Id, "path">;

type JsonBody<Id extends OperationName> = OperationTypes[Id] extends { requestBody: infer B }
  ? NonNullable<B> extends { content: { "application/json": infer J } }
    ? J
    : never
  : OperationTypes[Id] extends { requestBody?: infer B }
    ? NonNullable<B> extends { content: { "application/json": infer J } }
      ? J | Nothing
      : never
    : never;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/**
 * Parameters and body properties side by side, e.g. `{ fax_id, comment, is_read }` for `updateFax`.
 *
 * @example
 * ```ts
 * const args: OperationArgs<"updateFax"> = { fax_id, is_read: true };
 * ```
 */
export type OperationArgs<Id extends OperationName> = [keyof AllArgs<Id>] extends [never] ? NoArgs : AllArgs<Id>;

type AllArgs<Id extends OperationName> = Simplify<PathArgs<Id> & Location<Id, "query"> & Location<Id, "header">> & OrEmpty<JsonBody<Id>>;

/** An operation without arguments takes `{}` or nothing: `{}` alone would let any key through. */
type NoArgs = Record<string, never>;

type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 205 | 206;

/**
 * The 2xx body, or `undefined` for 204.
 *
 * @example
 * ```ts
 * type Account = OperationData<"getUser">;
 * ```
 */
export type OperationData<Id extends OperationName> = {
  [S in keyof OperationTypes[Id]["responses"]]: S extends SuccessStatus
    ? OperationTypes[Id]["responses"][S] extends { content: infer C }
      ? C[keyof C]
      : undefined
    : never;
}[keyof OperationTypes[Id]["responses"]];

export type ArgsOptional<Id extends OperationName> = Nothing extends OperationArgs<Id> ? true : false;
