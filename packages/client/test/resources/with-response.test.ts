import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFaxPlusClient, NotFoundError, RateLimitError, ResponseParseError } from "../../src/index.js";
import { type FaultServer, json, startFaultServer } from "../helpers/fault-server.js";

/**
 * `.withResponse()` on every resource call: the same data as awaiting the call, with the
 * `Response` it came in (status, headers), over a real loopback connection. Errors reject
 * from `withResponse()` as the same typed errors.
 */
let server: FaultServer;
const FAX = { id: "f1", comment: "hello", is_read: false };

beforeAll(async () => {
  server = await startFaultServer({
    "/v3/accounts/self/faxes/f1": (_req, res) => json(res, 200, FAX, { "x-request-id": "req-42", "x-ratelimit-remaining": "99" }),
    "/v3/accounts/self/faxes/gone": (_req, res) => json(res, 404, { error: "not_found", description: "No such fax" }),
    "/v3/accounts/self/faxes/busy": (_req, res) => json(res, 429, { error: "too_many_requests" }, { "retry-after": "7" }),
    "/v3/accounts/self/faxes/garbled": (_req, res) => res.writeHead(200, { "content-type": "application/json" }).end("{not json"),
    "/v3/accounts/self/outbox/o1": (_req, res) => res.writeHead(204, { "x-request-id": "req-43" }).end(),
  });
});
afterAll(() => server.close());

const client = () => createFaxPlusClient({ baseUrl: `${server.url}/v3`, token: "tok_SECRET_1", maxRetries: 0 });

describe("withResponse()", () => {
  it("gives the data and the response, whose status and headers are readable", async () => {
    const { data, response } = await client().faxes.get({ fax_id: "f1" }).withResponse();
    expect(data).toEqual(FAX);
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(response.ok).toBe(true);
    expect(response.headers.get("x-request-id")).toBe("req-42");
    expect(response.headers.get("x-ratelimit-remaining")).toBe("99");
    expect(response.url).toBe(`${server.url}/v3/accounts/self/faxes/f1`);
  });

  it("awaiting the call directly still gives just the data", async () => {
    expect(await client().faxes.get({ fax_id: "f1" })).toEqual(FAX);
  });

  it("a 204 gives undefined data and the 204 response", async () => {
    const { data, response } = await client().outbox.delete({ outbox_fax_id: "o1" }).withResponse();
    expect(data).toBeUndefined();
    expect(response.status).toBe(204);
    expect(response.headers.get("x-request-id")).toBe("req-43");
  });

  it("the response's body is already read: the data is the way to it", async () => {
    const { response } = await client().faxes.get({ fax_id: "f1" }).withResponse();
    expect(response.bodyUsed).toBe(true);
    await expect(response.json()).rejects.toThrow(TypeError);
  });

  it("an error status rejects withResponse() with the typed error, carrying status and headers", async () => {
    const error = await client()
      .faxes.get({ fax_id: "gone" })
      .withResponse()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).status).toBe(404);
    expect((error as NotFoundError).code).toBe("not_found");

    const limited = await client()
      .faxes.get({ fax_id: "busy" })
      .withResponse()
      .catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimitError);
    expect((limited as RateLimitError).retryAfter).toBe(7);
    expect((limited as RateLimitError).headers?.["retry-after"]).toBe("7");
  });

  it("a 2xx body that is not JSON rejects withResponse() with ResponseParseError", async () => {
    const error = await client()
      .faxes.get({ fax_id: "garbled" })
      .withResponse()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect((error as ResponseParseError).rawBody).toBe("{not json");
  });

  it("an argument error rejects withResponse() too, and nothing is sent", async () => {
    const before = server.totalHits();
    const error = await client()
      // @ts-expect-error fax_id is required
      .faxes.get({})
      .withResponse()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(server.totalHits()).toBe(before);
  });

  it("works on the Date-taking faxes.list as well", async () => {
    const { response } = await createFaxPlusClient({
      baseUrl: `${server.url}/v3`,
      token: "t",
      maxRetries: 0,
      fetch: async () => Response.json({ data: { records: [] } }, { headers: { "x-page": "1" } }),
    })
      .faxes.list({ after: new Date("2026-01-01T00:00:00Z") })
      .withResponse();
    expect(response.headers.get("x-page")).toBe("1");
  });
});
