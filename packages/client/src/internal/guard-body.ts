import type { BodyGuard } from "./body-guard.js";

export type { BodyGuard };

type Guard = (response: Response, guard: BodyGuard) => Response;

let loaded: Guard | undefined;
let loading: Promise<Guard> | undefined;

/**
 * Starts loading the body guard (body-guard.ts) ahead of the first response, so the first call
 * does not wait for it; later calls find it loaded. Safe to call any number of times; a failed load is tried again by the next response.
 *
 * @example
 * ```ts
 * preloadBodyGuard(); // at createFaxPlusClient
 * ```
 */
export function preloadBodyGuard(): Promise<Guard> {
  loading ??= import("./body-guard.js").then(
    (module) => {
      loaded = module.guardBody;
      return loaded;
    },
    (error: unknown) => {
      loading = undefined; // the next response tries again
      throw error;
    },
  );
  return loading;
}

/**
 * {@link BodyGuard}s `response` as body-guard.ts does (stall, deadline, size, cut, abort), loading
 * it on the first response: every call but the first gets the guarded response at once, and
 * the main entry does without the guard's code until then. Nothing reads the body meanwhile.
 *
 * @example
 * ```ts
 * const guarded = await guardBody(response, { ...context, abort: () => controller.abort() });
 * ```
 */
export function guardBody(response: Response, guard: BodyGuard): Response | Promise<Response> {
  return loaded ? loaded(response, guard) : preloadBodyGuard().then((load) => load(response, guard));
}
