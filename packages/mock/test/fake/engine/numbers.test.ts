import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixtures } from "../../../src/fake/engine/fixtures.js";
import type { FakeEngine } from "../../../src/fake/fake-types.js";
import { call, newEngine } from "./harness.js";

let engine: FakeEngine;
beforeEach(() => {
  engine = newEngine();
});
afterEach(() => engine.close());

const numberPath = (user: string, number: string) => `/v3/accounts/${user}/numbers/${encodeURIComponent(number)}`;

describe("numbers", () => {
  it("lists every number for the admin and only assigned ones for a member", async () => {
    const member = fixtures.member();
    const mine = fixtures.number();
    const theirs = fixtures.number({ assigned_to: [member.uid] });
    engine.seed({ members: [member], numbers: [mine, theirs] });
    expect((await call(engine, "GET", "/v3/accounts/self/numbers", { validateAs: "listNumbers" })).json.numbers).toEqual([mine, theirs]);
    expect((await call(engine, "GET", `/v3/accounts/${member.uid}/numbers`, { validateAs: "listNumbers" })).json.numbers).toEqual([theirs]);
    expect((await call(engine, "GET", numberPath(member.uid, mine.number), { validateAs: "getNumber" })).status).toBe(404);
  });

  it("reads one number by its E.164 form, the + percent-encoded", async () => {
    const number = fixtures.number();
    engine.seed({ numbers: [number] });
    expect((await call(engine, "GET", numberPath("self", number.number), { validateAs: "getNumber" })).json).toEqual(number);
    expect((await call(engine, "GET", numberPath("self", "+10000000000"), { validateAs: "getNumber" })).status).toBe(404);
  });

  it("assigns a number to a member and revokes it again", async () => {
    const member = fixtures.member();
    const number = fixtures.number();
    engine.seed({ members: [member], numbers: [number] });
    const assign = await call(engine, "PUT", numberPath("self", number.number), {
      body: { assigned_to: member.uid },
      validateAs: "updateNumber",
    });
    expect(assign.status).toBe(204);
    expect((await call(engine, "GET", numberPath(member.uid, number.number))).json.assigned_to).toEqual([
      ...number.assigned_to,
      member.uid,
    ]);
    expect((await call(engine, "DELETE", numberPath(member.uid, number.number), { validateAs: "revokeNumber" })).status).toBe(204);
    expect((await call(engine, "GET", numberPath("self", number.number))).json.assigned_to).toEqual(number.assigned_to);
    expect((await call(engine, "DELETE", numberPath(member.uid, number.number), { validateAs: "revokeNumber" })).status).toBe(404);
  });

  it("answers an assignment to nobody 404 and a revoke from the admin 403", async () => {
    const number = fixtures.number();
    engine.seed({ numbers: [number] });
    expect(
      (await call(engine, "PUT", numberPath("self", number.number), { body: { assigned_to: "nobody" }, validateAs: "updateNumber" }))
        .status,
    ).toBe(404);
    const revoke = await call(engine, "DELETE", numberPath("self", number.number), { validateAs: "revokeNumber" });
    expect(revoke.status).toBe(403);
  });
});
