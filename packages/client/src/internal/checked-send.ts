import type { ClientContext } from "./client-context.js";
import type { TransportOverrides } from "./transport.js";

/**
 * Sends through the client's authenticated transport; a non-2xx answer becomes its typed error
 * (`NotFoundError`, `RateLimitError`, …) before openapi-fetch or any middleware reads its body.
 * The fetch of every resource call, JSON and file methods alike.
 *
 * @example
 * ```ts
 * await ctx.client.GET(path, { params, fetch: (request) => checkedSend(ctx, request, overrides) });
 * ```
 */
export function checkedSend(ctx: ClientContext, request: Request, overrides: TransportOverrides): Promise<Response> {
  return ctx.send(request, overrides).then((response) => (response.ok ? response : typedError(ctx, request, response, overrides)));
}

/** Loaded on the first error only: the happy path's bundle does without it. */
async function typedError(ctx: ClientContext, request: Request, response: Response, overrides: TransportOverrides): Promise<never> {
  const { errorFromResponse } = await import("./error-from-response.js");
  throw await errorFromResponse(response, {
    operationId: overrides.operationId,
    method: request.method,
    url: request.url,
    secrets: ctx.secrets(),
  });
}
