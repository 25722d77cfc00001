// The outbound service of the Worker under test, inside workerd: every fetch the Worker makes
// arrives here. Only the fake's origin (the ALLOWED_ORIGIN binding) is forwarded, and this
// Worker's own outbound is a network limited to 127.0.0.1 (see workerd.mjs); anything else is
// answered 403 here, before a DNS lookup or a connection.
export default {
  /**
   * @param {Request} request
   * @param {{ ALLOWED_ORIGIN: string }} env
   */
  fetch(request, env) {
    const origin = new URL(request.url).origin;
    if (origin === env.ALLOWED_ORIGIN) return fetch(request);
    return new Response(`refused: only ${env.ALLOWED_ORIGIN} is reachable from this test, not ${origin}`, {
      status: 403,
      headers: { "x-faxkit-loopback-guard": "refused" },
    });
  },
};
