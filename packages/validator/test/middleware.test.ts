import type { paths } from "@faxkit/types";
import createClient from "openapi-fetch";
import { describe, expect, it, vi } from "vitest";
import { type DriftReport, FaxValidationError, type ValidationMiddlewareOptions, validationMiddleware } from "../src/index.js";

/** A client whose fetch records each request and answers with `reply`. */
function clientWith(reply: (request: Request) => Response, options: ValidationMiddlewareOptions = {}) {
  const sent: Request[] = [];
  const client = createClient<paths>({
    baseUrl: "https://restapi.fax.plus/v3",
    fetch: async (request: Request) => {
      sent.push(request.clone());
      return reply(request);
    },
  });
  client.use(validationMiddleware(options));
  return { client, sent };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const bulkResult = { results: [{ id: "a1b2", code: 204 }] };

describe("validationMiddleware", () => {
  it("lets a valid call through and checks the response", async () => {
    const { client, sent } = clientWith(() => json(bulkResult));
    const { data } = await client.PUT("/accounts/{user_id}/faxes", {
      params: { path: { user_id: "self" } },
      body: { ids: ["a1b2"], is_read: false },
    });
    expect(data).toEqual(bulkResult);
    expect(sent).toHaveLength(1);
  });

  it("rejects an invalid request before it is sent", async () => {
    const { client, sent } = clientWith(() => json(bulkResult));
    const call = client.PUT("/accounts/{user_id}/faxes", {
      params: { path: { user_id: "self" } },
      body: { ids: Array.from({ length: 101 }, (_, i) => `id${i}`), is_read: true },
    });
    await expect(call).rejects.toThrow(FaxValidationError);
    await expect(call).rejects.toThrow("invalid bulkUpdateFaxes request: /body/ids: must have at most 100 items (got 101)");
    expect(sent).toHaveLength(0);
  });

  it("lets a multipart upload through (its body is present, not inspected), and still rejects one without a body", async () => {
    const { client, sent } = clientWith(() => json({ path: "/storage/a.pdf" }));
    const form = new FormData();
    form.append("fax_file", new Blob(["%PDF-1.4"], { type: "application/pdf" }), "a.pdf");
    const { data } = await client.POST("/accounts/{user_id}/files", {
      params: { path: { user_id: "self" } },
      body: form as never,
      bodySerializer: (body: unknown) => body as FormData,
    });
    expect(data).toEqual({ path: "/storage/a.pdf" });
    expect(sent).toHaveLength(1);
    const missing = client.POST("/accounts/{user_id}/files", { params: { path: { user_id: "self" } } } as never);
    await expect(missing).rejects.toThrow("invalid uploadFile request: /body: is required");
    expect(sent).toHaveLength(1);
  });

  it("rejects bad query parameters before sending", async () => {
    const { client, sent } = clientWith(() => json({ data: { records: [] } }));
    await expect(client.GET("/accounts/{user_id}/faxes", { params: { path: { user_id: "self" }, query: { limit: 0 } } })).rejects.toThrow(
      "/params/query/limit: must be >= 1 (got 0)",
    );
    expect(sent).toHaveLength(0);
  });

  it("strict mode throws on a response that breaks the spec", async () => {
    const { client } = clientWith(() => json({ results: [{ code: 204 }] }));
    await expect(
      client.PUT("/accounts/{user_id}/faxes", { params: { path: { user_id: "self" } }, body: { ids: ["a"], comment: "" } }),
    ).rejects.toThrow("invalid bulkUpdateFaxes response 200: /results/0: must have required property 'id'");
  });

  it("warn mode logs the mismatch and returns the data", async () => {
    const warn = vi.fn();
    const { client } = clientWith(() => json({ results: [{ code: 204 }] }), { response: "warn", logger: { warn } });
    const { data } = await client.PUT("/accounts/{user_id}/faxes", {
      params: { path: { user_id: "self" } },
      body: { ids: ["a"], comment: "" },
    });
    expect(data).toEqual({ results: [{ code: 204 }] });
    expect(warn).toHaveBeenCalledWith("faxkit: invalid bulkUpdateFaxes response 200: /results/0: must have required property 'id'");
  });

  it("off mode does not look at responses", async () => {
    const { client } = clientWith(() => json({ nonsense: true }), { response: "off" });
    const { data } = await client.PUT("/accounts/{user_id}/faxes", {
      params: { path: { user_id: "self" } },
      body: { ids: ["a"], comment: "" },
    });
    expect(data).toEqual({ nonsense: true });
  });

  it("tolerates drift (new fields, new enum values) and reports it through onDrift", async () => {
    const reports: DriftReport[][] = [];
    const { client } = clientWith(() => json({ results: [{ id: "a", code: 207, batch: "b1" }] }), { onDrift: (r) => reports.push(r) });
    const { data } = await client.PUT("/accounts/{user_id}/faxes", {
      params: { path: { user_id: "self" } },
      body: { ids: ["a"], is_read: true },
    });
    expect(data?.results[0]?.id).toBe("a");
    expect(reports).toEqual([
      [
        { path: "/results/0/code", kind: "unknown-enum-value", value: 207 },
        { path: "/results/0/batch", kind: "unknown-property", value: "b1" },
      ],
    ]);
  });

  it("with tolerateDrift: false an unknown property fails strict mode", async () => {
    const { client } = clientWith(() => json({ results: [{ id: "a", code: 204, batch: "b1" }] }), { tolerateDrift: false });
    await expect(
      client.PUT("/accounts/{user_id}/faxes", { params: { path: { user_id: "self" } }, body: { ids: ["a"], is_read: true } }),
    ).rejects.toThrow("/results/0/batch: is not allowed (unknown property)");
  });

  it("validates documented error bodies and reports a non-JSON one (an HTML gateway page)", async () => {
    const { client } = clientWith(
      () => new Response("<html>502 Bad Gateway</html>", { status: 500, headers: { "content-type": "text/html" } }),
    );
    await expect(
      client.PUT("/accounts/{user_id}/faxes", { params: { path: { user_id: "self" } }, body: { ids: ["a"], is_read: true } }),
    ).rejects.toThrow("invalid bulkUpdateFaxes response 500: /: response body is not valid JSON");
  });

  it("the default drift reporter warns once per operation and path", async () => {
    const warn = vi.fn();
    const { client } = clientWith(() => json({ results: [{ id: "a", code: 204, batch: "b1" }] }), { logger: { warn } });
    for (let n = 0; n < 3; n++) {
      await client.PUT("/accounts/{user_id}/faxes", { params: { path: { user_id: "self" } }, body: { ids: ["a"], is_read: true } });
    }
    expect(warn.mock.calls).toEqual([["faxkit: spec drift in bulkUpdateFaxes 200: unknown-property at /results/0/batch"]]);
  });
});
