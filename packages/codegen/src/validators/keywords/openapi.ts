import type { JsonObject } from "../../model/operations.js";
import { type Code, code } from "../codegen/code.js";
import { N } from "../codegen/names.js";

/**
 * OpenAPI 3.0's own keywords (3.0.3 §4.7.24): `nullable` widens `type` by null; `readOnly`
 * properties are rejected in requests and `writeOnly` ones in responses, and a required
 * readOnly (writeOnly) property is only required in responses (requests).
 */

/** The JSON types a schema allows: its `type` (one or a draft-04 list), plus null when `nullable`. */
export function allowedTypes(schema: JsonObject): string[] {
  const listed = schema.type === undefined ? [] : Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
  if (listed.length === 0 || schema.nullable !== true || listed.includes("null")) return listed;
  return [...listed, "null"];
}

/** Direction tests, for the fast pass (`r`) and the collecting pass (`c.r`). */
export const DIRECTION = {
  fast: N.direction as Code,
  collect: code`${N.ctx}.r`,
};

/** Holds in a request (where a present readOnly property is an issue). */
export const isRequest = (r: Code) => code`${r} === 1`;
/** Holds in a response, strict or drift-tolerant (where a present writeOnly property is an issue). */
export const isResponse = (r: Code) => code`${r} >= 2`;
/** Holds in a drift-tolerant response (unknown properties and enum values pass and are reported). */
export const isTolerant = (r: Code) => code`${r} === 3`;

/** When a required property with these flags must be present (undefined: always). */
export function requiredWhen(flags: { readOnly: boolean; writeOnly: boolean }, r: Code): Code | undefined {
  if (flags.readOnly) return code`${r} !== 1`;
  if (flags.writeOnly) return code`${r} < 2`;
  return undefined;
}

export const READ_ONLY_MESSAGE = "is read-only and must not be sent in a request";
export const WRITE_ONLY_MESSAGE = "is write-only and must not appear in a response";
