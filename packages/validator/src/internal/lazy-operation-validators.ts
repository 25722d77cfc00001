import { operationLoaders } from "../generated/operation-loaders.js";
import type { ValidatedOperationId } from "../generated/operations.js";
import type { OperationValidators } from "./operation-lookup.js";

/**
 * The validators of one operation, imported on its first call; `undefined` for an id with
 * no validators (an operation of another version of @faxkit/types). The module system
 * keeps what it imported, so later calls (and concurrent first ones) share one module.
 */
export function loadOperationValidators(operationId: string): Promise<OperationValidators> | undefined {
  // hasOwn: an id such as "toString" must not reach an inherited function.
  return Object.hasOwn(operationLoaders, operationId)
    ? (operationLoaders[operationId as ValidatedOperationId]() as Promise<OperationValidators>)
    : undefined;
}
