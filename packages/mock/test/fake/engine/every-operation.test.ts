import { type OperationId, operationIds, operations } from "@faxkit/types";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtures } from "../../../src/fake/engine/fixtures.js";
import { handlers } from "../../../src/fake/engine/handlers/index.js";
import type { FakeEngine } from "../../../src/fake/fake-types.js";
import { type CallOptions, call, multipartUpload, newEngine, pdfBytes } from "./harness.js";

const member = fixtures.member();
const fax = fixtures.fax();
const number = fixtures.number();
const hook = fixtures.webhook();
const queued = fixtures.outboxFax();
const deletable = fixtures.fax();
const number2 = fixtures.number();

/** One valid request per operation, against the seeded records above. */
// Partial: a new operation in the spec must not stop the type-check of `pnpm spec:update`; "has a case here" fails instead.
const happy: Partial<Record<OperationId, { method: string; path: string } & CallOptions>> = {
  getAccounts: { method: "GET", path: "/accounts" },
  getUser: { method: "GET", path: "/accounts/self" },
  updateUser: { method: "PUT", path: "/accounts/self", body: { name: "New" } },
  getMemberDetails: { method: "GET", path: `/accounts/self/member-details/${member.uid}` },
  updateMemberDetails: { method: "PUT", path: `/accounts/self/member-details/${member.uid}`, body: { role: "manager" } },
  inviteMembers: { method: "POST", path: "/accounts/self/member-invitations", body: { emails: ["x@example.com"] } },
  resendInvitations: { method: "POST", path: "/accounts/self/member-invitations/resend", body: { emails: ["x@example.com"] } },
  listFaxes: { method: "GET", path: "/accounts/self/faxes", query: "category=inbox&limit=10" },
  bulkUpdateFaxes: { method: "PUT", path: "/accounts/self/faxes", body: { ids: [fax.id], is_read: true } },
  getFax: { method: "GET", path: `/accounts/self/faxes/${fax.id}` },
  updateFax: { method: "PUT", path: `/accounts/self/faxes/${fax.id}`, body: { comment: "c", is_read: false } },
  deleteFax: { method: "DELETE", path: `/accounts/self/faxes/${deletable.id}` },
  uploadFile: { method: "POST", path: "/accounts/self/files", ...multipartUpload(pdfBytes()) },
  getFile: { method: "GET", path: `/accounts/self/files/${fax.id}`, query: "format=pdf" },
  getFaxReport: { method: "GET", path: `/accounts/self/report/${fax.id}` },
  listNumbers: { method: "GET", path: "/accounts/self/numbers" },
  getNumber: { method: "GET", path: `/accounts/self/numbers/${encodeURIComponent(number.number)}` },
  updateNumber: { method: "PUT", path: `/accounts/self/numbers/${encodeURIComponent(number.number)}`, body: { assigned_to: member.uid } },
  revokeNumber: { method: "DELETE", path: `/accounts/${member.uid}/numbers/${encodeURIComponent(number2.number)}` },
  listOutboxFaxes: { method: "GET", path: "/accounts/self/outbox" },
  bulkUpdateOutboxFaxes: { method: "PUT", path: "/accounts/self/outbox", body: { ids: [queued.id], comment: "c" } },
  sendFax: {
    method: "POST",
    path: "/accounts/self/outbox",
    body: { from: "+16699990000", to: ["+12025550100"], files: ["/storage/seeded.pdf"] },
  },
  getOutboxFax: { method: "GET", path: `/accounts/self/outbox/${queued.id}` },
  updateOutboxFax: { method: "PUT", path: `/accounts/self/outbox/${queued.id}`, body: { comment: "c" } },
  deleteOutboxFax: { method: "DELETE", path: `/accounts/self/outbox/${queued.id}` },
  getWebhooks: { method: "GET", path: "/hooks", query: "event=fax_received" },
  createWebhook: { method: "POST", path: "/hooks", body: { target: "http://127.0.0.1:9/x", event: "fax_sent" } },
  deleteWebhook: { method: "DELETE", path: `/hooks/${hook.id}` },
};

let engine: FakeEngine;
beforeAll(() => {
  engine = newEngine();
  engine.seed({
    members: [member],
    faxes: [fax, deletable],
    numbers: [number, { ...number2, assigned_to: [member.uid] }],
    webhooks: [hook],
    outbox: [queued],
    files: [{ path: "/storage/seeded.pdf", bytes: pdfBytes() }],
  });
  return () => engine.close();
});

function caseOf(operationId: OperationId) {
  const entry = happy[operationId];
  if (entry === undefined) throw new Error(`no case for ${operationId}: add one to \`happy\``);
  return entry;
}

describe("every operation of the spec", () => {
  it("has a case here", () => {
    expect(Object.keys(happy).sort()).toEqual([...operationIds].sort());
  });

  it("has a handler in the engine", () => {
    expect(Object.keys(handlers).sort()).toEqual([...operationIds].sort());
  });

  it("without a handler (an operation new in the spec) is answered 501 naming it, and valid requests of others still work", async () => {
    const getFax = handlers.getFax;
    delete handlers.getFax;
    try {
      const answer = await call(engine, "GET", `/v3/accounts/self/faxes/${fax.id}`);
      expect(answer.status).toBe(501);
      expect(answer.json).toMatchObject({ description: expect.stringContaining('"getFax"') });
    } finally {
      handlers.getFax = getFax;
    }
    expect((await call(engine, "GET", `/v3/accounts/self/faxes/${fax.id}`)).status).toBe(200);
  });

  // In document order, so deletes come after the reads of the same record.
  it.each(operationIds.map((id) => [id]))("%s answers a valid request with its documented success, valid strictly", async (operationId) => {
    const { method, path, ...options } = caseOf(operationId);
    const answer = await call(engine, method, `/v3${path}`, { ...options, validateAs: operationId });
    expect(operations[operationId].successStatuses as readonly number[]).toContain(answer.status);
    expect(engine.requests.at(-1)?.operationId).toBe(operationId);
  });

  it.each(operationIds.map((id) => [id]))("%s answers a request without a token 401, valid strictly", async (operationId) => {
    const { method, path, ...options } = caseOf(operationId);
    const answer = await call(engine, method, `/v3${path}`, { ...options, anonymous: true, validateAs: operationId });
    expect(answer.status).toBe(401);
  });
});
