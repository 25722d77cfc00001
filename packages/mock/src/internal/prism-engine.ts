import type { IHttpConfig, IHttpRequest } from "@stoplight/prism-http";
import type { OpenApiDocument } from "./mock-spec.js";
import type { AnswerPreference } from "./prefer.js";
import { type ProblemAnswer, problemAnswer } from "./prism-problem.js";
import { quoteRequestText } from "./quote-request-text.js";
import { serializeBody } from "./serialize-body.js";
import type { Violation } from "./violations.js";

/** A request as the engine takes it: already checked, decoded and parsed by the front server. */
export interface EngineRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body: unknown;
  preference: AnswerPreference;
}

/** Prism's answer: the status, headers and body bytes it chose, and what it found wrong (`sl-violations`). */
export interface EngineAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | undefined;
  violations: Violation[];
}

export type EngineResult = { kind: "answer"; answer: EngineAnswer } | { kind: "problem"; problem: ProblemAnswer };

const SEVERITY = ["Error", "Warning", "Information", "Hint"];

/**
 * Prism's mocking engine, called in this process without Prism's HTTP server. That server
 * starts each request's work without awaiting it, so anything thrown inside Prism (such as
 * the `URIError` of a path parameter like `%ZZ`) became an unhandled rejection that ended the
 * host process. Here every call is awaited inside `try`: whatever Prism throws or rejects
 * with becomes a 500 for that one request.
 *
 * Prism is imported here, on the first mock started, not when the package is: it takes about a
 * second to load, and `startFake()` and the MSW handlers, which share the package entry, never use it.
 */
export async function createPrismEngine(document: OpenApiDocument, options: { dynamic: boolean; seed: string | undefined }) {
  const [{ createLogger }, { createInstance, getHttpOperationsFromSpec }] = await Promise.all([
    import("@stoplight/prism-core"),
    import("@stoplight/prism-http"),
  ]);
  const operations = await getHttpOperationsFromSpec(document);
  const config: IHttpConfig = {
    isProxy: false,
    upstreamProxy: undefined,
    checkSecurity: true,
    validateRequest: true,
    validateResponse: true,
    errors: false,
    mock: { dynamic: options.dynamic, ...(options.seed !== undefined ? { seed: options.seed } : {}) },
  };
  const prism = createInstance(config, { logger: createLogger("faxkit-mock", { level: "silent" }) });

  async function answer(request: EngineRequest): Promise<EngineResult> {
    try {
      const input: IHttpRequest = {
        method: request.method.toLowerCase() as IHttpRequest["method"],
        url: { path: request.path, baseUrl: firstValue(request.query.__server), query: request.query },
        headers: request.headers,
        body: request.body,
      };
      const outcome = await prism.request(input, operations, { ...config, mock: { ...config.mock, ...request.preference } })();
      if (outcome._tag === "Left") return { kind: "problem", problem: problemAnswer(outcome.left) };
      const { output, validations } = outcome.right;
      const headers = output.headers ?? {};
      return {
        kind: "answer",
        answer: {
          status: output.statusCode,
          headers,
          body: serializeBody(output.body, contentTypeOf(headers)),
          violations: [...validations.input.map(violation("request")), ...validations.output.map(violation("response"))],
        },
      };
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return {
        kind: "problem",
        problem: {
          status: 500,
          headers: {},
          body: { error: "internal_server_error", description: `the mock failed on this request: ${quoteRequestText(message)}` },
        },
      };
    }
  }

  return { operations: operations.length, answer };
}

function violation(prefix: string) {
  return (diagnostic: { path?: string[]; severity: number; code?: string | number; message: string }): Violation => ({
    location: [prefix, ...(diagnostic.path ?? [])],
    severity: SEVERITY[diagnostic.severity] ?? "Error",
    ...(diagnostic.code !== undefined ? { code: diagnostic.code } : {}),
    message: diagnostic.message,
  });
}

function contentTypeOf(headers: Record<string, string>): string | undefined {
  return Object.entries(headers).find(([name]) => name.toLowerCase() === "content-type")?.[1];
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
