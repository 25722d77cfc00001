/**
 * THE CASE TABLE: one entry per operationId of the spec, each with the arguments of a call
 * that sends only what is required and of one that sends every input the spec lists, with
 * realistic values that satisfy the schemas (taken from the spec's examples where it has them).
 *
 * The suite is generated from this table and from `operations` of @faxkit/types:
 * - `coverage.test.ts` fails while an operationId of the spec has no entry here (or an entry
 *   names an operation the spec no longer has), and while an entry's `required` / `all`
 *   arguments do not match what the spec says the operation takes;
 * - `operations.test.ts` calls every entry both ways through the resource API;
 * - `errors.test.ts` asks for every documented error status of every entry.
 *
 * To add an operation: add an entry under its operationId (the type below makes `tsc` point
 * at the missing one); see README.md, "Adding a case".
 */
import type { DownloadOptions, OperationArgs, ReportOptions, UploadOptions, UploadSource } from "@faxkit/client";
import type { OperationId } from "@faxkit/types";
import { PDF_BYTES, pdfBlob } from "./documents.js";

/** What a case may depend on at run time. */
export interface CaseEnv {
  /**
   * A loopback URL that accepts and discards any POST. Prism POSTs a callback to the `target`
   * of every `createWebhook` request it sees (see README), so every target in this suite must
   * be on loopback.
   */
  hookSink: string;
}

/** Operations the resource API serves through `fax.files.*` with their own signatures. */
export type FileOperationId = "uploadFile" | "getFile" | "getFaxReport";
/** Operations served by the generic resource methods (`fax.<group>.<method>(args, options)`). */
export type ResourceOperationId = Exclude<OperationId, FileOperationId>;

export interface ResourceCase<Id extends ResourceOperationId> {
  kind: "resource";
  /** Only what must be sent (`user_id` is left to the client's default, "self"). */
  required: (env: CaseEnv) => OperationArgs<Id> | undefined;
  /** Every parameter and every top-level body property the spec lists (less `notSent`). */
  all: (env: CaseEnv) => OperationArgs<Id>;
  /** Inputs the spec lists that `all` leaves out on purpose, each with the reason. */
  notSent?: Record<string, string>;
}

export type FileCall =
  | { method: "upload"; file: UploadSource; options?: UploadOptions }
  | { method: "download"; faxId: string; options?: DownloadOptions }
  | { method: "report"; faxId: string; options?: ReportOptions };

export interface FileCase<M extends FileCall["method"]> {
  kind: "file";
  required: (env: CaseEnv) => Extract<FileCall, { method: M }>;
  all: (env: CaseEnv) => Extract<FileCall, { method: M }>;
  /**
   * Set when Prism cannot serve this operation faithfully: the happy and error paths then run
   * against the loopback stub (`test/helpers/files-stub.ts`) instead of the mock. The reason
   * is printed in the test names; README.md has the details.
   */
  stub?: string;
}

export type OperationCases = {
  [Id in OperationId]: Id extends "uploadFile"
    ? FileCase<"upload">
    : Id extends "getFile"
      ? FileCase<"download">
      : Id extends "getFaxReport"
        ? FileCase<"report">
        : ResourceCase<Id & ResourceOperationId>;
};

/**
 * The spec example's user id: `all` calls act for this user. On the fake it is the account's
 * own uid (`fixtures.account()`), so they act on the same records as `self`.
 */
export const MEMBER_UID = "7724157c0974440293e45877c57f0703";
/** A corporate member of the account (the fake holds one with this uid; Prism takes any). */
export const CORPORATE_MEMBER_UID = "3f0c9a7e51b24d6c8e1f2a3b4c5d6e7f";
export const FAX_ID = "5e7de3ad54cfd54eb568cc76";
export const OUTBOX_FAX_ID = "1a2b3c4d5e6f7890";
export const NUMBER = "+16699990000";
export const HOOK_ID = "66df09cf1d6d0b295c363956";
export const FILE_PATH = "/storage/2024-09-09/1d0b618e4fb54957878eed0ecc64ae5e.pdf";
/** The two IDs of the published docs example of bulkUpdateFaxes (/work/shared/seed, cURL). */
export const SEED_IDS = ["a1b2c3d4e5f6789012345678901234ab", "b2c3d4e5f6789012345678901234abc"];

const BINARY_STUB =
  "Prism answers format: binary with the text 'string' and, when Accept excludes JSON, serves 200 for Prefer: code=4xx/5xx";

export const operationCases = {
  // ── Accounts ──────────────────────────────────────────────────────────────
  getAccounts: { kind: "resource", required: () => undefined, all: () => ({}) },
  getUser: { kind: "resource", required: () => ({}), all: () => ({ user_id: MEMBER_UID }) },
  updateUser: {
    kind: "resource",
    required: () => ({}),
    all: () => ({
      user_id: MEMBER_UID,
      account_data: {
        company_logo: "logo.png",
        company_name: "Acme Logistics",
        deactivation_reason: "",
        default_file_type: "pdf",
        role: "member",
        save_history: true,
      },
      email: "jane.doe@example.com",
      lastname: "Doe",
      name: "Jane",
      notifications: {
        black_list: { uids: [] },
        settings: {
          email: {
            addresses: ["jane.doe@example.com"],
            attachments: { confirmation_page: false, receive_fax: true, send_fax: false },
            low_credit: true,
            new_feature: false,
            receive_fax: true,
            send_fax: true,
            voicemail: false,
          },
          language: "en",
          push_notifications: { low_credit: true, new_feature: false, receive_fax: true, send_fax: true, voicemail: false },
          slack: { receive_fax: "with_attachment", send_fax: "no_attachment", target_channel: "#faxes" },
          sms: { low_credit: false, new_feature: false, numbers: [NUMBER], receive_fax: true, send_fax: false, voicemail: false },
        },
      },
      phone: NUMBER,
      profile_image: "",
      settings: { caller_id_name: "Acme Logistics", options: {}, send_fax: { retry: { count: 2, delay: 15 } }, should_enhance: true },
    }),
  },
  getMemberDetails: {
    kind: "resource",
    required: () => ({ member_user_id: CORPORATE_MEMBER_UID }),
    all: () => ({ member_user_id: CORPORATE_MEMBER_UID }),
  },
  updateMemberDetails: {
    kind: "resource",
    required: () => ({ member_user_id: CORPORATE_MEMBER_UID }),
    all: () => ({ member_user_id: CORPORATE_MEMBER_UID, quota: 250, role: "member" }),
  },
  inviteMembers: {
    kind: "resource",
    required: () => ({ emails: ["jane.doe@example.com"] }),
    all: () => ({ emails: ["jane.doe@example.com", "john.smith@example.com"] }),
  },
  resendInvitations: {
    kind: "resource",
    required: () => ({ emails: ["jane.doe@example.com"] }),
    all: () => ({ emails: ["jane.doe@example.com", "john.smith@example.com"] }),
  },

  // ── Faxes ─────────────────────────────────────────────────────────────────
  listFaxes: {
    kind: "resource",
    required: () => ({}),
    all: () => ({ user_id: MEMBER_UID, category: "inbox", after: "2024-01-01 00:00:00", before: "2024-02-01 00:00:00", limit: 20 }),
  },
  bulkUpdateFaxes: {
    kind: "resource",
    // "at least one of is_read or comment": the smallest valid body has one of them.
    required: () => ({ ids: [FAX_ID], is_read: false }),
    all: () => ({ user_id: MEMBER_UID, ids: SEED_IDS, is_read: true, comment: "updated via bulk" }),
  },
  getFax: { kind: "resource", required: () => ({ fax_id: FAX_ID }), all: () => ({ user_id: MEMBER_UID, fax_id: FAX_ID }) },
  updateFax: {
    kind: "resource",
    required: () => ({ fax_id: FAX_ID, comment: "checked by accounting", is_read: true }),
    all: () => ({ user_id: MEMBER_UID, fax_id: FAX_ID, comment: "checked by accounting", is_read: true }),
  },
  deleteFax: { kind: "resource", required: () => ({ fax_id: FAX_ID }), all: () => ({ user_id: MEMBER_UID, fax_id: FAX_ID }) },

  // ── Files ─────────────────────────────────────────────────────────────────
  uploadFile: {
    kind: "file",
    required: () => ({ method: "upload", file: pdfBlob() }),
    all: () => ({
      method: "upload",
      file: PDF_BYTES,
      options: { user_id: MEMBER_UID, format: "pdf", fileName: "invoice-2024-09.pdf", contentType: "application/pdf" },
    }),
  },
  getFile: {
    kind: "file",
    required: () => ({ method: "download", faxId: FAX_ID }),
    all: () => ({ method: "download", faxId: FAX_ID, options: { user_id: MEMBER_UID, format: "tiff" } }),
    stub: BINARY_STUB,
  },
  getFaxReport: {
    kind: "file",
    required: () => ({ method: "report", faxId: FAX_ID }),
    all: () => ({ method: "report", faxId: FAX_ID, options: { user_id: MEMBER_UID } }),
    stub: BINARY_STUB,
  },

  // ── Numbers ───────────────────────────────────────────────────────────────
  listNumbers: { kind: "resource", required: () => ({}), all: () => ({ user_id: MEMBER_UID }) },
  getNumber: { kind: "resource", required: () => ({ number: NUMBER }), all: () => ({ user_id: MEMBER_UID, number: NUMBER }) },
  updateNumber: {
    kind: "resource",
    required: () => ({ number: NUMBER, assigned_to: MEMBER_UID }),
    all: () => ({ user_id: "self", number: NUMBER, assigned_to: MEMBER_UID }),
  },
  revokeNumber: { kind: "resource", required: () => ({ number: NUMBER }), all: () => ({ user_id: MEMBER_UID, number: NUMBER }) },

  // ── Outbox ────────────────────────────────────────────────────────────────
  listOutboxFaxes: { kind: "resource", required: () => ({}), all: () => ({ user_id: MEMBER_UID }) },
  bulkUpdateOutboxFaxes: {
    kind: "resource",
    required: () => ({ ids: [OUTBOX_FAX_ID], comment: "hold until Monday" }),
    all: () => ({ user_id: MEMBER_UID, ids: [OUTBOX_FAX_ID, "78901a2b3c4d5e6f"], comment: "hold until Monday" }),
  },
  sendFax: {
    kind: "resource",
    required: () => ({ from: "+12345667", to: ["+12345688"], files: [FILE_PATH] }),
    all: () => ({
      user_id: MEMBER_UID,
      from: "+12345667",
      to: ["+12345688", "+12345699"],
      files: [FILE_PATH],
      from_fax: FAX_ID,
      comment: { tags: ["contracts", "q3"], text: "signed copy" },
      options: { enhancement: false, retry: { count: 2, delay: 15 } },
      send_time: "2024-09-10 08:00:00 +0000",
      return_ids: true,
      cover_page: {
        name_to: "Jane Doe",
        name_from: "John Smith",
        subject: "Signed contract",
        flags: ["urgent", "please_reply"],
        message: "Please sign and return.",
      },
    }),
  },
  getOutboxFax: {
    kind: "resource",
    required: () => ({ outbox_fax_id: OUTBOX_FAX_ID }),
    all: () => ({ user_id: MEMBER_UID, outbox_fax_id: OUTBOX_FAX_ID }),
  },
  updateOutboxFax: {
    kind: "resource",
    required: () => ({ outbox_fax_id: OUTBOX_FAX_ID }),
    all: () => ({ user_id: MEMBER_UID, outbox_fax_id: OUTBOX_FAX_ID, comment: "moved to tomorrow" }),
  },
  deleteOutboxFax: {
    kind: "resource",
    required: () => ({ outbox_fax_id: OUTBOX_FAX_ID }),
    all: () => ({ user_id: MEMBER_UID, outbox_fax_id: OUTBOX_FAX_ID }),
  },

  // ── Webhooks ──────────────────────────────────────────────────────────────
  getWebhooks: { kind: "resource", required: () => ({ event: "fax_received" }), all: () => ({ event: "fax_sent" }) },
  createWebhook: {
    kind: "resource",
    required: (env) => ({ target: `${env.hookSink}/fax_received`, event: "fax_received" }),
    all: (env) => ({ target: `${env.hookSink}/fax_sent`, event: "fax_sent" }),
    notSent: { id: "the Webhook schema doubles as createWebhook's body; its `id` is set by the server" },
  },
  deleteWebhook: { kind: "resource", required: () => ({ hook_id: HOOK_ID }), all: () => ({ hook_id: HOOK_ID }) },
} satisfies OperationCases;

/** What to do about an operation of the spec that has no entry here. */
export function missingCaseAdvice(operationId: string): string {
  return (
    `${operationId} has no contract case: add it to tests/contract/test/cases/operations.ts with its ` +
    `required-only and all-args arguments (README.md, "Adding a case")`
  );
}

/** The case of an operation, or undefined while the table lacks it (the generated tests then fail with the advice). */
export function caseOf(operationId: OperationId): OperationCases[OperationId] | undefined {
  return (operationCases as Partial<OperationCases>)[operationId];
}
