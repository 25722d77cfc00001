import { operationValidators, type ValidatedOperationId } from "../generated/operations.js";

/** The validators of one operation, as generated. */
export type OperationValidators = (typeof operationValidators)[ValidatedOperationId];

/** Looks an operation up by id; an unknown id is a programming error worth a clear message. */
export function operationById(operationId: string): OperationValidators {
  // hasOwn: "toString" or "constructor" must not find an inherited function.
  const table = operationValidators as Record<string, OperationValidators>;
  const found = Object.hasOwn(table, operationId) ? table[operationId] : undefined;
  if (found === undefined) throw new TypeError(`unknown operationId ${JSON.stringify(operationId).slice(0, 80)}: it is not in the Fax.Plus spec`);
  return found;
}

let byRoute: Map<string, OperationValidators> | undefined;

/** Finds an operation by HTTP method and path template (`PUT /accounts/{user_id}/faxes`). */
export function operationByRoute(method: string, pathTemplate: string): OperationValidators | undefined {
  byRoute ??= new Map(Object.values(operationValidators).map((op) => [`${op.method} ${op.path}`, op as OperationValidators]));
  return byRoute.get(`${method.toUpperCase()} ${pathTemplate}`);
}
