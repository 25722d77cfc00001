/**
 * The global `fetch` as it was when this module was first imported: before the `msw` project's
 * `server.listen()` patches the global one (test/helpers/backend.ts imports this first). Requests
 * through it go to a real socket, so a loopback server of the test (a recording stub, a webhook
 * receiver) gets them on every project; through the patched one MSW would refuse them
 * (`onUnhandledRequest: "error"`). On `prism` and `fake` it is simply the global fetch.
 */
export const socketFetch: typeof fetch = globalThis.fetch.bind(globalThis);
