// What both Worker runners post to the Worker: the fake's URL and the fax IDs from the environment
// (as smoke.mjs reads them), and a probe URL: the fake's port on another loopback name, which the
// runner's guard must refuse (if it did not, the request would still stay on this machine).

/** @param {string} name */
function env(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

/** The fake's origin, the only one the Worker may reach. */
export function fakeOrigin() {
  return new URL(env("FAXKIT_FAKE_URL")).origin;
}

/** The JSON body of the one request a runner dispatches to the Worker. */
export function requestBody() {
  const probe = new URL(env("FAXKIT_FAKE_URL"));
  probe.hostname = "localhost";
  return JSON.stringify({ fakeUrl: env("FAXKIT_FAKE_URL"), ids: JSON.parse(env("FAXKIT_FAX_IDS")), probeUrl: probe.href });
}
