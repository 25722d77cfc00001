import { validationMiddleware } from "@faxkit/validator";
import { describe, expect, it } from "vitest";
import { createFaxPlusClient } from "../src/index.js";

function recorder(reply: () => Response = () => Response.json({ uid: "u1" })) {
  const sent: Request[] = [];
  const fetch = (async (request: Request) => {
    sent.push(request);
    return reply();
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}

describe("createFaxPlusClient", () => {
  it("sends to the production base URL by default, with the token and client id", async () => {
    const { fetch, sent } = recorder();
    const fax = createFaxPlusClient({ fetch, token: "tok_1", clientId: "cid_1", userAgent: "team-app/1.0" });
    const { data, error } = await fax.GET("/accounts/{user_id}", { params: { path: { user_id: "self" } } });
    expect(error).toBeUndefined();
    expect(data).toEqual({ uid: "u1" });
    const request = sent[0] as Request;
    expect(request.url).toBe("https://restapi.fax.plus/v3/accounts/self");
    expect(request.headers.get("authorization")).toBe("Bearer tok_1");
    expect(request.headers.get("x-fax-clientid")).toBe("cid_1");
    expect(request.headers.get("user-agent")).toBe("team-app/1.0");
  });

  it("reads a token function on every request (rotation)", async () => {
    const { fetch, sent } = recorder();
    let n = 0;
    const fax = createFaxPlusClient({ fetch, baseUrl: "https://mock.test/v3", token: async () => `tok_${++n}` });
    await fax.GET("/accounts", {});
    await fax.GET("/accounts", {});
    expect(sent.map((r) => r.headers.get("authorization"))).toEqual(["Bearer tok_1", "Bearer tok_2"]);
  });

  it("keeps openapi-fetch's behaviour: an error status is returned as `error`, not thrown", async () => {
    const { fetch } = recorder(() => Response.json({ error: "not_found", description: "No such fax" }, { status: 404 }));
    const fax = createFaxPlusClient({ fetch, token: "t" });
    const { data, error, response } = await fax.GET("/accounts/{user_id}/faxes/{fax_id}", {
      params: { path: { user_id: "self", fax_id: "f1" } },
    });
    expect(data).toBeUndefined();
    expect(error).toEqual({ error: "not_found", description: "No such fax" });
    expect(response.status).toBe(404);
  });

  it("retries beneath the raw methods", async () => {
    let calls = 0;
    const fetch = (async () =>
      ++calls < 3 ? new Response("busy", { status: 503 }) : Response.json({ members: [] })) as typeof globalThis.fetch;
    const retries: string[] = [];
    const fax = createFaxPlusClient({ fetch, token: "t", onRetry: (i) => retries.push(i.reason) });
    const { data } = await fax.GET("/accounts", {});
    expect(data).toEqual({ members: [] });
    expect(calls).toBe(3);
    expect(retries).toEqual(["status 503", "status 503"]);
  });

  it("with the validator on, a response is checked from a copy and its data still arrives (raw and resource methods)", async () => {
    const { fetch } = recorder(() => Response.json({ hooks: [] }));
    const fax = createFaxPlusClient({ fetch, token: "t", validate: validationMiddleware() });
    expect(await fax.webhooks.list({ event: "fax_sent" })).toEqual({ hooks: [] });
    expect((await fax.GET("/hooks", { params: { query: { event: "fax_sent" } } })).data).toEqual({ hooks: [] });
    const strict = createFaxPlusClient({
      fetch: recorder(() => Response.json({ uid: 5 })).fetch,
      token: "t",
      validate: validationMiddleware(),
    });
    await expect(strict.accounts.get()).rejects.toThrow("invalid getUser response 200");
  });

  it("plugs in the validator: an invalid request is rejected before it is sent", async () => {
    const { fetch, sent } = recorder();
    const fax = createFaxPlusClient({ fetch, token: "t", validate: validationMiddleware() });
    await expect(
      fax.PUT("/accounts/{user_id}/faxes", { params: { path: { user_id: "self" } }, body: { ids: ["x".repeat(33)], is_read: true } }),
    ).rejects.toThrow("/body/ids/0: must be at most 32 characters (got 33)");
    expect(sent).toHaveLength(0);
  });
});
