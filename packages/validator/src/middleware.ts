import { FaxValidationError } from "./errors/FaxValidationError.js";
import { operationByRoute } from "./internal/operation-lookup.js";
import type { DriftReport, ResponseValidator } from "./internal/runtime.js";
import { validateRequest } from "./validate-request.js";
import { responseValidatorFor, validateResponse } from "./validate-response.js";

/** Where drift was seen. */
export interface DriftContext {
  operationId: string;
  status: number;
}

/** Options of {@link validationMiddleware}. */
export interface ValidationMiddlewareOptions {
  /** Reject an invalid request before it is sent (throws `FaxValidationError`). Default: true. */
  request?: boolean;
  /**
   * Responses: `strict` throws `FaxValidationError` when a body breaks the spec, `warn`
   * logs it and lets the response through, `off` skips the check. Default: `strict`.
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
  logger?: { warn(message: string): void };
}

/** The part of openapi-fetch's middleware parameters this middleware reads. */
interface RequestParams {
  request: Request;
  schemaPath: string;
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, unknown> };
}

/** An openapi-fetch middleware (`client.use(...)`). */
export interface ValidationMiddleware {
  onRequest(params: RequestParams): Promise<undefined>;
  onResponse(params: RequestParams & { response: Response }): Promise<undefined>;
}

/** Reads a JSON body from a copy of a message; `undefined` when empty. */
async function readJson(message: Request | Response): Promise<{ value: unknown } | { error: string }> {
  const text = await message.clone().text();
  if (text === "") return { value: undefined };
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: `body is not valid JSON (${(error as Error).message.split("\n")[0]})` };
  }
}

function definedOnly(record: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (record === undefined) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
  return out;
}

/**
 * openapi-fetch middleware that validates every call against the spec: an invalid request
 * is rejected before it leaves (the API would answer 400), and each response is checked
 * against what the spec documents for its status.
 *
 * @example
 * ```ts
 * import createClient from "openapi-fetch";
 * import type { paths } from "@faxkit/types";
 * import { validationMiddleware } from "@faxkit/validator";
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
      const op = operationByRoute(request.method, schemaPath);
      if (op === undefined) return undefined;
      let body: unknown;
      if (op.body !== null && request.body !== null) {
        const read = await readJson(request);
        if ("error" in read) {
          throw new FaxValidationError([{ path: "/body", keyword: "json", schemaPath: "", message: `/body: ${read.error}` }], {
            operationId: op.operationId,
            part: "request",
          });
        }
        body = read.value;
      } else if (op.body === null && op.bodyContentType !== null && request.body !== null) {
        // A body that is not JSON (a multipart upload) is not inspected, but it is there.
        body = request.body;
      }
      const result = validateRequest(op.operationId, {
        params: { path: definedOnly(params?.path), query: definedOnly(params?.query), header: definedOnly(params?.header) },
        body,
      });
      if (!result.ok) throw new FaxValidationError(result.issues, { operationId: op.operationId, part: "request" });
      return undefined;
    },

    async onResponse({ request, response, schemaPath }) {
      if (responseMode === "off") return undefined;
      const op = operationByRoute(request.method, schemaPath);
      if (op === undefined) return undefined;
      const validator = responseValidatorFor(op.responses as Record<string, ResponseValidator>, response.status);
      let body: unknown;
      if (validator?.kind === "json" || validator?.kind === "empty") {
        const read = await readJson(response);
        if ("error" in read) body = Symbol.for("faxkit.invalid-json");
        else body = read.value;
      }
      const result =
        typeof body === "symbol"
          ? {
              ok: false as const,
              drift: [],
              issues: [{ path: "/", keyword: "json", schemaPath: "", message: "/: response body is not valid JSON" }],
            }
          : validateResponse(op.operationId, response.status, body, { tolerateDrift });
      if (result.drift.length > 0) onDrift(result.drift, { operationId: op.operationId, status: response.status });
      if (!result.ok) {
        const error = new FaxValidationError(result.issues, { operationId: op.operationId, part: `response ${response.status}` });
        if (responseMode === "strict") throw error;
        logger.warn(`faxkit: ${error.message}`);
      }
      return undefined;
    },
  };
}
