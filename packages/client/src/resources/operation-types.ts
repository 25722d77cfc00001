import type { OperationTypes } from "@faxkit/types";

/**
 * Type-level view of one operation for the resource API: its single argument object
 * (path, query and header parameters plus the JSON body's properties, flattened) and
 * what it resolves to. Derived from openapi-typescript's `operations`, so it follows the spec.
 */

/** An operation's id, as in the spec. */
export type OperationName = keyof OperationTypes;

/** The empty object type: stands in for "nothing here" so intersections stay usable. */
type Nothing = Record<never, never>;
type OrEmpty<T> = [T] extends [never] ? Nothing : [T] extends [undefined] ? Nothing : T;

type Location<Id extends OperationName, Where extends "path" | "query" | "header"> = OrEmpty<
  NonNullable<OperationTypes[Id]["parameters"][Where]>
>;

/** Path parameters, with `user_id` optional: the client fills in its `userId` (default `"self"`). */
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
 * The one argument object of `fax.<group>.<method>()`: parameters and body properties side by
 * side, e.g. `{ fax_id, comment, is_read }` for `updateFax`. Unknown keys are compile errors.
 */
export type OperationArgs<Id extends OperationName> = [keyof AllArgs<Id>] extends [never] ? NoArgs : AllArgs<Id>;

type AllArgs<Id extends OperationName> = Simplify<PathArgs<Id> & Location<Id, "query"> & Location<Id, "header">> & OrEmpty<JsonBody<Id>>;

/** An operation without arguments takes `{}` or nothing: `{}` alone would let any key through. */
type NoArgs = Record<string, never>;

type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 205 | 206;

/** What a successful call resolves to: the 2xx body, or `undefined` for 204. */
export type OperationData<Id extends OperationName> = {
  [S in keyof OperationTypes[Id]["responses"]]: S extends SuccessStatus
    ? OperationTypes[Id]["responses"][S] extends { content: infer C }
      ? C[keyof C]
      : undefined
    : never;
}[keyof OperationTypes[Id]["responses"]];

/** True when every field of the argument object is optional, so the argument may be left out. */
export type ArgsOptional<Id extends OperationName> = Nothing extends OperationArgs<Id> ? true : false;
