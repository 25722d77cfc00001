import type { Account, Fax, FaxCategory, MemberDetail, NumberModel, Outbox, Webhook } from "@faxkit/types";
import { LIMITS } from "./limits.js";

/** A document the fake keeps: an upload, or the file of a fax. */
export interface StoredDocument {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
}

export interface FaxEntry {
  fax: Fax;
  category: FaxCategory;
  /** The uid of the user whose folder holds it. */
  owner: string;
  /** Its document(s); none for a seeded fax without a seeded file (a placeholder PDF is served). */
  documents: StoredDocument[];
  /** `fax.start_time` as parsed for listFaxes, kept with the text it came from (a list request parses no record twice). */
  startParsed?: { text: unknown; seconds: number | undefined };
}

export interface OutboxEntry {
  record: Outbox;
  owner: string;
  documents: StoredDocument[];
}

export interface Upload {
  path: string;
  owner: string;
  document: StoredDocument;
}

export interface MemberEntry {
  account: Account;
  details: MemberDetail;
}

/**
 * The fake account's records, in Maps (never plain objects: an id such as `__proto__` is just
 * a key). Every collection is bounded by {@link LIMITS}; the handlers check before adding.
 */
export class FakeState {
  account: Account;
  readonly members = new Map<string, MemberEntry>();
  /** By the number itself (E.164), as the path names it. */
  readonly numbers = new Map<string, NumberModel>();
  readonly faxes = new Map<string, FaxEntry>();
  readonly outbox = new Map<string, OutboxEntry>();
  readonly uploads = new Map<string, Upload>();
  readonly webhooks = new Map<string, Webhook>();
  /** Bytes of every stored document (uploads and seeded files). */
  storedBytes = 0;
  storedFiles = 0;

  constructor(account: Account) {
    this.account = account;
  }

  /** The uid a `user_id` path parameter names: `self`, the account's uid, or a member's; else `undefined`. */
  resolveUser(userId: string | undefined): string | undefined {
    if (userId === undefined || userId === "self" || userId === this.account.uid) return this.account.uid;
    return this.members.has(userId) ? userId : undefined;
  }

  /** The account record of a resolved uid. */
  accountOf(uid: string): Account | undefined {
    return uid === this.account.uid ? this.account : this.members.get(uid)?.account;
  }

  isAdmin(): boolean {
    return this.account.account_type === "corporate_admin";
  }

  /** The user a record names in `ownerField` (a member's uid), or the account for anything else. */
  ownerFor(ownerField: unknown): string {
    return typeof ownerField === "string" && this.members.has(ownerField) ? ownerField : this.account.uid;
  }

  /** Room for `count` more fax records or outbox entries. */
  hasRoomForFaxes(count: number): boolean {
    return this.faxes.size + this.outbox.size + count <= LIMITS.faxes;
  }

  /** Room for one more stored document of `bytes` bytes. */
  hasRoomForFile(bytes: number): boolean {
    return this.storedFiles + 1 <= LIMITS.files && this.storedBytes + bytes <= LIMITS.fileBytes;
  }

  countFile(bytes: number): void {
    this.storedFiles += 1;
    this.storedBytes += bytes;
  }
}

/** The folder a fax record belongs in: spam if flagged, sent if outgoing, else inbox. */
export function categoryOf(fax: Fax): FaxCategory {
  if (fax.is_spam === true) return "spam";
  return fax.direction === "outgoing" ? "sent" : "inbox";
}
