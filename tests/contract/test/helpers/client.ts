import { type CallOptions, createFaxPlusClient, type FaxPlusClient, type FileDownload, type OperationData } from "@faxkit/client";
import { type OperationId, resources } from "@faxkit/types";
import { validationMiddleware } from "@faxkit/validator/middleware";
import { type CaseEnv, caseOf, type FileCall, missingCaseAdvice, type ResourceOperationId } from "../cases/operations.js";

export const TOKEN = "contract-test-token";

/** One request as it left the client (after its transport, so retries count one each). */
export interface SentRequest {
  method: string;
  url: URL;
  headers: Headers;
}

/**
 * A fetch that records every request it sends before passing it on: to `send`, or to the
 * global fetch as it is at call time (on the `msw` project, MSW's).
 */
export function recordingFetch(send?: typeof fetch): { fetch: typeof fetch; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const wrapped = ((input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    sent.push({ method: request.method, url: new URL(request.url), headers: new Headers(request.headers) });
    return (send ?? globalThis.fetch)(input, init);
  }) as typeof fetch;
  return { fetch: wrapped, sent };
}

export interface ContractClientOptions {
  /** Validate requests before sending (default true). Responses are always validated strictly. */
  requestValidation?: boolean;
  /** Client `maxRetries` (default 0: one request per call, so counts are exact and 500s are quick). */
  maxRetries?: number;
  /** What finally sends each request (default: the global fetch); `socketFetch` for a loopback stub on every project. */
  fetch?: typeof fetch;
}

/**
 * A client the way the contract is checked: request validation on, response validation
 * `strict` without drift tolerance (a response the spec does not allow throws), and a
 * recording fetch.
 */
export function contractClient(baseUrl: string, options: ContractClientOptions = {}): { fax: FaxPlusClient; sent: SentRequest[] } {
  const { fetch, sent } = recordingFetch(options.fetch);
  const fax = createFaxPlusClient({
    baseUrl,
    token: TOKEN,
    fetch,
    maxRetries: options.maxRetries ?? 0,
    validate: validationMiddleware({ request: options.requestValidation ?? true, response: "strict", tolerateDrift: false }),
  });
  return { fax, sent };
}

/** `fax.<group>.<method>` of an operation, from the generated resource map. */
export function resourcePath(operationId: OperationId): { group: string; method: string } {
  for (const [group, methods] of Object.entries(resources))
    for (const [method, id] of Object.entries(methods as Record<string, string>)) if (id === operationId) return { group, method };
  throw new Error(`${operationId} is not in the resource map of @faxkit/types`);
}

/** The resource method of an operation, typed by its operationId. */
export function resourceMethod<Id extends ResourceOperationId>(
  fax: FaxPlusClient,
  operationId: Id,
): (args: unknown, options?: CallOptions) => Promise<OperationData<Id>> {
  const { group, method } = resourcePath(operationId);
  const fn = (fax as unknown as Record<string, Record<string, unknown>>)[group]?.[method];
  if (typeof fn !== "function") throw new Error(`fax.${group}.${method} (${operationId}) is not a function`);
  return fn as (args: unknown, options?: CallOptions) => Promise<OperationData<Id>>;
}

/** What a case's call resolved to: the typed data, or for downloads the document read whole. */
export type CallResult =
  | { kind: "data"; data: unknown }
  | { kind: "document"; contentType: string | null; fileName: string | null; bytes: Uint8Array };

async function readDocument(download: FileDownload): Promise<CallResult> {
  const bytes = new Uint8Array(await download.arrayBuffer());
  return { kind: "document", contentType: download.contentType, fileName: download.fileName, bytes };
}

/** Runs a `fax.files.*` call with extra per-call options (headers, …) merged in. */
export async function runFileCall(fax: FaxPlusClient, call: FileCall, extra: CallOptions = {}): Promise<CallResult> {
  switch (call.method) {
    case "upload":
      return { kind: "data", data: await fax.files.upload(call.file, { ...call.options, ...extra }) };
    case "download":
      return readDocument(await fax.files.download(call.faxId, { ...call.options, ...extra }));
    case "report":
      return readDocument(await fax.files.report(call.faxId, { ...call.options, ...extra }));
  }
}

/** Runs one variant of the case of an operation through the resource API. */
export async function runCase(
  fax: FaxPlusClient,
  operationId: OperationId,
  variant: "required" | "all",
  env: CaseEnv,
  extra: CallOptions = {},
): Promise<CallResult> {
  const entry = caseOf(operationId);
  if (entry === undefined) throw new Error(missingCaseAdvice(operationId));
  if (entry.kind === "file") return runFileCall(fax, entry[variant](env) as FileCall, extra);
  const args = (entry[variant] as (env: CaseEnv) => unknown)(env);
  const options = Object.keys(extra).length > 0 ? extra : undefined;
  const data = await resourceMethod(fax, operationId as ResourceOperationId)(args, options);
  return { kind: "data", data };
}
