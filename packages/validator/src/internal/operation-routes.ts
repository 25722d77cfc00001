import { operationCalls } from "@faxkit/types";
import type { ValidatedOperationId } from "../generated/operations.js";

let byRoute: Map<string, ValidatedOperationId> | undefined;

/**
 * Finds the operation openapi-fetch is calling from the HTTP method and the path template
 * (`PUT /accounts/{user_id}/faxes`). Read from @faxkit/types' call table rather than from
 * the validators: it is a few bytes per operation, and an app using @faxkit/client has it
 * loaded already, whereas the validators are what the middleware loads lazily.
 */
export function operationIdByRoute(method: string, pathTemplate: string): ValidatedOperationId | undefined {
  byRoute ??= new Map(
    Object.entries(operationCalls).map(([operationId, call]) => [`${call.method} ${call.path}`, operationId as ValidatedOperationId]),
  );
  return byRoute.get(`${method.toUpperCase()} ${pathTemplate}`);
}
