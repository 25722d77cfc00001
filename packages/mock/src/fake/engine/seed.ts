import type { Account, Fax, MemberDetail, NumberModel, Outbox, Webhook } from "@faxkit/types";
import { newId } from "./fixtures.js";
import { LIMITS } from "./limits.js";
import { checkRecord, type RecordKind } from "./record-check.js";
import { categoryOf, type FakeState, type FaxEntry, type StoredDocument } from "./state.js";

/** A document to seed: an upload (`path`, usable in `sendFax`'s `files`) and/or the file of a seeded fax (`faxId`). */
export interface SeedFile {
  /** Upload path, e.g. `/storage/2024-09-09/1d0b618e4fb54957878eed0ecc64ae5e.pdf`. */
  path?: string;
  /** A seeded (or earlier seeded) fax whose document `getFile` returns. */
  faxId?: string;
  /** The bytes (a string is stored as UTF-8). */
  bytes: Uint8Array | string;
  /** Default `application/pdf`. */
  contentType?: string;
  /** Default: the path's last segment, or `<faxId>.pdf`. */
  fileName?: string;
  /** Owner of an upload: a member's uid; default the account. */
  owner?: string;
}

/**
 * Records to add to the fake account, in the spec's shapes (build them with `fixtures`). Each
 * record is checked against its schema, strictly (no property the spec does not list), and a
 * bad one throws a TypeError naming it. A record with the id (number, uid) of an existing one
 * replaces it.
 *
 * - `account`: merged over the account (`self`).
 * - `members`: corporate members (`getAccounts`); `memberDetails` by uid sets their role and quota.
 * - `faxes`: folder from the record: `is_spam` → spam, `direction: "outgoing"` → sent, else inbox.
 *   A fax belongs to the member whose uid is its `owner_id`, else to the account. Seeding an
 *   inbox fax notifies the `fax_received` webhooks.
 * - `outbox`: entries that stay in their status until deleted (only sent faxes move on).
 * - `numbers`, `webhooks` (an id is made when missing), `files` (see {@link SeedFile}).
 *
 * @example
 * ```ts
 * engine.seed({ faxes: [fixtures.fax({ direction: "incoming" })], numbers: [fixtures.number()] });
 * ```
 */
export interface FakeSeed {
  /** Fields of the caller's account to replace. */
  account?: Partial<Account>;
  /** Members of the caller's corporate account. */
  members?: Account[];
  /** Role and quota of members, by user id. */
  memberDetails?: Record<string, MemberDetail>;
  /** Fax records (received and sent). */
  faxes?: Fax[];
  /** Faxes queued to send. */
  outbox?: Outbox[];
  /** The account's fax numbers. */
  numbers?: NumberModel[];
  /** Registered webhooks. */
  webhooks?: Webhook[];
  /** Documents: uploads `sendFax` can refer to by path, and the files of seeded faxes ({@link SeedFile}). */
  files?: SeedFile[];
}

/** The default role and quota of a member nobody set them for. */
export const DEFAULT_MEMBER_DETAILS: MemberDetail = { role: "member", quota: 100 };

const utf8 = new TextEncoder();

/**
 * Adds `seed` to `state` and returns the inbox faxes it added (for `fax_received`). The whole
 * seed is checked first, so a bad record leaves the state as it was.
 */
export function applySeed(state: FakeState, given: FakeSeed): FaxEntry[] {
  checkSeed(state, given);
  // A copy: the engine never shares a record with the caller, who may change it after seeding
  // (and the `seed` option is applied again on every reset()).
  const seed = structuredClone(given);
  if (seed.account) state.account = { ...state.account, ...seed.account };
  for (const member of seed.members ?? []) state.members.set(member.uid, { account: member, details: { ...DEFAULT_MEMBER_DETAILS } });
  for (const [uid, details] of Object.entries(seed.memberDetails ?? {})) {
    const member = state.members.get(uid);
    if (member) member.details = { ...details };
  }
  for (const number of seed.numbers ?? []) state.numbers.set(number.number, number);
  for (const hook of seed.webhooks ?? []) {
    const id = hook.id ?? newId();
    state.webhooks.set(id, { ...hook, id });
  }
  const received: FaxEntry[] = [];
  for (const fax of seed.faxes ?? []) {
    const entry: FaxEntry = { fax, category: categoryOf(fax), owner: state.ownerFor(fax.owner_id), documents: [] };
    state.faxes.set(fax.id, entry);
    if (entry.category === "inbox") received.push(entry);
  }
  for (const record of seed.outbox ?? []) state.outbox.set(record.id, { record, owner: state.ownerFor(record.uid), documents: [] });
  for (const file of seed.files ?? []) addFile(state, file);
  return received;
}

function addFile(state: FakeState, file: SeedFile): void {
  const bytes = typeof file.bytes === "string" ? utf8.encode(file.bytes) : new Uint8Array(file.bytes);
  const fileName = file.fileName ?? file.path?.split("/").pop() ?? `${file.faxId}.pdf`;
  const document: StoredDocument = { bytes, contentType: file.contentType ?? "application/pdf", fileName };
  state.countFile(bytes.byteLength);
  if (file.path !== undefined) state.uploads.set(file.path, { path: file.path, owner: state.ownerFor(file.owner), document });
  const fax = file.faxId === undefined ? undefined : state.faxes.get(file.faxId);
  if (fax) fax.documents = [document];
}

function checkSeed(state: FakeState, seed: FakeSeed): void {
  if (seed === null || typeof seed !== "object") throw new TypeError("seed: the argument must be an object of record lists");
  if (seed.account !== undefined) checkRecord("Account", { ...state.account, ...seed.account }, "seed: account");
  checkAll("Account", list(seed.members, "members"), "members");
  for (const [uid, details] of Object.entries(seed.memberDetails ?? {}))
    checkRecord("MemberDetail", details, `seed: memberDetails[${uid}]`);
  checkAll("Fax", list(seed.faxes, "faxes"), "faxes");
  checkAll("Outbox", list(seed.outbox, "outbox"), "outbox");
  checkAll("Number", list(seed.numbers, "numbers"), "numbers");
  checkAll("Webhook", list(seed.webhooks, "webhooks"), "webhooks");
  checkFiles(state, seed);
  checkRoom(state, seed);
}

function checkAll(kind: RecordKind, records: readonly unknown[], name: string): void {
  for (const [i, record] of records.entries()) checkRecord(kind, record, `seed: ${name}[${i}]`);
}

function list<T>(value: T[] | undefined, name: string): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new TypeError(`seed: ${name} must be an array`);
  return value;
}

function checkFiles(state: FakeState, seed: FakeSeed): void {
  const seededFaxIds = new Set((seed.faxes ?? []).map((fax) => fax.id));
  let bytes = 0;
  list(seed.files, "files").forEach((file, i) => {
    const where = `seed: files[${i}]`;
    if (file === null || typeof file !== "object") throw new TypeError(`${where} must be an object`);
    if (typeof file.bytes !== "string" && !(file.bytes instanceof Uint8Array))
      throw new TypeError(`${where}.bytes must be a Uint8Array or a string`);
    if (file.path === undefined && file.faxId === undefined) throw new TypeError(`${where} needs a path (an upload) or a faxId`);
    if (file.faxId !== undefined && !seededFaxIds.has(file.faxId) && !state.faxes.has(file.faxId))
      throw new TypeError(`${where}.faxId ${JSON.stringify(file.faxId)} names no fax`);
    bytes += typeof file.bytes === "string" ? utf8.encode(file.bytes).byteLength : file.bytes.byteLength;
  });
  const files = seed.files?.length ?? 0;
  if (state.storedFiles + files > LIMITS.files || state.storedBytes + bytes > LIMITS.fileBytes)
    throw new RangeError(`seed: files over the fake's limit of ${LIMITS.files} files and ${LIMITS.fileBytes} bytes stored`);
}

function checkRoom(state: FakeState, seed: FakeSeed): void {
  const over = (name: string, limit: number, size: number) => {
    if (size > limit) throw new RangeError(`seed: ${name} over the fake's limit of ${limit}`);
  };
  over(
    "faxes and outbox entries",
    LIMITS.faxes,
    state.faxes.size + state.outbox.size + (seed.faxes?.length ?? 0) + (seed.outbox?.length ?? 0),
  );
  over("members", LIMITS.members, state.members.size + (seed.members?.length ?? 0));
  over("numbers", LIMITS.numbers, state.numbers.size + (seed.numbers?.length ?? 0));
  over("webhooks", LIMITS.webhooks, state.webhooks.size + (seed.webhooks?.length ?? 0));
}
