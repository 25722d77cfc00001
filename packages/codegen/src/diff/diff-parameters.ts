import { escapeToken } from "../load/json-pointer.js";
import { isObject, type JsonObject } from "../model/operations.js";
import type { PartDiff, Site } from "./diff-context.js";
import { diffSchema } from "./diff-schema.js";
import { compareDeprecated, compareLeftoverKeys } from "./documentation.js";
import { resolve } from "./resolve.js";
import type { RuleId } from "./rules.js";
import { schemaWalk } from "./schema/walk.js";
import { describeAt, type Subject } from "./subject.js";

/** A parameter in effect for an operation, with `$ref`s followed. */
export interface ParameterEntry {
  name: string;
  in: string;
  node: JsonObject;
  /** Pointer of the Parameter Object (the component, when it was a `$ref`). */
  pointer: string;
}

/** A `parameters` list and where it is. */
export interface ParameterList {
  items: unknown;
  pointer: string;
}

/**
 * The parameters in effect, keyed by location and name: later lists win, so pass the path item's list first and the operation's second
 * (OpenAPI 3.0.3 §4.7.10).
 */
export function parametersOf(document: unknown, lists: readonly ParameterList[]): Map<string, ParameterEntry> {
  const result = new Map<string, ParameterEntry>();
  for (const { items, pointer } of lists) {
    if (!Array.isArray(items)) continue;
    items.forEach((raw, i) => {
      const { value, pointer: at } = resolve(document, raw, `${pointer}/${i}`);
      if (!isObject(value) || typeof value.name !== "string" || typeof value.in !== "string") return;
      // Exact spelling, headers included: HTTP ignores header case, but the generated
      // `parameters.header` type is keyed by the spelling, so a case change is a rename.
      const key = `${value.in}:${value.name}`;
      result.set(key, { name: value.name, in: value.in, node: value, pointer: at });
    });
  }
  return result;
}

/** Keys of a Parameter Object this module compares itself. */
const HANDLED = new Set(["name", "in", "required", "schema", "content", "style", "explode", "allowReserved", "deprecated"]);

/** `style`, `explode` and `allowReserved` with the defaults of OpenAPI 3.0.3 §4.7.12 applied. */
function serialization(parameter: ParameterEntry): Record<string, unknown> {
  const style =
    typeof parameter.node.style === "string"
      ? parameter.node.style
      : parameter.in === "query" || parameter.in === "cookie"
        ? "form"
        : "simple";
  return {
    style,
    explode: typeof parameter.node.explode === "boolean" ? parameter.node.explode : style === "form",
    allowReserved: parameter.node.allowReserved === true,
  };
}

/** The parameter's schema: `schema`, or the schema of its first `content` media type. */
function schemaOf(parameter: ParameterEntry): { schema: unknown; pointer: string } | undefined {
  if (parameter.node.schema !== undefined) return { schema: parameter.node.schema, pointer: `${parameter.pointer}/schema` };
  if (isObject(parameter.node.content)) {
    const [mediaType, media] = Object.entries(parameter.node.content)[0] ?? [];
    if (mediaType !== undefined && isObject(media))
      return { schema: media.schema, pointer: `${parameter.pointer}/content/${escapeToken(mediaType)}/schema` };
  }
  return undefined;
}

/** Input of {@link diffParameters}: the parameters in effect before and after ({@link parametersOf}). */
export type ParameterDiff = PartDiff<Map<string, ParameterEntry>>;

/**
 * Compares the parameters of two versions of an operation. For a callback (`callback`
 * set), the parameters are what Fax.Plus sends, so requiredness is judged like a response
 * property and the schemas in the response direction.
 */
export function diffParameters(diff: ParameterDiff): void {
  const { site, oldDoc, newDoc, before, after, callback } = diff;
  // A callback's parameters are not the client's: Fax.Plus sends them, the client never does.
  const place: Site = { ...site, client: callback === undefined };
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(key);
    const now = after.get(key);
    const entry = (now ?? was) as ParameterEntry;
    const subject: Subject = { kind: "parameter", name: entry.name, in: entry.in, ...(callback === undefined ? {} : { callback }) };
    const label = describeAt(subject, "");
    const add = (rule: RuleId, pointer: string, text: string) =>
      site.log.add({ rule, pointer, operationId: site.operationId, text, client: place.client });
    if (now === undefined && was !== undefined) {
      add("parameter-removed", was.pointer, `${label} removed`);
    } else if (was === undefined && now !== undefined) {
      const required = now.node.required === true && callback === undefined;
      add(
        required ? "required-parameter-added" : "parameter-added",
        now.pointer,
        callback === undefined ? `${required ? "required" : "optional"} ${label} added` : `${label} added`,
      );
    } else if (was !== undefined && now !== undefined) {
      const wasRequired = was.node.required === true;
      const isRequired = now.node.required === true;
      if (wasRequired !== isRequired) {
        const rule =
          callback === undefined
            ? isRequired
              ? "parameter-became-required"
              : "parameter-became-optional"
            : isRequired
              ? "response-property-became-required"
              : "response-property-became-optional";
        add(rule, `${now.pointer}/required`, `${label} became ${isRequired ? "required" : "optional"}`);
      }
      const from = serialization(was);
      const to = serialization(now);
      const changed = Object.keys(from).filter((name) => from[name] !== to[name]);
      if (changed.length > 0) {
        const first = changed[0] as string;
        add(
          "parameter-serialization-changed",
          Object.hasOwn(now.node, first) ? `${now.pointer}/${first}` : now.pointer,
          `${label} serialization changed (${changed.map((name) => `${name} ${String(from[name])} → ${String(to[name])}`).join(", ")})`,
        );
      }
      compareDeprecated(place, { before: was.node, after: now.node, pointer: now.pointer, label });
      compareLeftoverKeys(place, { before: was, after: now, handled: HANDLED, label });
      const wasSchema = schemaOf(was);
      const nowSchema = schemaOf(now);
      if (wasSchema !== undefined && nowSchema !== undefined) {
        diffSchema(schemaWalk({ site: place, oldDoc, newDoc }, subject), { before: wasSchema, after: nowSchema, path: "" });
      } else if (wasSchema !== nowSchema) {
        add("unclassified-change", now.pointer, `${label} schema ${nowSchema === undefined ? "removed" : "added"}`);
      }
    }
  }
}
