import type { JsonObject, OperationEntry } from "../model/operations.js";
import type { ChangeLog } from "./change-log.js";
import { diffCallbacks } from "./diff-callbacks.js";
import { diffParameters, parametersOf } from "./diff-parameters.js";
import { diffRequestBody } from "./diff-request-body.js";
import { diffResponses } from "./diff-responses.js";
import { diffSecurity } from "./diff-security.js";
import { compareDeprecated, compareLeftoverKeys, reportDocumentation, type Site } from "./documentation.js";
import { sameJson } from "./same-json.js";

/** The two documents and the log every differ writes to. */
export interface DiffContext {
  oldDoc: JsonObject;
  newDoc: JsonObject;
  log: ChangeLog;
}

/** The operationId, or "GET /path" when the operation has none. */
export function operationName(entry: OperationEntry): string {
  return typeof entry.operation.operationId === "string" ? entry.operation.operationId : `${entry.method.toUpperCase()} ${entry.path}`;
}

/** Keys of an Operation Object compared by the dedicated differs. */
const HANDLED = new Set(["operationId", "tags", "deprecated", "parameters", "requestBody", "responses", "callbacks", "security"]);

function tagsOf(entry: OperationEntry): string[] {
  return Array.isArray(entry.operation.tags) ? entry.operation.tags.map(String) : [];
}

/**
 * Compares two versions of one operation (same method, same path up to parameter names):
 * identity (operationId, first tag), prose, deprecation, parameters, request body,
 * responses, security and callbacks.
 */
export function diffOperation(context: DiffContext, before: OperationEntry, after: OperationEntry): void {
  const { oldDoc, newDoc, log } = context;
  const operationId = operationName(after);
  const site: Site = { log, operationId, client: true };
  const previousId = operationName(before);
  if (previousId !== operationId) {
    log.add({
      rule: "operation-id-changed",
      pointer: `${after.pointer}/operationId`,
      operationId,
      text: `operationId changed from \`${previousId}\` to \`${operationId}\``,
    });
  }
  const oldTags = tagsOf(before);
  const newTags = tagsOf(after);
  if (oldTags[0] !== newTags[0]) {
    const show = (tag: string | undefined) => (tag === undefined ? "(none)" : `\`${tag}\``);
    log.add({
      rule: "operation-tag-changed",
      pointer: newTags.length > 0 ? `${after.pointer}/tags/0` : `${before.pointer}/tags/0`,
      operationId,
      text: `tag changed from ${show(oldTags[0])} to ${show(newTags[0])}`,
    });
  }
  if (!sameJson(oldTags.slice(1), newTags.slice(1))) reportDocumentation(site, `${after.pointer}/tags`, "secondary tags changed");
  compareDeprecated(site, before.operation, after.operation, after.pointer, "operation");
  compareLeftoverKeys(site, before.operation, after.operation, before.pointer, after.pointer, HANDLED, "");
  const parameters = (document: JsonObject, entry: OperationEntry) =>
    parametersOf(document, [
      { items: entry.pathItemParameters, pointer: `${entry.pointer.slice(0, entry.pointer.lastIndexOf("/"))}/parameters` },
      { items: entry.operation.parameters, pointer: `${entry.pointer}/parameters` },
    ]);
  diffParameters(site, oldDoc, newDoc, parameters(oldDoc, before), parameters(newDoc, after));
  diffRequestBody(site, oldDoc, newDoc, before.operation, after.operation, before.pointer, after.pointer);
  diffResponses(site, oldDoc, newDoc, before.operation, after.operation, before.pointer, after.pointer);
  diffSecurity(site, oldDoc, newDoc, before.operation, after.operation, before.pointer, after.pointer);
  diffCallbacks(site, oldDoc, newDoc, before.operation, after.operation, before.pointer, after.pointer);
}
