import { operationValidators, type ValidatedOperationId } from "../generated/operations.js";

/** The validators of one operation, as generated. */
export type OperationValidators = (typeof operationValidators)[ValidatedOperationId];

/** Looks an operation up by id; an unknown id is a programming error worth a clear message. */
export function operationById(operationId: string): OperationValidators {
  // hasOwn: "toString" or "constructor" must not find an inherited function.
  const table = operationValidators as Record<string, OperationValidators>;
  const found = Object.hasOwn(table, operationId) ? table[operationId] : undefined;
  if (found === undefined)
    throw new TypeError(`unknown operationId ${JSON.stringify(operationId).slice(0, 80)}: it is not in the Fax.Plus spec`);
  return found;
}
