import type { Account, MemberDetail, MemberInvitationRequest } from "@faxkit/types";
import { quoteRequestText } from "../../../internal/quote-request-text.js";
import { fail } from "../answer-error.js";
import { jsonAnswer, noContent } from "../answers.js";
import { describeIssues } from "../describe-issues.js";
import { faxTime, newId } from "../fixtures.js";
import { LIMITS } from "../limits.js";
import {
  assignOwn,
  type EngineContext,
  isRecord,
  type OperationCall,
  type OperationHandler,
  requireAdmin,
  userOf,
} from "../operation-context.js";
import { recordIssues } from "../record-check.js";
import { DEFAULT_MEMBER_DETAILS } from "../seed.js";
import type { MemberEntry } from "../state.js";

/** PayloadAccountModification's fields: the only ones updateUser changes. */
const ACCOUNT_FIELDS = ["name", "lastname", "email", "phone", "profile_image", "account_data", "notifications", "settings"] as const;
/** Nested objects merged field by field ("only the fields sent are changed"). */
const MERGED_FIELDS = new Set<string>(["account_data", "notifications", "settings"]);

function accountOrFail(call: OperationCall, ctx: EngineContext): Account {
  const account = ctx.state.accountOf(userOf(call, ctx));
  if (!account) throw fail(404, "The requested user was not found");
  return account;
}

function memberOrFail(call: OperationCall, ctx: EngineContext): MemberEntry {
  const uid = call.params.member_user_id ?? "";
  const member = ctx.state.members.get(uid);
  if (!member) throw fail(404, `No corporate member ${quoteRequestText(uid)}`);
  return member;
}

/** Deep merge of plain objects, every key set as an own property. */
function merged(base: unknown, patch: unknown): unknown {
  if (!isRecord(base) || !isRecord(patch)) return patch;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch))
    Object.defineProperty(out, key, { value: merged(out[key], value), enumerable: true, writable: true, configurable: true });
  return out;
}

const getAccounts: OperationHandler = (_call, ctx) => {
  requireAdmin(ctx, "list corporate members");
  return jsonAnswer(200, { members: [...ctx.state.members.values()].map((member) => member.account) });
};

const getUser: OperationHandler = (call, ctx) => jsonAnswer(200, accountOrFail(call, ctx));

const updateUser: OperationHandler = (call, ctx) => {
  const account = accountOrFail(call, ctx);
  const patch = isRecord(call.body) ? call.body : {};
  let next: Record<string, unknown> = { ...account };
  for (const field of ACCOUNT_FIELDS) {
    if (!Object.hasOwn(patch, field)) continue;
    next = assignOwn(next, { [field]: MERGED_FIELDS.has(field) ? merged(next[field], patch[field]) : patch[field] });
  }
  // The fake serves what it stores, and its answers must validate: a value the spec does not allow (an unknown enum value,
  // a bad pattern) cannot be kept.
  const issues = recordIssues("Account", next);
  if (issues.length > 0)
    throw fail(
      400,
      describeIssues(
        issues.map((message) => ({ message })),
        "the account cannot take this change",
      ),
    );
  const uid = account.uid;
  if (uid === ctx.state.account.uid) ctx.state.account = next as Account;
  else {
    const member = ctx.state.members.get(uid);
    if (member) member.account = next as Account;
  }
  return noContent();
};

const getMemberDetails: OperationHandler = (call, ctx) => {
  requireAdmin(ctx, "read member details");
  return jsonAnswer(200, memberOrFail(call, ctx).details);
};

const updateMemberDetails: OperationHandler = (call, ctx) => {
  requireAdmin(ctx, "change member details");
  const member = memberOrFail(call, ctx);
  if (isRecord(call.body)) member.details = assignOwn<MemberDetail>(member.details, call.body, ["role", "quota"]);
  return noContent();
};

function emailsOf(call: OperationCall): string[] {
  return [...new Set((call.body as MemberInvitationRequest).emails)];
}

function memberByEmail(ctx: EngineContext, email: string): MemberEntry | undefined {
  const wanted = email.toLowerCase();
  for (const member of ctx.state.members.values()) if (member.account.email.toLowerCase() === wanted) return member;
  return undefined;
}

const inviteMembers: OperationHandler = (call, ctx) => {
  requireAdmin(ctx, "invite members");
  const emails = emailsOf(call);
  const invited: string[] = [];
  const alreadyMembers: string[] = [];
  const invalid: string[] = [];
  for (const email of emails) {
    if (memberByEmail(ctx, email)) {
      alreadyMembers.push(email);
      continue;
    }
    if (ctx.state.members.size >= LIMITS.members) throw fail(400, `the fake holds at most ${LIMITS.members} members`);
    const account: Account = {
      uid: newId(),
      email,
      account_type: "corporate_member",
      status: "waiting_for_signup",
      creation_date: faxTime(ctx.clock.now()),
      member_of: [ctx.state.account.uid],
    };
    // An address the validator's e-mail format takes may still miss Account.email's pattern.
    if (recordIssues("Account", account).length > 0) {
      invalid.push(email);
      continue;
    }
    ctx.state.members.set(account.uid, { account, details: { ...DEFAULT_MEMBER_DETAILS } });
    invited.push(email);
  }
  return jsonAnswer(200, { invited, already_members: alreadyMembers, invalid });
};

const resendInvitations: OperationHandler = (call, ctx) => {
  requireAdmin(ctx, "resend invitations");
  const resent: string[] = [];
  const notPending: string[] = [];
  for (const email of emailsOf(call)) {
    if (memberByEmail(ctx, email)?.account.status === "waiting_for_signup") resent.push(email);
    else notPending.push(email);
  }
  return jsonAnswer(200, { resent, not_pending: notPending });
};

export const accountHandlers = {
  getAccounts,
  getUser,
  updateUser,
  getMemberDetails,
  updateMemberDetails,
  inviteMembers,
  resendInvitations,
} satisfies Record<string, OperationHandler>;
