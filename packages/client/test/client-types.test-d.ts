import type { Fax, paths } from "@faxkit/types";
import type { Client } from "openapi-fetch";
import { describe, expectTypeOf, it } from "vitest";
import { type ApiPromise, createFaxPlusClient, type FaxPlusClient, type OperationData } from "../src/index.js";

declare const fax: FaxPlusClient;

describe("openapi-fetch compatibility", () => {
  it("a client is assignable to openapi-fetch's Client<paths> (what openapi-react-query and swr-openapi take)", () => {
    const client: Client<paths> = createFaxPlusClient();
    expectTypeOf(fax).toExtend<Client<paths>>();
    expectTypeOf(client.GET).toEqualTypeOf<Client<paths>["GET"]>();
  });

  it("has every method of Client<paths>, typed as openapi-fetch types them", () => {
    expectTypeOf(fax.request).toEqualTypeOf<Client<paths>["request"]>();
    expectTypeOf(fax.OPTIONS).toEqualTypeOf<Client<paths>["OPTIONS"]>();
    expectTypeOf(fax.HEAD).toEqualTypeOf<Client<paths>["HEAD"]>();
    expectTypeOf(fax.PATCH).toEqualTypeOf<Client<paths>["PATCH"]>();
    expectTypeOf(fax.TRACE).toEqualTypeOf<Client<paths>["TRACE"]>();
    expectTypeOf(fax.use).toEqualTypeOf<Client<paths>["use"]>();
    expectTypeOf(fax.eject).toEqualTypeOf<Client<paths>["eject"]>();
  });

  it("request() is path-typed like GET", () => {
    fax.request("get", "/accounts/{user_id}/faxes/{fax_id}", { params: { path: { user_id: "self", fax_id: "f1" } } });
    // @ts-expect-error not a path of the API
    fax.request("get", "/nope", {});
  });
});

describe("withResponse()", () => {
  it("a resource call is an ApiPromise: awaiting it gives the data", async () => {
    expectTypeOf(fax.faxes.get({ fax_id: "f1" })).toEqualTypeOf<ApiPromise<OperationData<"getFax">>>();
    expectTypeOf(await fax.faxes.get({ fax_id: "f1" })).toEqualTypeOf<Fax>();
    expectTypeOf(fax.faxes.get({ fax_id: "f1" })).toExtend<Promise<Fax>>();
  });

  it("withResponse() gives the same data and a Response", async () => {
    const { data, response } = await fax.faxes.get({ fax_id: "f1" }).withResponse();
    expectTypeOf(data).toEqualTypeOf<Fax>();
    expectTypeOf(response).toEqualTypeOf<Response>();
    expectTypeOf((await fax.outbox.delete({ outbox_fax_id: "o1" }).withResponse()).data).toEqualTypeOf<OperationData<"deleteOutboxFax">>();
  });

  it("faxes.list (which also takes a Date) keeps withResponse()", () => {
    expectTypeOf(fax.faxes.list({ after: new Date() }).withResponse).toBeFunction();
  });

  it("bulkUpdateAll and listAll have no single response, so no withResponse()", () => {
    // @ts-expect-error bulkUpdateAll sends many requests
    fax.faxes.bulkUpdateAll({ ids: ["a"], is_read: true }).withResponse();
    // @ts-expect-error listAll is an async iterator of records
    fax.faxes.listAll().withResponse();
  });
});
