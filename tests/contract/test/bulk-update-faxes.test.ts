/**
 * bulkUpdateFaxes (`PUT /accounts/{user_id}/faxes`) at its limits: the published docs example
 * and the smallest valid bodies succeed; each invalid body is rejected twice over — by the
 * client before anything is sent, and by the server (Prism, or the fake) when the same body is
 * sent raw. On the fake the docs example's IDs are faxes of the account (`cases/fake-seed.ts`).
 */
import { FaxValidationError, validateResponse } from "@faxkit/validator";
import { describe, expect, it } from "vitest";
import { SEED_IDS } from "./cases/operations.js";
import { backendForFile, onFake } from "./helpers/backend.js";
import { contractClient, TOKEN } from "./helpers/client.js";

const server = backendForFile();

/** The docs' cURL example, with only the host changed to the mock's. */
function sendRaw(body: unknown): Promise<Response> {
  return fetch(`${server.url}/accounts/self/faxes`, {
    method: "PUT",
    headers: {
      "Content-Type": "application/json",
      Accept: "application/json",
      Authorization: `Bearer ${TOKEN}`,
      "x-fax-clientid": "YOUR_CLIENT_ID",
    },
    body: JSON.stringify(body),
  });
}

const SEED_EXAMPLE = { ids: SEED_IDS, is_read: true, comment: "updated via bulk" };

describe("valid bodies succeed", () => {
  it("the published docs example (two IDs, is_read: true, comment 'updated via bulk') through fax.faxes.bulkUpdate", async () => {
    const { fax, sent } = contractClient(server.url);
    const result = await fax.faxes.bulkUpdate(SEED_EXAMPLE);
    expect(validateResponse("bulkUpdateFaxes", 200, result, { tolerateDrift: false })).toEqual({ ok: true, drift: [] });
    // The server names the IDs sent, one result per unique ID, as the API does.
    expect(result.results).toEqual(SEED_IDS.map((id) => ({ id, code: 204 })));
    expect(sent.map((r) => `${r.method} ${r.url.pathname}`)).toEqual(["PUT /v3/accounts/self/faxes"]);
  });

  it("the published docs example sent raw, as in the docs' cURL", async () => {
    const response = await sendRaw(SEED_EXAMPLE);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ results: SEED_IDS.map((id) => ({ id, code: 204 })) });
  });

  it.each([
    ["is_read: false alone", { ids: SEED_IDS, is_read: false }],
    ['comment: "" alone (removes the comment)', { ids: SEED_IDS, comment: "" }],
  ] as const)("%s satisfies 'at least one of is_read or comment' (client and raw)", async (_name, body) => {
    const { fax, sent } = contractClient(server.url);
    await expect(fax.faxes.bulkUpdate(body)).resolves.toEqual({ results: SEED_IDS.map((id) => ({ id, code: 204 })) });
    expect(sent).toHaveLength(1);
    expect((await sendRaw(body)).status).toBe(200);
  });
});

const manyIds = (count: number) => Array.from({ length: count }, (_, i) => `66df09cf1d6d0b295c${i.toString(16).padStart(6, "0")}`);

/** Each invalid body, the issue the client reports, and the violation Prism and the fake report. */
const INVALID = [
  {
    name: "101 IDs",
    body: { ids: manyIds(101), is_read: true },
    issue: { path: "/body/ids", keyword: "maxItems" },
    violation: "request.body.ids: Request body property ids must NOT have more than 100 items",
    fakeViolation: "/body/ids: must have at most 100 items (got 101)",
  },
  {
    name: "a 101-character comment",
    body: { ids: SEED_IDS, comment: "x".repeat(101) },
    issue: { path: "/body/comment", keyword: "maxLength" },
    violation: "request.body.comment: Request body property comment must NOT have more than 100 characters",
    fakeViolation: "/body/comment: must be at most 100 characters (got 101)",
  },
  {
    name: "an unknown property",
    body: { ids: SEED_IDS, is_read: true, archived: true },
    issue: { path: "/body/archived", keyword: "additionalProperties" },
    violation: "request.body: Request body must NOT have additional properties; found 'archived'",
    fakeViolation: "/body/archived: is not allowed (unknown property)",
  },
  {
    name: "no ids",
    body: { is_read: true },
    issue: { path: "/body", keyword: "required" },
    violation: "request.body: Request body must have required property 'ids'",
    fakeViolation: "/body: must have required property 'ids'",
  },
  {
    name: "an empty ids list",
    body: { ids: [], is_read: true },
    issue: { path: "/body/ids", keyword: "minItems" },
    violation: "request.body.ids: Request body property ids must NOT have fewer than 1 items",
    fakeViolation: "/body/ids: must have at least 1 item (got 0)",
  },
  {
    name: "neither is_read nor comment",
    body: { ids: SEED_IDS },
    issue: { path: "/body", keyword: "anyOf" },
    violation: "request.body: Request body must match a schema in anyOf",
    fakeViolation: "/body: must have at least one of the properties 'is_read', 'comment'",
  },
  {
    name: "a 33-character ID",
    body: { ids: [SEED_IDS[0], "c".repeat(33)], is_read: true },
    issue: { path: "/body/ids/1", keyword: "maxLength" },
    violation: "request.body.ids.1: Request body property ids.1 must NOT have more than 32 characters",
    fakeViolation: "/body/ids/1: must be at most 32 characters (got 33)",
  },
];

describe.each(INVALID)("$name", ({ body, issue, violation, fakeViolation }) => {
  it("is rejected by the client before sending: FaxValidationError from the validation middleware, no request made", async () => {
    const { fax, sent } = contractClient(server.url);
    const error = await fax.faxes.bulkUpdate(body as never).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FaxValidationError);
    expect((error as FaxValidationError).subject).toEqual({ operationId: "bulkUpdateFaxes", part: "request" });
    expect((error as FaxValidationError).issues).toContainEqual(expect.objectContaining(issue));
    expect(sent).toHaveLength(0);
  });

  it(`is rejected by the ${onFake ? "fake" : "mock"} when sent raw: 400 with the violation in the body${onFake ? "" : " and the sl-violations header"}`, async () => {
    const response = await sendRaw(body);
    expect(response.status).toBe(400);
    // sl-violations is Prism's own header; the fake answers in the API's shape only.
    if (!onFake) expect(response.headers.get("sl-violations")).toBeTruthy();
    const answer = (await response.json()) as { error: string; description: string };
    expect(answer.error).toBe("invalid_request");
    expect(answer.description).toMatch(onFake ? /^request rejected: / : /^mock rejected the request: /);
    expect(answer.description).toContain(onFake ? fakeViolation : violation);
  });
});
