import { escapeToken } from "../load/json-pointer.js";
import { isObject } from "../model/operations.js";
import { STATUS } from "./change-log.js";
import type { NodeAt, OperationSide, PartDiff, Site } from "./diff-context.js";
import { diffSchema } from "./diff-schema.js";
import { compareDeprecated, compareLeftoverKeys } from "./documentation.js";
import { resolve } from "./resolve.js";
import type { RuleId } from "./rules.js";
import { schemaWalk } from "./schema/walk.js";
import { describeAt, type Subject } from "./subject.js";

/** 2xx statuses and the 2XX range. */
export function isSuccessStatus(status: string): boolean {
  return /^2(\d\d|XX)$/i.test(status);
}

const MEDIA_HANDLED = new Set(["schema"]);
const HEADER_HANDLED = new Set(["schema", "required", "deprecated"]);

/**
 * Compares the responses of two versions of an operation: statuses, then per common status
 * its headers and media types, and each common media type's schema in the response
 * direction. For a callback (`callback` set) the responses are the handler's reply: their
 * schemas are judged in the request direction, and status or media type changes are
 * unclassified (faxkit generates nothing from them).
 */
export function diffResponses(diff: PartDiff<OperationSide>): void {
  const { site, oldDoc, newDoc, callback } = diff;
  const before = isObject(diff.before.operation.responses) ? diff.before.operation.responses : {};
  const after = isObject(diff.after.operation.responses) ? diff.after.operation.responses : {};
  const add = (rule: RuleId, pointer: string, text: string, status?: string) =>
    site.log.add({ rule, pointer, operationId: site.operationId, text, status });
  for (const status of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const oldAt = `${diff.before.pointer}/responses/${escapeToken(status)}`;
    const newAt = `${diff.after.pointer}/responses/${escapeToken(status)}`;
    const kind: "success" | "error" = isSuccessStatus(status) ? "success" : "error";
    if (!Object.hasOwn(after, status)) {
      if (callback === undefined) add(`${kind}-status-removed`, oldAt, `${kind} status ${status} removed`);
      else add("unclassified-change", oldAt, `callback \`${callback}\` reply status ${status} removed`);
      continue;
    }
    if (!Object.hasOwn(before, status)) {
      if (callback === undefined) add(`${kind}-status-added`, newAt, `${kind} status ${status} added`);
      else add("unclassified-change", newAt, `callback \`${callback}\` reply status ${status} added`);
      continue;
    }
    const was = resolve(oldDoc, before[status], oldAt);
    const now = resolve(newDoc, after[status], newAt);
    if (!isObject(was.value) || !isObject(now.value)) continue;
    const subject: Subject = callback === undefined ? { kind: "response", status } : { kind: "reply", callback, status };
    // Without `client` (response shapes reach it only through @faxkit/types); with the status,
    // so changes behind one shared schema merge into "responses 400, 401, 500 …".
    const place: Site = { log: site.log, operationId: site.operationId, ...(callback === undefined ? { status } : {}) };
    const label = callback === undefined ? STATUS : `callback \`${callback}\` reply ${status}`;
    const handled = new Set(callback === undefined ? ["content", "headers"] : ["content"]);
    const wasAt = { node: was.value, pointer: was.pointer };
    const nowAt = { node: now.value, pointer: now.pointer };
    compareLeftoverKeys(place, { before: wasAt, after: nowAt, handled, label });
    if (callback === undefined) diffHeaders({ site: place, oldDoc, newDoc, before: wasAt, after: nowAt }, status);
    const oldContent = isObject(was.value.content) ? was.value.content : {};
    const newContent = isObject(now.value.content) ? now.value.content : {};
    const walk = schemaWalk({ site: place, oldDoc, newDoc }, subject);
    for (const mediaType of new Set([...Object.keys(oldContent), ...Object.keys(newContent)])) {
      const oldMediaAt = `${was.pointer}/content/${escapeToken(mediaType)}`;
      const newMediaAt = `${now.pointer}/content/${escapeToken(mediaType)}`;
      const oldMedia = oldContent[mediaType];
      const newMedia = newContent[mediaType];
      if (!isObject(newMedia) || !isObject(oldMedia)) {
        const removed = !isObject(newMedia);
        const text = `${label} media type \`${mediaType}\` ${removed ? "removed" : "added"}`;
        const rule = callback !== undefined ? "unclassified-change" : removed ? "response-media-type-removed" : "response-media-type-added";
        add(rule, removed ? oldMediaAt : newMediaAt, text, place.status);
      } else {
        compareLeftoverKeys(place, {
          before: { node: oldMedia, pointer: oldMediaAt },
          after: { node: newMedia, pointer: newMediaAt },
          handled: MEDIA_HANDLED,
          label: `${label} (\`${mediaType}\`)`,
        });
        diffSchema(walk, {
          before: { schema: oldMedia.schema, pointer: `${oldMediaAt}/schema` },
          after: { schema: newMedia.schema, pointer: `${newMediaAt}/schema` },
          path: "",
        });
      }
    }
  }
}

/** Response headers: added/removed, requiredness (like a response property), schema. */
function diffHeaders(diff: PartDiff<NodeAt>, status: string): void {
  const { site, oldDoc, newDoc, before: was, after: now } = diff;
  const before = isObject(was.node.headers) ? was.node.headers : {};
  const after = isObject(now.node.headers) ? now.node.headers : {};
  // Exact spelling: the generated `headers` type is keyed by it (see parametersOf).
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const subject: Subject = { kind: "header", status, name };
    const label = describeAt(subject, "");
    const add = (rule: RuleId, pointer: string, text: string) =>
      site.log.add({ rule, pointer, operationId: site.operationId, text, status });
    if (!Object.hasOwn(after, name)) {
      add("response-header-removed", `${was.pointer}/headers/${escapeToken(name)}`, `${label} removed`);
      continue;
    }
    if (!Object.hasOwn(before, name)) {
      add("response-header-added", `${now.pointer}/headers/${escapeToken(name)}`, `${label} added`);
      continue;
    }
    const oldHeader = resolve(oldDoc, before[name], `${was.pointer}/headers/${escapeToken(name)}`);
    const newHeader = resolve(newDoc, after[name], `${now.pointer}/headers/${escapeToken(name)}`);
    if (!isObject(oldHeader.value) || !isObject(newHeader.value)) continue;
    const wasRequired = oldHeader.value.required === true;
    const isRequired = newHeader.value.required === true;
    if (wasRequired !== isRequired) {
      add(
        isRequired ? "response-property-became-required" : "response-property-became-optional",
        `${newHeader.pointer}/required`,
        `${label} became ${isRequired ? "required" : "optional"}`,
      );
    }
    const wasHeader = { node: oldHeader.value, pointer: oldHeader.pointer };
    const nowHeader = { node: newHeader.value, pointer: newHeader.pointer };
    compareDeprecated(site, { before: wasHeader.node, after: nowHeader.node, pointer: nowHeader.pointer, label });
    compareLeftoverKeys(site, { before: wasHeader, after: nowHeader, handled: HEADER_HANDLED, label });
    diffSchema(schemaWalk(diff, subject), {
      before: { schema: wasHeader.node.schema, pointer: `${wasHeader.pointer}/schema` },
      after: { schema: nowHeader.node.schema, pointer: `${nowHeader.pointer}/schema` },
      path: "",
    });
  }
}
