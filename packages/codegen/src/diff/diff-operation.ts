import type { JsonObject, OperationEntry } from "../model/operations.js";
import { diffCallbacks } from "./diff-callbacks.js";
import type { DiffContext, OperationSide, PartDiff, Site } from "./diff-context.js";
import { diffParameters, parametersOf } from "./diff-parameters.js";
import { diffRequestBody } from "./diff-request-body.js";
import { diffResponses } from "./diff-responses.js";
import { diffSecurity } from "./diff-security.js";
import { compareDeprecated, compareLeftoverKeys, reportDocumentation } from "./documentation.js";
import { sameJson } from "./same-json.js";

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
  compareDeprecated(site, { before: before.operation, after: after.operation, pointer: after.pointer, label: "operation" });
  compareLeftoverKeys(site, {
    before: { node: before.operation, pointer: before.pointer },
    after: { node: after.operation, pointer: after.pointer },
    handled: HANDLED,
    label: "",
  });
  // Path-item parameters first: the operation's own list overrides them (parametersOf).
  const parameters = (document: JsonObject, entry: OperationEntry) =>
    parametersOf(document, [
      { items: entry.pathItemParameters, pointer: `${entry.pointer.slice(0, entry.pointer.lastIndexOf("/"))}/parameters` },
      { items: entry.operation.parameters, pointer: `${entry.pointer}/parameters` },
    ]);
  diffParameters({ site, oldDoc, newDoc, before: parameters(oldDoc, before), after: parameters(newDoc, after) });
  const part: PartDiff<OperationSide> = { site, oldDoc, newDoc, before, after };
  diffRequestBody(part);
  diffResponses(part);
  diffSecurity(part);
  diffCallbacks(part);
}
