/**
 * The client where openapi-fetch's `Client<paths>` is expected: openapi-react-query takes it as
 * it is (no cast), and its query options run real queries against the mock through the
 * client's transport (responses validated strictly by the contract client's middleware) — the way an app prefetches with `queryClient.fetchQuery($api.queryOptions(…))`.
 * Runs against Prism and against the fake (which holds FAX_ID: `cases/fake-seed.ts`).
 */

import type { paths } from "@faxkit/types";
import { isFax, isFaxList, validateResponse } from "@faxkit/validator";
import { QueryClient } from "@tanstack/react-query";
import createQueryClient, { type OpenapiQueryClient } from "openapi-react-query";
import { afterEach, describe, expect, it } from "vitest";
import { FAX_ID } from "./cases/operations.js";
import { responseExample } from "./cases/spec.js";
import { backendForFile, onFake } from "./helpers/backend.js";
import { contractClient, type SentRequest, TOKEN } from "./helpers/client.js";

const server = backendForFile();
const FAX_PATH = "/accounts/{user_id}/faxes/{fax_id}";

let queries: QueryClient | undefined;
afterEach(() => queries?.clear());

function setup(): { $api: OpenapiQueryClient<paths>; sent: SentRequest[] } {
  const { fax, sent } = contractClient(server.url);
  queries = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return { $api: createQueryClient(fax), sent };
}

describe("openapi-react-query over the faxkit client", () => {
  it("fetches a fax through queryOptions, with the client's credentials, and the data is the server's", async () => {
    const { $api, sent } = setup();
    const options = $api.queryOptions("get", FAX_PATH, { params: { path: { user_id: "self", fax_id: FAX_ID } } });
    const data = await (queries as QueryClient).fetchQuery(options);

    expect(isFax(data)).toBe(true);
    expect(typeof data?.id).toBe("string");
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url.pathname).toBe(`/v3/accounts/self/faxes/${FAX_ID}`);
    expect(sent[0]?.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
  });

  it("caches by the query key: a second fetch of the same fax sends nothing", async () => {
    const { $api, sent } = setup();
    const options = $api.queryOptions("get", FAX_PATH, { params: { path: { user_id: "self", fax_id: FAX_ID } } });
    await (queries as QueryClient).fetchQuery({ ...options, staleTime: 60_000 });
    await (queries as QueryClient).fetchQuery({ ...options, staleTime: 60_000 });
    expect(sent).toHaveLength(1);
  });

  it("rejects the query with the API's error body on an error status, as openapi-fetch's error", async () => {
    const { $api } = setup();
    // Prism answers the spec's 404 example when asked (Prefer); the fake answers its own 404 for a fax it does not hold.
    const faxId = onFake ? "ffffffffffffffffffffffff" : FAX_ID;
    const options = $api.queryOptions("get", FAX_PATH, {
      params: { path: { user_id: "self", fax_id: faxId } },
      ...(onFake ? {} : { headers: { Prefer: "code=404" } }),
    });
    const failure = await (queries as QueryClient).fetchQuery(options).catch((error: unknown) => error);
    if (onFake) {
      expect(failure).toEqual({ error: "not_found", description: expect.stringContaining(faxId) });
      expect(validateResponse("getFax", 404, failure, { tolerateDrift: false })).toEqual({ ok: true, drift: [] });
    } else expect(failure).toEqual(responseExample("getFax", 404));
  });

  it("passes query parameters through: a list query reaches the server with them", async () => {
    const { $api, sent } = setup();
    const options = $api.queryOptions("get", "/accounts/{user_id}/faxes", {
      params: { path: { user_id: "self" }, query: { category: "inbox", limit: 5 } },
    });
    const data = await (queries as QueryClient).fetchQuery(options);
    expect(isFaxList(data)).toBe(true);
    expect(sent[0]?.url.searchParams.get("category")).toBe("inbox");
    expect(sent[0]?.url.searchParams.get("limit")).toBe("5");
  });
});
