/**
 * `@faxkit/validator/middleware`: {@link validationMiddleware}, an openapi-fetch middleware that
 * checks each request before it is sent and each response against the spec. It loads an
 * operation's validators on that operation's first call, so importing it costs no validator.
 *
 * @example
 * ```ts
 * import { validationMiddleware } from "@faxkit/validator/middleware";
 * client.use(validationMiddleware({ response: "warn" }));
 * ```
 *
 * @module @faxkit/validator/middleware
 */
import { loadOperationValidators } from "./internal/lazy-operation-validators.js";
import { operationIdByRoute } from "./internal/operation-routes.js";
import type { DriftReport } from "./internal/runtime.js";

// Everything below is imported only as types or lazily: this module is what an app loads
// up front, so it holds the route lookup, the options and the drift reporter, no validator.

/** Where drift was seen. */
export interface DriftContext {
  /** The operation whose response drifted. */
  operationId: string;
  /** The response's status. */
  status: number;
}

/** Options of {@link validationMiddleware}. */
export interface ValidationMiddlewareOptions {
  /**
   * Reject an invalid request before it is sent (throws `FaxValidationError`). `false`
   * skips requests entirely. Default: true.
   */
  request?: boolean;
  /**
   * Responses: `strict` throws `FaxValidationError` when a body breaks the spec, `warn`
   * logs it and lets the response through, `off` skips the check. Default: `strict`.
   * With `request: false` and `response: "off"` no validator is ever loaded.
   */
  response?: "strict" | "warn" | "off";
  /**
   * Accept properties and enum values the spec does not list yet (the API adds them over
   * time) and report them through `onDrift` instead of failing. Default: true.
   */
  tolerateDrift?: boolean;
  /** Called with what a tolerant check let through. Default: one `logger.warn` per new finding. */
  onDrift?: (reports: DriftReport[], context: DriftContext) => void;
  /** Where `warn` mode and the default drift reporter write. Default: `console`. */
  logger?: {
    /** Writes one warning line. */
    warn(message: string): void;
  };
}

/** The part of openapi-fetch's middleware parameters this middleware reads. */
interface RequestParams {
  request: Request;
  schemaPath: string;
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, unknown> };
}

/** An openapi-fetch middleware (`client.use(...)`). */
export interface ValidationMiddleware {
  /** Checks the request before openapi-fetch sends it. */
  onRequest(params: RequestParams): Promise<undefined>;
  /** Checks the response before openapi-fetch parses it. */
  onResponse(params: RequestParams & { response: Response }): Promise<undefined>;
}

/**
 * The operation openapi-fetch is calling, with its validators and the checks, both loaded
 * on the operation's first call; `undefined` for a route the spec does not have (a custom
 * path the client was pointed at: not ours to judge).
 */
async function loadChecks(request: Request, schemaPath: string) {
  const operationId = operationIdByRoute(request.method, schemaPath);
  const loading = operationId === undefined ? undefined : loadOperationValidators(operationId);
  if (loading === undefined) return undefined;
  const [op, checks] = await Promise.all([loading, import("./internal/call-checks.js")]);
  return { op, checks };
}

/**
 * openapi-fetch middleware that validates every call against the spec: an invalid request
 * is rejected before it leaves (the API would answer 400), and each response is checked
 * against what the spec documents for its status.
 *
 * An operation's validators are loaded the first time that operation is called (a dynamic
 * `import()`, its own chunk in an app bundle), so the middleware adds about 1.6 kB
 * min+gzip to an app's first load (1 kB next to @faxkit/client) instead of every schema;
 * that first call waits for the import. A side that is off (`request: false`,
 * `response: "off"`) loads nothing for that side.
 *
 * @example
 * ```ts
 * import createClient from "openapi-fetch";
 * import type { paths } from "@faxkit/types";
 * import { validationMiddleware } from "@faxkit/validator/middleware";
 *
 * const client = createClient<paths>({ baseUrl: "https://restapi.fax.plus/v3" });
 * client.use(validationMiddleware({ response: "warn", onDrift: (d) => metrics.count("spec_drift", d.length) }));
 * ```
 */
export function validationMiddleware(options: ValidationMiddlewareOptions = {}): ValidationMiddleware {
  const checkRequests = options.request ?? true;
  const responseMode = options.response ?? "strict";
  const tolerateDrift = options.tolerateDrift ?? true;
  const logger = options.logger ?? console;
  const seen = new Set<string>();
  const onDrift =
    options.onDrift ??
    ((reports: DriftReport[], context: DriftContext) => {
      for (const report of reports) {
        const key = `${context.operationId} ${report.kind} ${report.path}`;
        if (seen.has(key)) continue;
        seen.add(key);
        logger.warn(`faxkit: spec drift in ${context.operationId} ${context.status}: ${report.kind} at ${report.path}`);
      }
    });

  return {
    async onRequest({ request, schemaPath, params }) {
      if (!checkRequests) return undefined;
      const loaded = await loadChecks(request, schemaPath);
      if (loaded !== undefined) await loaded.checks.checkOutgoing(loaded.op, { request, params });
      return undefined;
    },

    async onResponse({ request, response, schemaPath }) {
      if (responseMode === "off") return undefined;
      const loaded = await loadChecks(request, schemaPath);
      if (loaded === undefined) return undefined;
      const { drift, error } = await loaded.checks.checkIncoming(loaded.op, response, tolerateDrift);
      if (drift.length > 0) onDrift(drift, { operationId: loaded.op.operationId, status: response.status });
      if (error === undefined) return undefined;
      if (responseMode === "strict") throw error;
      logger.warn(`faxkit: ${error.message}`);
      return undefined;
    },
  };
}
