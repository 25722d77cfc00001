import { escapeToken } from "../load/json-pointer.js";
import { HTTP_METHODS, isObject, type JsonObject } from "../model/operations.js";
import type { OperationSide, PartDiff } from "./diff-context.js";
import { diffParameters, parametersOf } from "./diff-parameters.js";
import { diffRequestBody } from "./diff-request-body.js";
import { diffResponses } from "./diff-responses.js";
import { compareDeprecated, compareLeftoverKeys } from "./documentation.js";
import { resolve } from "./resolve.js";
import type { RuleId } from "./rules.js";

/** One operation of a callback, with the Path Item around it (for its shared parameters). */
interface CallbackOperation extends OperationSide {
  label: string;
  pathItem: JsonObject;
  pathItemPointer: string;
}

/** The operations of a Callback Object (expression → Path Item), keyed "POST {$request.body#/target}". */
function callbackOperations(document: unknown, callback: unknown, pointer: string): Map<string, CallbackOperation> {
  const result = new Map<string, CallbackOperation>();
  const { value, pointer: at } = resolve(document, callback, pointer);
  if (!isObject(value)) return result;
  for (const [expression, rawItem] of Object.entries(value)) {
    const item = resolve(document, rawItem, `${at}/${escapeToken(expression)}`);
    if (!isObject(item.value)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item.value[method];
      if (!isObject(operation)) continue;
      const label = `${method.toUpperCase()} ${expression}`;
      result.set(label, { label, operation, pathItem: item.value, pathItemPointer: item.pointer, pointer: `${item.pointer}/${method}` });
    }
  }
  return result;
}

const OPERATION_HANDLED = new Set(["parameters", "requestBody", "responses", "deprecated"]);

/**
 * Compares the callbacks (webhooks) of two versions of an operation. Inside a callback the
 * directions are mirrored: the payload Fax.Plus posts is judged like a response, the
 * handler's reply like a request. Changes name the parent operation.
 */
export function diffCallbacks(diff: PartDiff<OperationSide>): void {
  const { site, oldDoc, newDoc } = diff;
  const before = isObject(diff.before.operation.callbacks) ? diff.before.operation.callbacks : {};
  const after = isObject(diff.after.operation.callbacks) ? diff.after.operation.callbacks : {};
  const add = (rule: RuleId, pointer: string, text: string) => site.log.add({ rule, pointer, operationId: site.operationId, text });
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const oldAt = `${diff.before.pointer}/callbacks/${escapeToken(name)}`;
    const newAt = `${diff.after.pointer}/callbacks/${escapeToken(name)}`;
    if (!Object.hasOwn(after, name)) {
      add("callback-removed", oldAt, `callback \`${name}\` removed`);
      continue;
    }
    if (!Object.hasOwn(before, name)) {
      add("callback-added", newAt, `callback \`${name}\` added`);
      continue;
    }
    const oldOperations = callbackOperations(oldDoc, before[name], oldAt);
    const newOperations = callbackOperations(newDoc, after[name], newAt);
    for (const key of new Set([...oldOperations.keys(), ...newOperations.keys()])) {
      const was = oldOperations.get(key);
      const now = newOperations.get(key);
      if (now === undefined && was !== undefined) add("callback-removed", was.pointer, `callback \`${name}\` ${key} removed`);
      else if (was === undefined && now !== undefined) add("callback-added", now.pointer, `callback \`${name}\` ${key} added`);
      else if (was !== undefined && now !== undefined)
        diffCallbackOperation({ site, oldDoc, newDoc, before: was, after: now, callback: name });
    }
  }
}

/** Compares one operation of a callback; `diff.callback` is the callback's name. */
function diffCallbackOperation(diff: PartDiff<CallbackOperation> & { callback: string }): void {
  const { site, oldDoc, newDoc, before: was, after: now, callback } = diff;
  const label = `callback \`${callback}\``;
  compareLeftoverKeys(site, {
    before: { node: was.pathItem, pointer: was.pathItemPointer },
    after: { node: now.pathItem, pointer: now.pathItemPointer },
    handled: new Set(["parameters", ...HTTP_METHODS]),
    label,
  });
  compareDeprecated(site, { before: was.operation, after: now.operation, pointer: now.pointer, label });
  compareLeftoverKeys(site, {
    before: { node: was.operation, pointer: was.pointer },
    after: { node: now.operation, pointer: now.pointer },
    handled: OPERATION_HANDLED,
    label,
  });
  const parameters = (document: unknown, entry: CallbackOperation) =>
    parametersOf(document, [
      { items: entry.pathItem.parameters, pointer: `${entry.pathItemPointer}/parameters` },
      { items: entry.operation.parameters, pointer: `${entry.pointer}/parameters` },
    ]);
  diffParameters({ site, oldDoc, newDoc, before: parameters(oldDoc, was), after: parameters(newDoc, now), callback });
  diffRequestBody(diff);
  diffResponses(diff);
}
