import type { ValidationResult } from "@faxkit/validator";
import { validate } from "@faxkit/validator";
import { describe, expect, it, vi } from "vitest";
import { FIXTURE_TIME, FIXTURE_UID, faxTime, fixtures, newId } from "../../../src/fake/engine/fixtures.js";

/** The validator's issues, readable in a failing assertion; `[]` when the record is valid. */
function issuesOf(result: ValidationResult<unknown>): string[] {
  return result.ok ? [] : result.issues.map((issue) => issue.message);
}

describe("fixtures: every record validates against its schema", () => {
  it.each([
    ["fax()", () => validate.Fax(fixtures.fax())],
    ["fax(failed outgoing)", () => validate.Fax(fixtures.fax({ status: "failed", direction: "outgoing" }))],
    [
      "fax(spam, read, with cover page)",
      () =>
        validate.Fax(
          fixtures.fax({
            is_spam: true,
            is_read: true,
            comment: "junk",
            cover_page: { name_to: "Jane", name_from: "John", subject: "Hi" },
          }),
        ),
    ],
    [
      "fax(nullable fields set)",
      () => validate.Fax(fixtures.fax({ max_retry: 3, retry_delay: 30, header: "ACME", scheduled_time: faxTime(0) })),
    ],
    ["outboxFax()", () => validate.Outbox(fixtures.outboxFax())],
    [
      "outboxFax(sending, two recipients)",
      () => validate.Outbox(fixtures.outboxFax({ status: "sending", to: ["+12345688", "+12345699"] })),
    ],
    [
      "outboxFax(scheduled)",
      () => validate.Outbox(fixtures.outboxFax({ status: "scheduled_for_sending", send_time: "2026-01-16 08:00:00 +0000" })),
    ],
    ["number()", () => validate.NumberModel(fixtures.number())],
    [
      "number(waiting, unassigned, expiring)",
      () =>
        validate.NumberModel(fixtures.number({ status: "waiting_verification", assigned_to: [], expiration_date: faxTime(FIXTURE_TIME) })),
    ],
    ["account()", () => validate.Account(fixtures.account())],
    ["account(individual, suspended)", () => validate.Account(fixtures.account({ account_type: "individual", status: "suspended" }))],
    ["member()", () => validate.Account(fixtures.member())],
    ["member(invited)", () => validate.Account(fixtures.member({ status: "waiting_for_signup", email: "new.hire+fax@example.co.uk" }))],
    ["memberDetail()", () => validate.MemberDetail(fixtures.memberDetail())],
    ["memberDetail(quota 0)", () => validate.MemberDetail(fixtures.memberDetail({ quota: 0 }))],
    ["webhook()", () => validate.Webhook(fixtures.webhook())],
    ["webhook(fax_sent)", () => validate.Webhook(fixtures.webhook({ event: "fax_sent", target: "http://127.0.0.1:8080/sent" }))],
  ])("%s", (_name, run) => {
    expect(issuesOf(run())).toEqual([]);
  });

  it("a broken override is caught by the same check (the check can fail)", () => {
    const bad = fixtures.fax({ pages: -1 });
    expect(issuesOf(validate.Fax(bad))).not.toEqual([]);
    expect(issuesOf(validate.NumberModel(fixtures.number({ number: "12" })))).not.toEqual([]);
  });
});

describe("fixtures: defaults and overrides", () => {
  it("applies overrides over the defaults", () => {
    const fax = fixtures.fax({ status: "failed", pages: 3, id: "abc" });
    expect(fax).toMatchObject({ status: "failed", pages: 3, id: "abc", file: "abc.pdf", owner_id: FIXTURE_UID });
  });

  it("turns sender and receiver around for an outgoing fax", () => {
    const incoming = fixtures.fax();
    const outgoing = fixtures.fax({ direction: "outgoing" });
    expect([incoming.from, incoming.to]).toEqual([outgoing.to, outgoing.from]);
    expect(outgoing.file_name).toBe("fax-to-12076001783");
  });

  it("gives each record its own id and each number its own digits", () => {
    const faxes = Array.from({ length: 50 }, () => fixtures.fax());
    expect(new Set(faxes.map((fax) => fax.id)).size).toBe(50);
    const numbers = Array.from({ length: 50 }, () => fixtures.number());
    expect(new Set(numbers.map((number) => number.number)).size).toBe(50);
    const members = Array.from({ length: 5 }, () => fixtures.member());
    expect(new Set(members.map((member) => member.email)).size).toBe(5);
  });

  it("starts the outbox history at the fixture's status", () => {
    expect(fixtures.outboxFax({ status: "converting" }).status_changes).toEqual([{ at: faxTime(FIXTURE_TIME), status: "converting" }]);
  });

  it("uses the caller's uid for the account and as the owner of faxes and numbers", () => {
    expect(fixtures.account().uid).toBe(FIXTURE_UID);
    expect(fixtures.number().assigned_to).toEqual([FIXTURE_UID]);
    expect(fixtures.member().member_of).toEqual([FIXTURE_UID]);
  });

  it("is typed: known fields type-check, unknown or mistyped ones do not", () => {
    fixtures.fax({ status: "failed" });
    // @ts-expect-error not a FaxStatus
    fixtures.fax({ status: "lost" });
    // @ts-expect-error not a field of Fax
    fixtures.fax({ from_number: "+1" });
    // @ts-expect-error not a field of Webhook
    fixtures.webhook({ url: "http://127.0.0.1/" });
    expect(fixtures.webhook({ event: "fax_sent" }).event).toBe("fax_sent");
  });
});

describe("newId", () => {
  it("is 24 lowercase hex digits and never repeats", () => {
    const ids = Array.from({ length: 1_000 }, () => newId());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{24}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("keeps counting in a second copy of the module (dual ESM/CJS load)", async () => {
    const before = newId();
    vi.resetModules();
    const copy = await import("../../../src/fake/engine/fixtures.js");
    expect(copy.newId).not.toBe(newId);
    const fromCopy = copy.newId();
    expect(fromCopy > before).toBe(true);
    expect(newId() > fromCopy).toBe(true);
  });
});

describe("faxTime", () => {
  it.each([
    [Date.UTC(2026, 0, 15, 9, 30, 0, 750), "2026-01-15 09:30:00"],
    [0, "1970-01-01 00:00:00"],
    [Date.parse("9999-12-31T23:59:59.999Z"), "9999-12-31 23:59:59"],
    [Date.parse("0000-01-01T00:00:00Z"), "0000-01-01 00:00:00"],
  ])("writes %d as %s", (ms, text) => {
    expect(faxTime(ms)).toBe(text);
  });

  it.each([
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [Date.parse("+010000-01-01T00:00:00Z")],
    [Date.parse("-000001-01-01T00:00:00Z")],
  ])("refuses %d, naming it", (ms) => {
    expect(() => faxTime(ms)).toThrow(RangeError);
    expect(() => faxTime(ms)).toThrow(`(got ${String(ms)})`);
  });
});
