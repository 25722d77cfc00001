import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixtures } from "../../../src/fake/engine/fixtures.js";
import type { FakeEngine } from "../../../src/fake/fake-types.js";
import { call, newEngine } from "./harness.js";

let engine: FakeEngine;
beforeEach(() => {
  engine = newEngine();
});
afterEach(() => engine.close());

describe("the account", () => {
  it("reads self, and the same account by its uid", async () => {
    const self = await call(engine, "GET", "/v3/accounts/self", { validateAs: "getUser" });
    expect(self.json.account_type).toBe("corporate_admin");
    const byUid = await call(engine, "GET", `/v3/accounts/${self.json.uid}`, { validateAs: "getUser" });
    expect(byUid.json).toEqual(self.json);
  });

  it("changes only the fields sent, merging nested settings", async () => {
    const before = (await call(engine, "GET", "/v3/accounts/self")).json;
    const answer = await call(engine, "PUT", "/v3/accounts/self", {
      body: { lastname: "Lovelace", settings: { caller_id_name: "Ada Inc" } },
      validateAs: "updateUser",
    });
    expect(answer.status).toBe(204);
    const after = (await call(engine, "GET", "/v3/accounts/self", { validateAs: "getUser" })).json;
    expect(after).toEqual({ ...before, lastname: "Lovelace", settings: { ...before.settings, caller_id_name: "Ada Inc" } });
  });

  it("answers a change the spec does not allow 400 and keeps the account", async () => {
    const before = (await call(engine, "GET", "/v3/accounts/self")).json;
    const answer = await call(engine, "PUT", "/v3/accounts/self", {
      body: { account_data: { default_file_type: "docx" } },
      validateAs: "updateUser",
    });
    expect(answer.status).toBe(400);
    expect(answer.json.description).toContain("default_file_type");
    expect((await call(engine, "GET", "/v3/accounts/self")).json).toEqual(before);
  });
});

describe("corporate members", () => {
  it("lists the members, reads and updates their details", async () => {
    const member = fixtures.member();
    engine.seed({ members: [member] });
    const list = await call(engine, "GET", "/v3/accounts", { validateAs: "getAccounts" });
    expect(list.json.members).toEqual([member]);
    const path = `/v3/accounts/self/member-details/${member.uid}`;
    expect((await call(engine, "GET", path, { validateAs: "getMemberDetails" })).json).toEqual({ role: "member", quota: 100 });
    expect((await call(engine, "PUT", path, { body: { quota: 5 }, validateAs: "updateMemberDetails" })).status).toBe(204);
    expect((await call(engine, "GET", path)).json).toEqual({ role: "member", quota: 5 });
  });

  it("reads and updates a member's account through its uid", async () => {
    const member = fixtures.member();
    engine.seed({ members: [member] });
    await call(engine, "PUT", `/v3/accounts/${member.uid}`, { body: { name: "Grace" }, validateAs: "updateUser" });
    expect((await call(engine, "GET", `/v3/accounts/${member.uid}`, { validateAs: "getUser" })).json.name).toBe("Grace");
    expect((await call(engine, "GET", "/v3/accounts/self")).json.name).not.toBe("Grace");
  });

  it("answers an unknown member 404 and an unknown user 400 invalid_user_id", async () => {
    expect((await call(engine, "GET", "/v3/accounts/self/member-details/nope", { validateAs: "getMemberDetails" })).status).toBe(404);
    const user = await call(engine, "GET", "/v3/accounts/nope", { validateAs: "getUser" });
    expect(user.status).toBe(400);
    expect(user.json.error).toBe("invalid_user_id");
  });

  it("invites new addresses as members waiting for signup, and resends only to those", async () => {
    const existing = fixtures.member({ email: "old@example.com" });
    engine.seed({ members: [existing] });
    const invite = await call(engine, "POST", "/v3/accounts/self/member-invitations", {
      body: { emails: ["new@example.com", "old@example.com", "new@example.com"] },
      validateAs: "inviteMembers",
    });
    expect(invite.json).toEqual({ invited: ["new@example.com"], already_members: ["old@example.com"], invalid: [] });
    const members = (await call(engine, "GET", "/v3/accounts")).json.members;
    expect(members.find((m: { email: string }) => m.email === "new@example.com")?.status).toBe("waiting_for_signup");
    const resend = await call(engine, "POST", "/v3/accounts/self/member-invitations/resend", {
      body: { emails: ["new@example.com", "old@example.com"] },
      validateAs: "resendInvitations",
    });
    expect(resend.json).toEqual({ resent: ["new@example.com"], not_pending: ["old@example.com"] });
  });

  it("answers the admin-only operations 403 for an individual account", async () => {
    engine.seed({ account: { account_type: "individual" } });
    expect((await call(engine, "GET", "/v3/accounts", { validateAs: "getAccounts" })).status).toBe(403);
    const invite = await call(engine, "POST", "/v3/accounts/self/member-invitations", {
      body: { emails: ["a@example.com"] },
      validateAs: "inviteMembers",
    });
    expect(invite.status).toBe(403);
    expect(invite.json.error).toBe("forbidden");
  });
});
