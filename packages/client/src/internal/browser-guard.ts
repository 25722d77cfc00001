/**
 * Throws in a browser page: a client there ships its credentials to every visitor, so
 * creating one needs `dangerouslyAllowBrowser: true` (as Stainless-made SDKs ask). Workers,
 * Node, Deno and Bun have no `window.document`, and pass.
 *
 * @example
 * ```ts
 * if (!options.dangerouslyAllowBrowser) refuseBrowser();
 * ```
 */
export function refuseBrowser(): void {
  const scope = globalThis as { window?: { document?: unknown }; navigator?: unknown };
  if (scope.window?.document === undefined || scope.navigator === undefined) return;
  throw new Error(
    "createFaxPlusClient: in a browser, the client's credentials reach every visitor. Pass dangerouslyAllowBrowser: true only for the visitor's own OAuth2 access token.",
  );
}
