import { escapeToken } from "../load/json-pointer.js";
import { isObject, type JsonObject } from "../model/operations.js";
import { STATUS } from "./change-log.js";
import { diffSchema, schemaWalk } from "./diff-schema.js";
import { compareDeprecated, compareLeftoverKeys, type Site } from "./documentation.js";
import { resolve } from "./resolve.js";
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
export function diffResponses(
  site: Site,
  oldDoc: unknown,
  newDoc: unknown,
  oldOperation: JsonObject,
  newOperation: JsonObject,
  oldPointer: string,
  newPointer: string,
  callback?: string,
): void {
  const before = isObject(oldOperation.responses) ? oldOperation.responses : {};
  const after = isObject(newOperation.responses) ? newOperation.responses : {};
  const add = (rule: string, pointer: string, text: string, status?: string) =>
    site.log.add({ rule, pointer, operationId: site.operationId, text, status });
  for (const status of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const oldAt = `${oldPointer}/responses/${escapeToken(status)}`;
    const newAt = `${newPointer}/responses/${escapeToken(status)}`;
    const kind = isSuccessStatus(status) ? "success" : "error";
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
    const place: Site = { log: site.log, operationId: site.operationId, ...(callback === undefined ? { status } : {}) };
    const label = callback === undefined ? STATUS : `callback \`${callback}\` reply ${status}`;
    const handled = new Set(callback === undefined ? ["content", "headers"] : ["content"]);
    compareLeftoverKeys(place, was.value, now.value, was.pointer, now.pointer, handled, label);
    if (callback === undefined)
      diffHeaders(place, oldDoc, newDoc, { value: was.value, pointer: was.pointer }, { value: now.value, pointer: now.pointer }, status);
    const oldContent = isObject(was.value.content) ? was.value.content : {};
    const newContent = isObject(now.value.content) ? now.value.content : {};
    const walk = schemaWalk(place, oldDoc, newDoc, subject);
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
        compareLeftoverKeys(place, oldMedia, newMedia, oldMediaAt, newMediaAt, MEDIA_HANDLED, `${label} (\`${mediaType}\`)`);
        diffSchema(walk, oldMedia.schema, `${oldMediaAt}/schema`, newMedia.schema, `${newMediaAt}/schema`, "");
      }
    }
  }
}

type Resolved = { value: JsonObject; pointer: string };

/** Response headers: added/removed, requiredness (like a response property), schema. */
function diffHeaders(site: Site, oldDoc: unknown, newDoc: unknown, was: Resolved, now: Resolved, status: string): void {
  const before = isObject(was.value.headers) ? was.value.headers : {};
  const after = isObject(now.value.headers) ? now.value.headers : {};
  // Exact spelling: the generated `headers` type is keyed by it (see parametersOf).
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const subject: Subject = { kind: "header", status, name };
    const label = describeAt(subject, "");
    const add = (rule: string, pointer: string, text: string) =>
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
    compareDeprecated(site, oldHeader.value, newHeader.value, newHeader.pointer, label);
    compareLeftoverKeys(site, oldHeader.value, newHeader.value, oldHeader.pointer, newHeader.pointer, HEADER_HANDLED, label);
    diffSchema(
      schemaWalk(site, oldDoc, newDoc, subject),
      oldHeader.value.schema,
      `${oldHeader.pointer}/schema`,
      newHeader.value.schema,
      `${newHeader.pointer}/schema`,
      "",
    );
  }
}
