import type { AccountList, BulkOperationResultFax, Fax, FaxList, WebhookList } from "@faxkit/types";
import { describe, expectTypeOf, it } from "vitest";
import type { FaxPlusClient, OperationArgs, OperationData } from "../src/index.js";

declare const fax: FaxPlusClient;
const sendArgs = { from: "+12345678901", to: ["+12345678902"], files: ["/storage/a.pdf"] };

describe("resource API: arguments", () => {
  it("accepts the documented arguments", () => {
    fax.faxes.get({ fax_id: "f1" });
    fax.faxes.list({ category: "inbox", limit: 20, after: "2024-01-01 00:00:00" });
    fax.faxes.update({ fax_id: "f1", is_read: true, comment: "done" });
    fax.outbox.send(sendArgs);
    fax.webhooks.list({ event: "fax_received" });
    fax.numbers.revoke({ number: "+15550001" });
    fax.accounts.update({ name: "Ada" });
  });

  it("rejects an unknown key (excess property)", () => {
    // @ts-expect-error faxId is not an argument of getFax
    fax.faxes.get({ fax_id: "f1", faxId: "f1" });
    // @ts-expect-error categroy is not an argument of listFaxes
    fax.faxes.list({ categroy: "inbox" });
    // @ts-expect-error read is not a field of the bulk update body
    fax.faxes.bulkUpdate({ ids: ["a"], is_read: true, read: true });
    // @ts-expect-error bogus is not a field of the optional updateUser body
    fax.accounts.update({ bogus: 1 });
  });

  it("rejects a missing required argument", () => {
    // @ts-expect-error fax_id is required
    fax.faxes.get({});
    // @ts-expect-error fax_id is required
    fax.faxes.delete({ user_id: "self" });
    // @ts-expect-error ids is required
    fax.faxes.bulkUpdate({ is_read: true });
    // @ts-expect-error ids is required
    fax.outbox.bulkUpdate({ comment: "x" });
    // @ts-expect-error from is required in the sendFax body
    fax.outbox.send({ to: ["+12345678902"], files: ["/storage/a.pdf"] });
    // @ts-expect-error event is a required query parameter
    fax.webhooks.list({});
    // @ts-expect-error is_read and comment are required in the updateFax body
    fax.faxes.update({ fax_id: "f1" });
  });

  it("rejects a wrong type", () => {
    // @ts-expect-error fax_id is a string
    fax.faxes.get({ fax_id: 5 });
    // @ts-expect-error limit is a number
    fax.faxes.list({ limit: "20" });
    // @ts-expect-error category is one of inbox, sent, spam
    fax.faxes.list({ category: "trash" });
    // @ts-expect-error is_read is a boolean
    fax.faxes.bulkUpdate({ ids: ["a"], is_read: "yes" });
    // @ts-expect-error ids is a list
    fax.faxes.bulkUpdate({ ids: "a", is_read: true });
    // @ts-expect-error comment is a string (optional body)
    fax.outbox.update({ outbox_fax_id: "o1", comment: 5 });
    // @ts-expect-error email is a string (optional body)
    fax.accounts.update({ email: 123 });
    // @ts-expect-error user_id is a string
    fax.faxes.get({ fax_id: "f1", user_id: 7 });
  });

  it("needs is_read or comment in a bulk update", () => {
    fax.faxes.bulkUpdate({ ids: ["a"], is_read: true });
    fax.faxes.bulkUpdate({ ids: ["a"], comment: "" });
    fax.faxes.bulkUpdate({ ids: ["a"], is_read: false, comment: "x" });
    // @ts-expect-error neither is_read nor comment
    fax.faxes.bulkUpdate({ ids: ["a"] });
    // @ts-expect-error neither is_read nor comment, user_id does not count
    fax.faxes.bulkUpdate({ ids: ["a"], user_id: "self" });
  });

  it("makes user_id optional and accepts it", () => {
    fax.faxes.get({ fax_id: "f1" });
    fax.faxes.get({ fax_id: "f1", user_id: "member-7" });
    fax.faxes.list({ user_id: "member-7" });
    expectTypeOf<OperationArgs<"getFax">>().toEqualTypeOf<{ fax_id: string; user_id?: string }>();
  });

  it("lets the argument be left out only when nothing in it is required", () => {
    fax.accounts.list();
    fax.faxes.list();
    fax.outbox.list();
    fax.numbers.list();
    fax.accounts.get();
    fax.accounts.update();
    // @ts-expect-error fax_id is required
    fax.faxes.get();
    // @ts-expect-error ids is required
    fax.faxes.bulkUpdate();
    // @ts-expect-error event is required
    fax.webhooks.list();
    // @ts-expect-error the invitation body is required
    fax.accounts.inviteMembers();
    expectTypeOf(fax.accounts.list).parameter(0).toEqualTypeOf<OperationArgs<"getAccounts"> | undefined>();
    expectTypeOf(fax.faxes.get).parameter(0).toEqualTypeOf<OperationArgs<"getFax">>();
  });

  it("types the per-call options", () => {
    fax.faxes.get({ fax_id: "f1" }, { timeout: 5_000, maxRetries: 0, retry: false, headers: { "x-request-id": "r" } });
    // @ts-expect-error timeout is in ms, a number
    fax.faxes.get({ fax_id: "f1" }, { timeout: "5s" });
    // @ts-expect-error retries is not an option (maxRetries is)
    fax.faxes.get({ fax_id: "f1" }, { retries: 1 });
  });

  it("an operation without arguments rejects unknown keys at compile time", () => {
    fax.accounts.list();
    fax.accounts.list({});
    // @ts-expect-error getAccounts takes no arguments
    fax.accounts.list({ bogus: 1 });
  });
});

describe("resource API: results", () => {
  it("resolves to the operation's 2xx body", () => {
    expectTypeOf(fax.faxes.get).returns.resolves.toEqualTypeOf<Fax>();
    expectTypeOf(fax.faxes.list).returns.resolves.toEqualTypeOf<FaxList>();
    expectTypeOf(fax.faxes.bulkUpdate).returns.resolves.toEqualTypeOf<BulkOperationResultFax>();
    expectTypeOf(fax.accounts.list).returns.resolves.toEqualTypeOf<AccountList>();
    expectTypeOf(fax.webhooks.list).returns.resolves.toEqualTypeOf<WebhookList>();
    expectTypeOf<OperationData<"getFax">>().toEqualTypeOf<Fax>();
  });

  it("resolves to undefined on 204", () => {
    expectTypeOf(fax.faxes.delete).returns.resolves.toEqualTypeOf<undefined>();
    expectTypeOf(fax.faxes.update).returns.resolves.toEqualTypeOf<undefined>();
    expectTypeOf(fax.outbox.delete).returns.resolves.toEqualTypeOf<undefined>();
    expectTypeOf<OperationData<"deleteFax">>().toEqualTypeOf<undefined>();
  });
});

describe("resource API: names", () => {
  it("has no method the resource map lacks", () => {
    // @ts-expect-error faxes has get, not fetch
    fax.faxes.fetch;
    // @ts-expect-error getFax is an operationId, not a method name
    fax.faxes.getFax;
    // @ts-expect-error there is no group named fax
    fax.fax;
    expectTypeOf(fax.faxes).toHaveProperty("bulkUpdate");
    expectTypeOf(fax.faxes).toHaveProperty("bulkUpdateAll");
    expectTypeOf(fax.faxes).toHaveProperty("listAll");
    expectTypeOf(fax.outbox).toHaveProperty("send");
  });
});
