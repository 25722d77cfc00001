import { escapeToken } from "../load/json-pointer.js";
import { isObject, type JsonObject, listOperations, type OperationEntry } from "../model/operations.js";
import type { DiffContext, NodeAt, Site } from "./diff-context.js";
import { diffOperation, operationName } from "./diff-operation.js";
import { compareLeftoverKeys } from "./documentation.js";
import { reachableComponents } from "./reachable.js";
import { sameJson } from "./same-json.js";

/** `GET /accounts/{}/faxes/{}`: operations match by method and path, whatever the parameter names. */
function operationKey(entry: OperationEntry): string {
  return `${entry.method} ${entry.path.replace(/\{[^}]*\}/g, "{}")}`;
}

/**
 * Matches the operations of both documents and diffs each pair; reports the rest as removed
 * or added. Path-item level extras (servers, extensions, prose) are compared per path.
 */
export function diffOperations(context: DiffContext): void {
  const { oldDoc, newDoc, log } = context;
  const newByKey = new Map(listOperations(newDoc).map((entry) => [operationKey(entry), entry]));
  const matched = new Set<string>();
  for (const before of listOperations(oldDoc)) {
    const key = operationKey(before);
    const after = newByKey.get(key);
    if (after === undefined) {
      log.add({
        rule: "operation-removed",
        pointer: before.pointer,
        operationId: operationName(before),
        text: `operation ${before.method.toUpperCase()} ${before.path} removed`,
      });
    } else {
      matched.add(key);
      diffOperation(context, before, after);
    }
  }
  for (const [key, after] of newByKey) {
    if (matched.has(key)) continue;
    log.add({
      rule: "operation-added",
      pointer: after.pointer,
      operationId: operationName(after),
      text: `operation ${after.method.toUpperCase()} ${after.path} added`,
    });
  }
  const oldPaths = isObject(oldDoc.paths) ? oldDoc.paths : {};
  const newPaths = isObject(newDoc.paths) ? newDoc.paths : {};
  const handled = new Set(["parameters", "get", "put", "post", "delete", "options", "head", "patch", "trace"]);
  for (const [path, item] of Object.entries(newPaths)) {
    const previous = oldPaths[path];
    if (!isObject(item) || !isObject(previous)) continue;
    const pointer = `/paths/${escapeToken(path)}`;
    compareLeftoverKeys(
      { log, operationId: null },
      { before: { node: previous, pointer }, after: { node: item, pointer }, handled, label: `path \`${path}\`` },
    );
  }
}

const SECTION_LABEL: Readonly<Record<string, string>> = {
  schemas: "schema",
  parameters: "parameter",
  responses: "response",
  requestBodies: "request body",
  headers: "header",
  securitySchemes: "security scheme",
  examples: "example",
  links: "link",
  callbacks: "callback",
};

/**
 * Component-level changes: schemas added or removed (each is an exported type and a
 * validator), other components added or removed, security schemes, and components no
 * operation uses (their changes reach no operation diff).
 */
export function diffComponents(context: DiffContext): void {
  const { oldDoc, newDoc, log } = context;
  const site: Site = { log, operationId: null };
  const oldComponents = isObject(oldDoc.components) ? oldDoc.components : {};
  const newComponents = isObject(newDoc.components) ? newDoc.components : {};
  const reachedBefore = reachableComponents(oldDoc);
  const reachedAfter = reachableComponents(newDoc);
  for (const section of new Set([...Object.keys(oldComponents), ...Object.keys(newComponents)])) {
    const before = oldComponents[section];
    const after = newComponents[section];
    const sectionPointer = `/components/${escapeToken(section)}`;
    if (!isObject(before) || !isObject(after)) {
      if (!sameJson(before, after))
        log.add({ rule: "unclassified-change", pointer: sectionPointer, operationId: null, text: `components \`${section}\` changed` });
      continue;
    }
    const label = SECTION_LABEL[section] ?? section;
    for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const pointer = `${sectionPointer}/${escapeToken(name)}`;
      const inOld = Object.hasOwn(before, name);
      const inNew = Object.hasOwn(after, name);
      if (!inOld || !inNew) {
        const rule = section === "schemas" ? (inNew ? "schema-component-added" : "schema-component-removed") : "unclassified-change";
        log.add({ rule, pointer, operationId: null, text: `${label} \`${name}\` ${inNew ? "added to" : "removed from"} components` });
      } else if (section === "securitySchemes") {
        const was = before[name];
        const now = after[name];
        if (isObject(was) && isObject(now)) {
          compareLeftoverKeys(site, {
            before: { node: was, pointer },
            after: { node: now, pointer },
            handled: new Set(),
            label: `${label} \`${name}\``,
          });
        }
      } else if (!reachedBefore.has(pointer) && !reachedAfter.has(pointer) && !sameJson(before[name], after[name])) {
        log.add({ rule: "unclassified-change", pointer, operationId: null, text: `${label} \`${name}\` changed (used by no operation)` });
      }
    }
  }
}

/** A node and its pointer, for {@link compareLeftoverKeys}. */
function nodeAt(node: JsonObject, pointer: string): NodeAt {
  return { node, pointer };
}

/** Top-level keys compared elsewhere, or not at all (`x-faxkit-generated` is the generator's provenance). */
const ROOT_HANDLED = new Set(["info", "servers", "tags", "paths", "components", "security", "x-faxkit-generated"]);

/**
 * Document-level changes: info (but never `info.version`: flagging an unchanged version is
 * the release script's job), the first server URL, tags, and any other top-level key.
 */
export function diffDocument(context: DiffContext): void {
  const { oldDoc, newDoc, log } = context;
  const site: Site = { log, operationId: null };
  compareLeftoverKeys(site, { before: nodeAt(oldDoc, ""), after: nodeAt(newDoc, ""), handled: ROOT_HANDLED, label: "" });
  const oldInfo = isObject(oldDoc.info) ? oldDoc.info : {};
  const newInfo = isObject(newDoc.info) ? newDoc.info : {};
  compareLeftoverKeys(site, {
    before: nodeAt(oldInfo, "/info"),
    after: nodeAt(newInfo, "/info"),
    handled: new Set(["version"]),
    label: "info",
  });
  diffServers(site, oldDoc, newDoc);
  diffTags(site, oldDoc, newDoc);
}

function diffServers(site: Site, oldDoc: JsonObject, newDoc: JsonObject): void {
  const before = Array.isArray(oldDoc.servers) ? oldDoc.servers : [];
  const after = Array.isArray(newDoc.servers) ? newDoc.servers : [];
  const urlOf = (server: unknown) => (isObject(server) && typeof server.url === "string" ? server.url : "/");
  if (urlOf(before[0]) !== urlOf(after[0])) {
    site.log.add({
      rule: "server-url-changed",
      pointer: after.length > 0 ? "/servers/0/url" : "/servers",
      operationId: null,
      text: `server URL changed from \`${urlOf(before[0])}\` to \`${urlOf(after[0])}\``,
    });
  }
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    const was = before[i];
    const now = after[i];
    if (isObject(was) && isObject(now)) {
      compareLeftoverKeys(site, {
        before: nodeAt(was, `/servers/${i}`),
        after: nodeAt(now, `/servers/${i}`),
        // The first server's URL has its own rule (server-url-changed) above.
        handled: new Set(i === 0 ? ["url"] : []),
        label: `server ${i}`,
      });
    } else if (i > 0 && !sameJson(was, now)) {
      site.log.add({
        rule: "unclassified-change",
        pointer: `/servers/${i}`,
        operationId: null,
        text: `server \`${urlOf(now ?? was)}\` ${now === undefined ? "removed" : "added"}`,
      });
    }
  }
}

function diffTags(site: Site, oldDoc: JsonObject, newDoc: JsonObject): void {
  const byName = (document: JsonObject) => {
    const tags = new Map<string, { tag: JsonObject; pointer: string }>();
    (Array.isArray(document.tags) ? document.tags : []).forEach((tag, i) => {
      if (isObject(tag) && typeof tag.name === "string") tags.set(tag.name, { tag, pointer: `/tags/${i}` });
    });
    return tags;
  };
  const before = byName(oldDoc);
  const after = byName(newDoc);
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(name);
    const now = after.get(name);
    if (was !== undefined && now !== undefined) {
      compareLeftoverKeys(site, {
        before: nodeAt(was.tag, was.pointer),
        after: nodeAt(now.tag, now.pointer),
        handled: new Set(["name"]),
        label: `tag \`${name}\``,
      });
    } else {
      const pointer = (now ?? was)?.pointer ?? "/tags";
      site.log.add({
        rule: "documentation-changed",
        pointer,
        operationId: null,
        text: `tag \`${name}\` ${now === undefined ? "removed" : "added"}`,
      });
    }
  }
}
