import { escapeToken } from "../load/json-pointer.js";
import { isObject } from "../model/operations.js";
import type { OperationSide, PartDiff } from "./diff-context.js";
import { diffSchema } from "./diff-schema.js";
import { compareLeftoverKeys } from "./documentation.js";
import { resolve } from "./resolve.js";
import type { RuleId } from "./rules.js";
import { schemaWalk } from "./schema/walk.js";
import type { Subject } from "./subject.js";

const BODY_HANDLED = new Set(["content", "required"]);
const MEDIA_HANDLED = new Set(["schema"]);

/**
 * Compares the request bodies of two versions of an operation: presence, `required`, media
 * types, then each common media type's schema in the request direction. For a callback
 * (`callback` set) the body is the payload Fax.Plus sends: its schema is judged in the
 * response direction and `required` is not compared (the payload is always sent).
 */
export function diffRequestBody(diff: PartDiff<OperationSide>): void {
  const { site, oldDoc, newDoc, callback } = diff;
  const oldBody = diff.before.operation.requestBody;
  const newBody = diff.after.operation.requestBody;
  if (oldBody === undefined && newBody === undefined) return;
  const label = callback === undefined ? "request body" : `callback \`${callback}\` payload`;
  const add = (rule: RuleId, pointer: string, text: string) => site.log.add({ rule, pointer, operationId: site.operationId, text });
  const was = oldBody === undefined ? undefined : resolve(oldDoc, oldBody, `${diff.before.pointer}/requestBody`);
  const now = newBody === undefined ? undefined : resolve(newDoc, newBody, `${diff.after.pointer}/requestBody`);
  if (was === undefined || !isObject(was.value)) {
    if (now === undefined || !isObject(now.value)) return;
    const required = now.value.required === true && callback === undefined;
    if (required) add("request-body-became-required", now.pointer, `required ${label} added`);
    else add("request-body-added", now.pointer, callback === undefined ? `optional ${label} added` : `${label} added`);
    return;
  }
  if (now === undefined || !isObject(now.value)) {
    add("request-body-removed", was.pointer, `${label} removed`);
    return;
  }
  const before = was.value;
  const after = now.value;
  if (callback === undefined && (before.required === true) !== (after.required === true)) {
    add(
      after.required === true ? "request-body-became-required" : "request-body-became-optional",
      `${now.pointer}/required`,
      `${label} became ${after.required === true ? "required" : "optional"}`,
    );
  }
  compareLeftoverKeys(site, {
    before: { node: before, pointer: was.pointer },
    after: { node: after, pointer: now.pointer },
    handled: BODY_HANDLED,
    label,
  });
  const oldContent = isObject(before.content) ? before.content : {};
  const newContent = isObject(after.content) ? after.content : {};
  const subject: Subject = callback === undefined ? { kind: "request" } : { kind: "payload", callback };
  // Without `client`: a body schema change reaches the client only through @faxkit/types.
  const walk = schemaWalk({ site: { log: site.log, operationId: site.operationId }, oldDoc, newDoc }, subject);
  for (const mediaType of new Set([...Object.keys(oldContent), ...Object.keys(newContent)])) {
    const oldAt = `${was.pointer}/content/${escapeToken(mediaType)}`;
    const newAt = `${now.pointer}/content/${escapeToken(mediaType)}`;
    const oldMedia = oldContent[mediaType];
    const newMedia = newContent[mediaType];
    if (!isObject(newMedia)) add("request-media-type-removed", oldAt, `${label} media type \`${mediaType}\` removed`);
    else if (!isObject(oldMedia)) add("request-media-type-added", newAt, `${label} media type \`${mediaType}\` added`);
    else {
      compareLeftoverKeys(site, {
        before: { node: oldMedia, pointer: oldAt },
        after: { node: newMedia, pointer: newAt },
        handled: MEDIA_HANDLED,
        label: `${label} (\`${mediaType}\`)`,
      });
      diffSchema(walk, {
        before: { schema: oldMedia.schema, pointer: `${oldAt}/schema` },
        after: { schema: newMedia.schema, pointer: `${newAt}/schema` },
        path: "",
      });
    }
  }
}
