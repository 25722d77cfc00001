/**
 * What the fake holds for the case table: every id, number, path and hook the cases name
 * exists, owned by the caller, so each case's call succeeds on the fake as it does on Prism
 * (which answers any id). Test files start their fake with this seed and reset to it before
 * every test, so a case that deletes or changes a record leaves the next one untouched.
 */
import { type FakeControls, type FakeSeed, fixtures } from "@faxkit/mock";
import type { OperationId } from "@faxkit/types";
import { PDF_BYTES } from "./documents.js";
import { CORPORATE_MEMBER_UID, FAX_ID, FILE_PATH, HOOK_ID, NUMBER, OUTBOX_FAX_ID, SEED_IDS } from "./operations.js";

export function contractSeed(hookSink: string): FakeSeed {
  return {
    members: [fixtures.member({ uid: CORPORATE_MEMBER_UID, email: "member@example.com" })],
    // The docs example's bulk IDs are sent faxes, so the inbox's newest fax is FAX_ID.
    faxes: [fixtures.fax({ id: FAX_ID }), ...SEED_IDS.map((id) => fixtures.fax({ id, direction: "outgoing" }))],
    outbox: [fixtures.outboxFax({ id: OUTBOX_FAX_ID })],
    numbers: [fixtures.number({ number: NUMBER })],
    webhooks: [fixtures.webhook({ id: HOOK_ID, target: `${hookSink}/fax_received` })],
    files: [
      { path: FILE_PATH, bytes: PDF_BYTES },
      { faxId: FAX_ID, bytes: PDF_BYTES, fileName: `${FAX_ID}.pdf` },
    ],
  };
}

/** `base` with `extra`'s records added (lists joined; `extra.account` merged over `base.account`). */
export function mergeSeeds(base: FakeSeed, extra: FakeSeed = {}): FakeSeed {
  const join = <T>(a: T[] | undefined, b: T[] | undefined) => [...(a ?? []), ...(b ?? [])];
  return {
    account: { ...base.account, ...extra.account },
    members: join(base.members, extra.members),
    memberDetails: { ...base.memberDetails, ...extra.memberDetails },
    faxes: join(base.faxes, extra.faxes),
    outbox: join(base.outbox, extra.outbox),
    numbers: join(base.numbers, extra.numbers),
    webhooks: join(base.webhooks, extra.webhooks),
    files: join(base.files, extra.files),
  };
}

/**
 * What one case needs beyond the contract seed, where the fake decides something Prism does
 * not: the fake refuses to revoke a number from the corporate admin (403), so revokeNumber's
 * cases run as a corporate member the number is assigned to.
 */
export function arrangeCase(fake: FakeControls, operationId: OperationId): void {
  if (operationId === "revokeNumber") fake.seed({ account: { account_type: "corporate_member" } });
}
