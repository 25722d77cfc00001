import type { Account, Fax, MemberDetail, NumberModel, Outbox, Webhook } from "@faxkit/types";

/** The caller's user id (`self`): owner of every fixture unless overridden. */
export const FIXTURE_UID = "7724157c0974440293e45877c57f0703";
/** The caller's own fax number: the sender of outgoing and the receiver of incoming fixtures. */
export const FIXTURE_NUMBER = "+16699990000";
/** The far end of fixture faxes. */
export const FIXTURE_REMOTE_NUMBER = "+12076001783";
/** Every fixture time: 2026-01-15 09:30:00 UTC, so records are the same from run to run. */
export const FIXTURE_TIME = Date.UTC(2026, 0, 15, 9, 30, 0);

const ID_LENGTH = 24;

interface Counters {
  id: number;
  number: number;
  member: number;
}

// Kept on globalThis, not in the module: the ESM and the CJS build (or two copies of the package)
// loaded in one process must not hand out the same id twice.
const COUNTERS_KEY = Symbol.for("@faxkit/mock.fixtures.counters");
const counters: Counters = sharedCounters();

function sharedCounters(): Counters {
  const holder = globalThis as Record<symbol, Counters | undefined>;
  const existing = holder[COUNTERS_KEY];
  if (existing !== undefined) return existing;
  const fresh = { id: 0, number: 0, member: 0 };
  holder[COUNTERS_KEY] = fresh;
  return fresh;
}

/**
 * A fresh record id: 24 lowercase hex digits (the shape of Fax.Plus ids), counting up from
 * `000000000000000000000001`, so ids are unique in the process (across copies of this module too) and readable in a failing test.
 *
 * @example
 * ```ts
 * newId(); // "000000000000000000000001", then "…002"
 * ```
 */
export function newId(): string {
  counters.id += 1;
  return counters.id.toString(16).padStart(ID_LENGTH, "0");
}

// Year 0 and year 9999 bound what toISOString writes as `YYYY-…` (outside, it adds a sign and digits).
const FIRST_FAX_TIME = Date.parse("0000-01-01T00:00:00.000Z");
const LAST_FAX_TIME = Date.parse("9999-12-31T23:59:59.999Z");

/**
 * `ms` since the epoch as Fax.Plus writes times: `YYYY-MM-DD HH:MM:SS`, UTC, milliseconds dropped.
 * A time that is not finite or outside years 0..9999 is a `RangeError` naming it.
 *
 * @example
 * ```ts
 * faxTime(Date.UTC(2026, 0, 15, 9, 30, 0, 750)); // "2026-01-15 09:30:00"
 * ```
 */
export function faxTime(ms: number): string {
  if (typeof ms !== "number" || !Number.isFinite(ms) || ms < FIRST_FAX_TIME || ms > LAST_FAX_TIME) {
    throw new RangeError(`faxTime: ms must be a time from year 0 to 9999 (got ${typeof ms === "number" ? String(ms) : typeof ms})`);
  }
  return new Date(ms).toISOString().slice(0, 19).replace("T", " ");
}

const AT = faxTime(FIXTURE_TIME);

/** The next fixture fax number: `+1555` and seven digits, so it matches the spec's `^[+][0-9]{8,}$`. */
function nextNumber(): string {
  counters.number += 1;
  return `+1555${String(counters.number % 10_000_000).padStart(7, "0")}`;
}

function fax(overrides: Partial<Fax> = {}): Fax {
  const id = overrides.id ?? newId();
  const outgoing = overrides.direction === "outgoing";
  const remote = FIXTURE_REMOTE_NUMBER.slice(1);
  return {
    id,
    owner_id: FIXTURE_UID,
    direction: "incoming",
    from: outgoing ? FIXTURE_NUMBER : FIXTURE_REMOTE_NUMBER,
    to: outgoing ? FIXTURE_REMOTE_NUMBER : FIXTURE_NUMBER,
    status: "success",
    description: "OK",
    pages: 1,
    cost: 1,
    cost_details: { multiplier: 1, notification_cost: 0 },
    duration: 38,
    comment: "",
    file: `${id}.pdf`,
    file_name: outgoing ? `fax-to-${remote}` : `fax-from-${remote}`,
    is_read: false,
    is_spam: false,
    start_time: AT,
    last_update: AT,
    submit_time: outgoing ? AT : null,
    scheduled_time: null,
    header: null,
    max_retry: outgoing ? 0 : null,
    retry_delay: outgoing ? 0 : null,
    ...overrides,
  };
}

function outboxFax(overrides: Partial<Outbox> = {}): Outbox {
  const status = overrides.status ?? "submitted";
  return {
    id: newId(),
    uid: FIXTURE_UID,
    status,
    src: FIXTURE_NUMBER,
    designated_src: FIXTURE_NUMBER,
    to: [FIXTURE_REMOTE_NUMBER],
    files: ["/storage/2026-01-15/document.pdf"],
    file_changes: [],
    page_count: 1,
    comment: { text: "", tags: [] },
    options: { enhancement: true, retry: { count: 0, delay: 0 } },
    retry: { count: 0, delay: 0 },
    should_enhance: true,
    submit_time: AT,
    last_updated_status_time: AT,
    status_changes: [{ at: AT, status }],
    initiated_from: { type: "api", from_id: "" },
    ip: "127.0.0.1",
    contact_name: "",
    extra_info: {},
    ...overrides,
  };
}

function number(overrides: Partial<NumberModel> = {}): NumberModel {
  return {
    id: newId(),
    number: nextNumber(),
    owner_id: FIXTURE_UID,
    assigned_to: [FIXTURE_UID],
    status: "active",
    acquired_date: AT,
    expiration_date: null,
    is_canceled: false,
    notifications: [{ type: "receive_fax", email: true, push_notification: false }],
    ...overrides,
  };
}

function account(overrides: Partial<Account> = {}): Account {
  return {
    uid: FIXTURE_UID,
    email: "admin@example.com",
    name: "Ada",
    lastname: "Admin",
    phone: FIXTURE_NUMBER,
    account_type: "corporate_admin",
    status: "active",
    creation_date: AT,
    last_password_modification_date: AT,
    member_of: [],
    profile_image: "",
    account_data: { company_name: "Example Corp", default_file_type: "pdf", role: "admin", save_history: true },
    notifications: {
      settings: {
        email: {
          low_credit: true,
          new_feature: false,
          receive_fax: true,
          send_fax: true,
          voicemail: false,
          addresses: ["admin@example.com"],
        },
        push_notifications: { low_credit: true, new_feature: false, receive_fax: true, send_fax: true, voicemail: false },
        sms: { low_credit: false, new_feature: false, receive_fax: false, send_fax: false, voicemail: false, numbers: [] },
        language: "en",
      },
      black_list: { uids: [] },
    },
    settings: { caller_id_name: "Example Corp", options: {}, send_fax: { retry: { count: 0, delay: 0 } }, should_enhance: true },
    ...overrides,
  };
}

function member(overrides: Partial<Account> = {}): Account {
  counters.member += 1;
  const n = counters.member;
  return {
    uid: newId(),
    email: `member${n}@example.com`,
    name: "Member",
    lastname: String(n),
    account_type: "corporate_member",
    status: "active",
    creation_date: AT,
    member_of: [FIXTURE_UID],
    profile_image: "",
    account_data: { role: "member", save_history: true, default_file_type: "pdf" },
    ...overrides,
  };
}

function memberDetail(overrides: Partial<MemberDetail> = {}): MemberDetail {
  return { quota: 100, role: "member", ...overrides };
}

function webhook(overrides: Partial<Webhook> = {}): Webhook {
  return { id: newId(), event: "fax_received", target: "http://127.0.0.1/faxplus/webhook", ...overrides };
}

/**
 * Typed records in the spec's shapes, for seeding the fake and for assertions. Every factory
 * returns a record that validates against its schema; `overrides` replace top-level fields
 * (a nested object is replaced whole). Defaults are fixed (times at 2026-01-15 09:30:00 UTC, the
 * caller `7724157c0974440293e45877c57f0703`); ids and member numbers count up, so each record is distinct.
 *
 * @example
 * ```ts
 * const failed = fixtures.fax({ status: "failed", direction: "outgoing" });
 * fake.seed({ faxes: [failed], numbers: [fixtures.number({ number: "+16699990001" })] });
 * ```
 */
export const fixtures = {
  /** A fax record (`Fax`): received from `+12076001783` by the caller's `+16699990000`; `{ direction: "outgoing" }` turns it around. */
  fax,
  /** An outbox record (`Outbox`): a fax queued to send. */
  outboxFax,
  /** A fax number of the account (`NumberModel`). */
  number,
  /** A member of the caller's corporate account (`Account`). */
  member,
  /** A member's role and quota (`MemberDetail`). */
  memberDetail,
  /** A webhook registration (`Webhook`). */
  webhook,
  /** The caller's account (`Account`), user id `7724157c0974440293e45877c57f0703`. */
  account,
} as const;
