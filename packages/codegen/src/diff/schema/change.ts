import type { Effect } from "../constraints.js";
import type { RuleId } from "../rules.js";
import { type Direction, describeAt, directionOf } from "../subject.js";
import type { SchemaWalk } from "./walk.js";

/** The kinds of schema change; {@link RULES} maps each to a rule per direction. */
export type ChangeKind =
  | Effect
  | "removed"
  | "added"
  | "requiredAdded"
  | "becameRequired"
  | "becameOptional"
  | "hidden"
  | "nullable"
  | "nonNullable"
  | "type"
  | "enumAdded"
  | "enumRemoved"
  | "variantAdded"
  | "variantRemoved";

/**
 * The rule for each kind of schema change, per direction. A constraint change that cannot
 * be compared (`incomparable`, e.g. a changed pattern) is judged the unsafe way for each
 * direction: tightened for requests, loosened for responses.
 */
const RULES: Readonly<Record<Direction, Readonly<Record<ChangeKind, RuleId>>>> = {
  request: {
    removed: "request-property-removed",
    added: "request-property-added",
    requiredAdded: "request-required-property-added",
    becameRequired: "request-property-became-required",
    becameOptional: "request-property-became-optional",
    hidden: "request-property-became-read-only",
    nullable: "request-property-became-nullable",
    nonNullable: "request-property-became-non-nullable",
    type: "request-type-changed",
    enumAdded: "request-enum-value-added",
    enumRemoved: "request-enum-value-removed",
    narrows: "request-constraint-tightened",
    widens: "request-constraint-loosened",
    incomparable: "request-constraint-tightened",
    variantAdded: "request-variant-added",
    variantRemoved: "request-variant-removed",
  },
  response: {
    removed: "response-property-removed",
    added: "response-property-added",
    requiredAdded: "response-property-added",
    becameRequired: "response-property-became-required",
    becameOptional: "response-property-became-optional",
    hidden: "response-property-became-write-only",
    nullable: "response-property-became-nullable",
    nonNullable: "response-property-became-non-nullable",
    type: "response-type-changed",
    enumAdded: "response-enum-value-added",
    enumRemoved: "response-enum-value-removed",
    narrows: "response-constraint-tightened",
    widens: "response-constraint-loosened",
    incomparable: "response-constraint-loosened",
    variantAdded: "response-variant-added",
    variantRemoved: "response-variant-removed",
  },
};

/** One schema change, before its rule and message are chosen by the walk's direction and subject. */
export interface SchemaChange {
  kind: ChangeKind;
  pointer: string;
  /** Property path inside the subject, for the message. */
  path: string;
  /** The rest of the message: "became required", "maxLength tightened from 200 to 100". */
  what: string;
}

/**
 * Logs a schema change under the rule its kind has in the walk's direction.
 *
 * @example
 * ```ts
 * emitSchemaChange(walk, { kind: "becameRequired", pointer, path: "comment", what: "became required" });
 * // request walk → request-property-became-required; response walk → response-property-became-required
 * ```
 */
export function emitSchemaChange(walk: SchemaWalk, { kind, pointer, path, what }: SchemaChange): void {
  walk.log.add({
    rule: RULES[directionOf(walk.subject)][kind],
    pointer,
    operationId: walk.operationId,
    text: `${describeAt(walk.subject, path)} ${what}`,
    status: walk.status,
    client: walk.client,
  });
}
