import type { ArgumentProblem, CalledOperation } from "./call-operation.js";
import { pathParamError } from "./path-param-error.js";

function describe(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}

/** Loaded with the first bad call only. */
export function argumentError(op: CalledOperation, { problem, key, value }: ArgumentProblem): TypeError {
  const { operationId } = op;
  const where = `${op.method} ${op.path}`;
  if (problem === "type")
    return new TypeError(`${operationId}: the argument must be an object of parameters and body fields (got ${describe(key)})`);
  if (problem === "path")
    return value == null || value === ""
      ? new TypeError(`${operationId}: missing required argument "${String(key)}" (a path parameter of ${where})`)
      : pathParamError(String(key), value, `${operationId} (${where})`);
  const accepted = [...op.pathParams, ...op.queryParams, ...op.headerParams].join(", ");
  return new TypeError(`${operationId}: unknown argument "${String(key)}"; it takes ${accepted || "no arguments"}`);
}
