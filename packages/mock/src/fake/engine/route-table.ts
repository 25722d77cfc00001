import { type OperationId, operations } from "@faxkit/types";

/** What a decoded path (base path removed) matched. */
export type RouteMatch =
  | { kind: "operation"; operationId: OperationId; params: Record<string, string> }
  | { kind: "wrong-method"; allowed: string[] }
  | { kind: "none" };

interface Route {
  operationId: OperationId;
  method: string;
  /** A literal segment, or `{ param }` for a path parameter. */
  segments: Array<string | { param: string }>;
  literals: number;
}

function compile(): Route[] {
  const routes = Object.values(operations).map((op): Route => {
    const segments = op.path
      .split("/")
      .slice(1)
      .map((segment) => {
        const param = /^\{(.+)\}$/.exec(segment)?.[1];
        return param === undefined ? segment : { param };
      });
    return { operationId: op.operationId, method: op.method, segments, literals: segments.filter((s) => typeof s === "string").length };
  });
  // `/accounts/self/member-details/{id}` must win over a template with a parameter where it has `self`.
  return routes.sort((a, b) => b.literals - a.literals);
}

let table: Route[] | undefined;

/**
 * Finds the operation for `method` and raw path segments (still percent-encoded, base path
 * removed). Literal segments are compared encoded, parameters are decoded once, so `%2F` in a
 * parameter stays inside it and never splits the path.
 *
 * @example
 * ```ts
 * matchRoute("GET", ["accounts", "self", "faxes"]); // { kind: "operation", operationId: "listFaxes", params: { user_id: "self" } }
 * ```
 */
export function matchRoute(method: string, rawSegments: readonly string[]): RouteMatch {
  table ??= compile();
  const allowed: string[] = [];
  for (const route of table) {
    const params = matchSegments(route, rawSegments);
    if (params === undefined) continue;
    if (route.method === method) return { kind: "operation", operationId: route.operationId, params };
    if (!allowed.includes(route.method)) allowed.push(route.method);
  }
  return allowed.length > 0 ? { kind: "wrong-method", allowed } : { kind: "none" };
}

function matchSegments(route: Route, rawSegments: readonly string[]): Record<string, string> | undefined {
  if (route.segments.length !== rawSegments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, segment] of route.segments.entries()) {
    const raw = rawSegments[index] as string;
    if (typeof segment === "string") {
      if (raw !== segment) return undefined;
      continue;
    }
    // The caller checked that every segment decodes; an empty one is no parameter value.
    if (raw === "") return undefined;
    Object.defineProperty(params, segment.param, { value: decodeURIComponent(raw), enumerable: true, writable: true, configurable: true });
  }
  return params;
}
