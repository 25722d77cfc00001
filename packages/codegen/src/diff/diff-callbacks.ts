import { escapeToken } from "../load/json-pointer.js";
import { HTTP_METHODS, isObject, type JsonObject } from "../model/operations.js";
import { diffParameters, parametersOf } from "./diff-parameters.js";
import { diffRequestBody } from "./diff-request-body.js";
import { diffResponses } from "./diff-responses.js";
import { compareDeprecated, compareLeftoverKeys, type Site } from "./documentation.js";
import { resolve } from "./resolve.js";

interface CallbackOperation {
  label: string;
  operation: JsonObject;
  pathItem: JsonObject;
  pathItemPointer: string;
  pointer: string;
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
export function diffCallbacks(
  site: Site,
  oldDoc: unknown,
  newDoc: unknown,
  oldOperation: JsonObject,
  newOperation: JsonObject,
  oldPointer: string,
  newPointer: string,
): void {
  const before = isObject(oldOperation.callbacks) ? oldOperation.callbacks : {};
  const after = isObject(newOperation.callbacks) ? newOperation.callbacks : {};
  const add = (rule: string, pointer: string, text: string) => site.log.add({ rule, pointer, operationId: site.operationId, text });
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const oldAt = `${oldPointer}/callbacks/${escapeToken(name)}`;
    const newAt = `${newPointer}/callbacks/${escapeToken(name)}`;
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
      else if (was !== undefined && now !== undefined) diffCallbackOperation(site, oldDoc, newDoc, name, was, now);
    }
  }
}

function diffCallbackOperation(
  site: Site,
  oldDoc: unknown,
  newDoc: unknown,
  name: string,
  was: CallbackOperation,
  now: CallbackOperation,
): void {
  const label = `callback \`${name}\``;
  const itemHandled = new Set(["parameters", ...HTTP_METHODS]);
  compareLeftoverKeys(site, was.pathItem, now.pathItem, was.pathItemPointer, now.pathItemPointer, itemHandled, label);
  compareDeprecated(site, was.operation, now.operation, now.pointer, label);
  compareLeftoverKeys(site, was.operation, now.operation, was.pointer, now.pointer, OPERATION_HANDLED, label);
  const parameters = (document: unknown, entry: CallbackOperation) =>
    parametersOf(document, [
      { items: entry.pathItem.parameters, pointer: `${entry.pathItemPointer}/parameters` },
      { items: entry.operation.parameters, pointer: `${entry.pointer}/parameters` },
    ]);
  diffParameters(site, oldDoc, newDoc, parameters(oldDoc, was), parameters(newDoc, now), name);
  diffRequestBody(site, oldDoc, newDoc, was.operation, now.operation, was.pointer, now.pointer, name);
  diffResponses(site, oldDoc, newDoc, was.operation, now.operation, was.pointer, now.pointer, name);
}
