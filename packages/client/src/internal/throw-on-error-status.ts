import type { Middleware } from "openapi-fetch";
import type { ClientContext } from "./client-context.js";

/**
 * Per-request openapi-fetch middleware that turns a non-2xx response into the typed error
 * (`NotFoundError`, `RateLimitError`, …) before anything else reads its body. For the file
 * methods; a module of its own so the main entry, whose calls check the status in their
 * fetch, does not carry it.
 *
 * @example
 * ```ts
 * await ctx.client.GET(path, { params, middleware: [throwOnErrorStatus(ctx, "getFile")] });
 * ```
 */
export function throwOnErrorStatus(ctx: ClientContext, operationId: string): Middleware {
  return {
    async onResponse({ request, response }) {
      if (response.ok) return undefined;
      // Loaded on the first error only.
      const { errorFromResponse } = await import("./error-from-response.js");
      throw await errorFromResponse(response, { operationId, method: request.method, url: request.url, secrets: ctx.secrets() });
    },
  };
}
