import type { ArgumentProblem, CalledOperation } from "./call-operation.js";
import { describeValue } from "./describe-value.js";
import { pathParamError } from "./path-param.js";

/** Loaded with the first bad call only. */
export function argumentError(op: CalledOperation, { problem, key, value }: ArgumentProblem): TypeError {
  const { operationId } = op;
  const where = `${op.method} ${op.path}`;
  if (problem === "type")
    return new TypeError(`${operationId}: the argument must be an object of parameters and body fields (got ${describeValue(key)})`);
  if (problem === "path")
    return value == null || value === ""
      ? new TypeError(`${operationId}: missing required argument ${describeValue(String(key))} (a path parameter of ${where})`)
      : pathParamError(String(key), value, `${operationId} (${where})`);
  const accepted = [...op.pathParams, ...op.queryParams, ...op.headerParams].join(", ");
  return new TypeError(`${operationId}: unknown argument ${describeValue(String(key))}; it takes ${accepted || "no arguments"}`);
}
