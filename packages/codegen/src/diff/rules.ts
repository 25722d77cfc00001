/**
 * The rule table of the spec diff: every kind of change {@link diffSpecs} reports, with the
 * semver bump it means for the TypeScript packages generated from the spec and why. The
 * README's "Spec diff" table is this list; the corpus test checks that each rule has a
 * fixture in `tests/fixtures/spec-diff/<rule-id>/`.
 *
 * Directions: a *request* is what the consumer sends (parameters, request bodies); a
 * *response* is what the consumer receives. Webhook callbacks are mirrored: the callback's
 * request body (the payload Fax.Plus posts to the team's handler) is diffed with the
 * response rules, and the callback's responses (what the handler replies) with the
 * request rules.
 */

/** A semantic-versioning bump. */
export type Bump = "major" | "minor" | "patch";

/** The packages generated from (or shipping) the spec. */
export type AffectedPackage = "@faxkit/types" | "@faxkit/validator" | "@faxkit/client" | "@faxkit/mock";

/** One change between two versions of the spec, classified by a rule of {@link DIFF_RULES}. */
export interface SpecChange {
  /** Id of a rule in {@link DIFF_RULES}, e.g. `request-property-became-required`. */
  rule: RuleId;
  bump: Bump;
  /** JSON pointer into the resolved spec: the new one, or the old one for removals. */
  pointer: string;
  /** The operation the change affects; null for spec-wide changes (info, components, servers). */
  operationId: string | null;
  packages: AffectedPackage[];
  /** One human-readable line, e.g. "sendFax: request property `comment` became required". */
  message: string;
}

/** One row of the rule table. */
export interface DiffRule {
  id: RuleId;
  bump: Bump;
  /** What changed in the spec. */
  description: string;
  /** Why the bump, for a TypeScript consumer of the generated packages. */
  why: string;
}

const T: AffectedPackage = "@faxkit/types";
const V: AffectedPackage = "@faxkit/validator";
const C: AffectedPackage = "@faxkit/client";
const M: AffectedPackage = "@faxkit/mock";

/** Every package, in the order changes list them. */
export const ALL_PACKAGES: readonly AffectedPackage[] = [T, V, C, M];

interface RuleRow extends Omit<DiffRule, "id"> {
  id: string;
  packages: readonly AffectedPackage[];
}

const SHAPE = [T, V, M] as const;
const OPERATION = [T, V, C, M] as const;
const SECURITY = [T, C, M] as const;
const DOCS = [T, M] as const;

// `as const satisfies`: the rows keep their literal ids (RuleId below is derived from them)
// while still being checked against the row shape.
const ROWS = [
  // Operations
  {
    id: "operation-removed",
    bump: "major",
    packages: OPERATION,
    description:
      "An operation is gone: its path or its method was removed. A renamed path is a removal plus an addition; renaming only a path parameter (`{fax_id}` → `{id}`) is a parameter removal plus addition.",
    why: "The client method, the `paths`/`operations` type entries and the operation's validators disappear; calls stop compiling.",
  },
  {
    id: "operation-added",
    bump: "minor",
    packages: OPERATION,
    description: "A new operation (path + method).",
    why: "New client method, types and validators; nothing existing changes.",
  },
  {
    id: "operation-id-changed",
    bump: "major",
    packages: OPERATION,
    description: "Same path and method, different operationId.",
    why: "The operationId keys `operations`, the validators and the client's call table; the client method may be renamed.",
  },
  {
    id: "operation-tag-changed",
    bump: "major",
    packages: [T, C, M],
    description: "The operation's first tag changed.",
    why: "The first tag names the client's resource group (`fax.faxes.get`), so the method moves to another group.",
  },
  {
    id: "deprecated-added",
    bump: "minor",
    packages: DOCS,
    description: "An operation, parameter or schema property became `deprecated` (plus @faxkit/client for operations and parameters).",
    why: "Semver marks deprecations as minor: the type gains a `@deprecated` JSDoc tag (editors strike it through); nothing stops compiling.",
  },
  {
    id: "deprecated-removed",
    bump: "patch",
    packages: DOCS,
    description: "`deprecated` was taken back from an operation, parameter or schema property.",
    why: "Only the `@deprecated` JSDoc tag goes away.",
  },
  {
    id: "documentation-changed",
    bump: "patch",
    packages: DOCS,
    description:
      "Only prose changed: description, summary, title, example(s), externalDocs, info fields other than version, tag lists. Once per component when the text lives in components.",
    why: "Only JSDoc in the types and the spec the mock serves change.",
  },
  // Parameters
  {
    id: "parameter-removed",
    bump: "major",
    packages: OPERATION,
    description: "A parameter (name + location) is gone; a renamed parameter is reported as removed (and the new name as added).",
    why: "Passing it no longer type-checks (excess property) and the client no longer sends it.",
  },
  {
    id: "parameter-added",
    bump: "minor",
    packages: OPERATION,
    description: "A new optional parameter (for callbacks: any new parameter Fax.Plus sends).",
    why: "An optional key in the params type; existing calls still compile.",
  },
  {
    id: "required-parameter-added",
    bump: "major",
    packages: OPERATION,
    description: "A new required parameter.",
    why: "Existing calls lack a required key and stop compiling; the validator rejects them.",
  },
  {
    id: "parameter-became-required",
    bump: "major",
    packages: OPERATION,
    description: "An optional parameter became required.",
    why: "Calls that omit it stop compiling and fail request validation.",
  },
  {
    id: "parameter-became-optional",
    bump: "minor",
    packages: OPERATION,
    description: "A required parameter became optional.",
    why: "The key becomes optional: every existing call still compiles.",
  },
  {
    id: "parameter-serialization-changed",
    bump: "major",
    packages: OPERATION,
    description: "A parameter's `style`, `explode` or `allowReserved` changed (defaults applied).",
    why: "The client serializes the value differently on the wire; the types do not show it.",
  },
  // Request bodies
  {
    id: "request-body-removed",
    bump: "major",
    packages: OPERATION,
    description: "The operation (or callback) no longer has a request body.",
    why: "Calls that pass a body stop compiling.",
  },
  {
    id: "request-body-added",
    bump: "minor",
    packages: OPERATION,
    description: "An optional request body was added.",
    why: "A new optional `body`; existing calls compile.",
  },
  {
    id: "request-body-became-required",
    bump: "major",
    packages: OPERATION,
    description: "The request body became required, or a required request body was added.",
    why: "Calls without a body stop compiling and fail request validation.",
  },
  {
    id: "request-body-became-optional",
    bump: "minor",
    packages: OPERATION,
    description: "A required request body became optional.",
    why: "`body` becomes optional; existing calls compile.",
  },
  {
    id: "request-media-type-removed",
    bump: "major",
    packages: OPERATION,
    description: "A request content type (e.g. `multipart/form-data`) is no longer accepted.",
    why: "The client picks the body serializer from the content type; bodies typed for the old one no longer fit.",
  },
  {
    id: "request-media-type-added",
    bump: "minor",
    packages: OPERATION,
    description: "A request content type was added.",
    why: "One more accepted body shape; existing calls are unchanged.",
  },
  // Responses
  {
    id: "success-status-added",
    bump: "major",
    packages: OPERATION,
    description: "A 2xx status (or 2XX range) was added to an operation's responses.",
    why: "The success union widens: an exhaustive `switch (response.status)` or a `data` type narrowed on the old status no longer covers every case.",
  },
  {
    id: "success-status-removed",
    bump: "major",
    packages: OPERATION,
    description: "A 2xx status (or 2XX range) was removed.",
    why: "Code comparing with that status stops compiling (no overlap), and its body type disappears.",
  },
  {
    id: "error-status-added",
    bump: "minor",
    packages: OPERATION,
    description: "A non-2xx status (or `default`) was added.",
    why: "Errors surface as the client's error classes by status family, which already handle unknown statuses; the error body union gains a member.",
  },
  {
    id: "error-status-removed",
    bump: "minor",
    packages: OPERATION,
    description: "A non-2xx status (or `default`) was removed.",
    why: "The error union narrows; handling code keeps compiling.",
  },
  {
    id: "response-media-type-added",
    bump: "major",
    packages: OPERATION,
    description: "A response content type was added to an existing status.",
    why: "The body type of that status becomes a union of both media types' schemas; the client must parse another format.",
  },
  {
    id: "response-media-type-removed",
    bump: "major",
    packages: OPERATION,
    description: "A response content type was removed from a status.",
    why: "Its body type disappears and code reading it stops compiling.",
  },
  {
    id: "response-header-added",
    bump: "minor",
    packages: DOCS,
    description: "A response header was documented.",
    why: "A new key in the response's `headers` type.",
  },
  {
    id: "response-header-removed",
    bump: "major",
    packages: DOCS,
    description: "A documented response header was removed.",
    why: "Code reading it from the typed `headers` stops compiling.",
  },
  // Request schemas (also: parameter schemas; callback replies)
  {
    id: "request-property-removed",
    bump: "major",
    packages: SHAPE,
    description: "A property of a request schema is gone (a rename is reported as removal, the new name as added).",
    why: "Object literals that set it fail the excess-property check; the strict validator rejects it as unknown.",
  },
  {
    id: "request-property-added",
    bump: "minor",
    packages: SHAPE,
    description: "An optional property was added to a request schema (or a read-only one became writable).",
    why: "An optional key; existing request objects still type-check and validate.",
  },
  {
    id: "request-required-property-added",
    bump: "major",
    packages: SHAPE,
    description: "A required property was added to a request schema.",
    why: "Existing request objects lack it: they stop compiling and fail validation.",
  },
  {
    id: "request-property-became-required",
    bump: "major",
    packages: SHAPE,
    description: "An optional request property became required.",
    why: "`comment?: string` becomes `comment: string`: objects without it stop compiling and fail validation.",
  },
  {
    id: "request-property-became-optional",
    bump: "minor",
    packages: SHAPE,
    description: "A required request property became optional.",
    why: "The key becomes optional; every existing object still compiles.",
  },
  {
    id: "request-property-became-read-only",
    bump: "major",
    packages: SHAPE,
    description: "A request property became `readOnly`.",
    why: "The request validator rejects read-only properties, so sending it now fails; for requests it is as good as removed.",
  },
  {
    id: "request-property-became-nullable",
    bump: "minor",
    packages: SHAPE,
    description: "A request schema became `nullable`.",
    why: "`T` widens to `T | null` on input: every old value is still accepted.",
  },
  {
    id: "request-property-became-non-nullable",
    bump: "major",
    packages: SHAPE,
    description: "A request schema lost `nullable: true`.",
    why: "Passing `null` stops compiling and fails validation.",
  },
  {
    id: "request-type-changed",
    bump: "major",
    packages: SHAPE,
    description:
      "The `type` of a request schema changed (string → integer, object → array, a plain schema ↔ oneOf/anyOf). integer ↔ number is a constraint change.",
    why: "Old values have the wrong type: they stop compiling and fail validation.",
  },
  {
    id: "request-enum-value-removed",
    bump: "major",
    packages: SHAPE,
    description: "A value was removed from a request enum.",
    why: "The literal union narrows: code passing that value stops compiling; the validator rejects it.",
  },
  {
    id: "request-enum-value-added",
    bump: "minor",
    packages: SHAPE,
    description: "A value was added to a request enum.",
    why: "The input union widens: every old value is still accepted.",
  },
  {
    id: "request-constraint-tightened",
    bump: "major",
    packages: SHAPE,
    description:
      "A request schema accepts fewer values: maxLength/maxItems/maxProperties/maximum lowered or added, min* raised or added, exclusive bounds, pattern/format/multipleOf/uniqueItems added or changed, an enum or a type added, additionalProperties closed, number → integer, anyOf → oneOf.",
    why: "The types often do not show it, but the validator (and the real server) rejects input that used to pass.",
  },
  {
    id: "request-constraint-loosened",
    bump: "minor",
    packages: SHAPE,
    description: "A request schema accepts more values (the opposite of request-constraint-tightened).",
    why: "Everything valid before is still valid; the validator accepts more.",
  },
  {
    id: "request-variant-removed",
    bump: "major",
    packages: SHAPE,
    description: "A oneOf/anyOf branch of a request schema was removed (branches match by `$ref`, inline ones by position).",
    why: "Values of that branch stop compiling and fail validation.",
  },
  {
    id: "request-variant-added",
    bump: "minor",
    packages: SHAPE,
    description: "A oneOf/anyOf branch was added to a request schema.",
    why: "The input union widens; old values still fit.",
  },
  // Response schemas (also: response headers; callback payloads)
  {
    id: "response-property-removed",
    bump: "major",
    packages: SHAPE,
    description: "A property of a response schema (or callback payload) is gone; a rename is reported as removal plus addition.",
    why: "Code reading it stops compiling.",
  },
  {
    id: "response-property-added",
    bump: "minor",
    packages: SHAPE,
    description: "A property was added to a response schema or a callback payload (or a write-only one is now returned).",
    why: "A new key to read; the drift-tolerant validator and object types accept it. (A strict validator pinned to the old version would reject it: upgrade.)",
  },
  {
    id: "response-property-became-optional",
    bump: "major",
    packages: SHAPE,
    description:
      "A required response property became optional (for callbacks: a payload property or parameter Fax.Plus may now leave out).",
    why: "`x: T` becomes `x?: T`: reading it now yields `T | undefined`, which breaks code under strictNullChecks.",
  },
  {
    id: "response-property-became-required",
    bump: "minor",
    packages: SHAPE,
    description: "An optional response property became required.",
    why: "The type narrows from `T | undefined` to `T`; existing checks still compile.",
  },
  {
    id: "response-property-became-write-only",
    bump: "major",
    packages: SHAPE,
    description: "A response property became `writeOnly`.",
    why: "It is no longer returned (the response validator rejects it): for readers it is removed.",
  },
  {
    id: "response-property-became-nullable",
    bump: "major",
    packages: SHAPE,
    description: "A response schema (or callback payload) became `nullable`.",
    why: "`T` widens to `T | null`: reading code must handle null and stops compiling under strictNullChecks.",
  },
  {
    id: "response-property-became-non-nullable",
    bump: "minor",
    packages: SHAPE,
    description: "A response schema lost `nullable: true`.",
    why: "The type narrows; null checks become redundant but still compile.",
  },
  {
    id: "response-type-changed",
    bump: "major",
    packages: SHAPE,
    description: "The `type` of a response schema changed (integer ↔ number is a constraint change).",
    why: "Reading code sees another type and stops compiling.",
  },
  {
    id: "response-enum-value-added",
    bump: "major",
    packages: SHAPE,
    description: "A value was added to a response (or callback payload) enum.",
    why: "The literal union widens: an exhaustive `switch` over it (with a `never` check) stops compiling. oasdiff only warns here.",
  },
  {
    id: "response-enum-value-removed",
    bump: "minor",
    packages: SHAPE,
    description: "A value was removed from a response enum.",
    why: "The union narrows; a `case` for the old value becomes dead but compiles.",
  },
  {
    id: "response-constraint-loosened",
    bump: "major",
    packages: SHAPE,
    description:
      "A response schema admits more values: maxLength/maximum raised or removed, min* lowered, pattern/format/enum removed or changed, additionalProperties opened, integer → number, oneOf → anyOf.",
    why: "Consumers (and a strict validator pinned to the old contract) relied on the old guarantee, e.g. a column sized to maxLength.",
  },
  {
    id: "response-constraint-tightened",
    bump: "minor",
    packages: SHAPE,
    description: "A response schema admits fewer values (the opposite of response-constraint-loosened).",
    why: "Stronger guarantee for readers; nothing they do breaks.",
  },
  {
    id: "response-variant-added",
    bump: "major",
    packages: SHAPE,
    description: "A oneOf/anyOf branch was added to a response schema.",
    why: "The union widens: exhaustive narrowing over the branches stops compiling.",
  },
  {
    id: "response-variant-removed",
    bump: "minor",
    packages: SHAPE,
    description: "A oneOf/anyOf branch was removed from a response schema.",
    why: "The union narrows; code handling the old branch still compiles.",
  },
  // Security
  {
    id: "security-scope-removed",
    bump: "major",
    packages: SECURITY,
    description:
      "A scope no longer grants access to an operation (faxkit reads a requirement's scope list as the scopes that grant access).",
    why: "Tokens holding only that scope are refused; `operations[id].scopes` narrows.",
  },
  {
    id: "security-requirement-tightened",
    bump: "major",
    packages: SECURITY,
    description:
      "Credentials that satisfied an old security requirement satisfy no new one: authentication added to a public operation, a scheme ANDed into a requirement, or a scheme's alternative dropped.",
    why: "Callers authenticated the old way are refused; the client's auth setup must change.",
  },
  {
    id: "security-scope-added",
    bump: "minor",
    packages: SECURITY,
    description: "One more scope grants access to an operation.",
    why: "More tokens work; `operations[id].scopes` widens.",
  },
  {
    id: "security-requirement-relaxed",
    bump: "minor",
    packages: SECURITY,
    description: "A new way to authenticate is accepted (an alternative requirement), or a requirement needs fewer schemes.",
    why: "Existing credentials keep working.",
  },
  // Callbacks
  {
    id: "callback-removed",
    bump: "major",
    packages: OPERATION,
    description: "A callback (webhook) of an operation, or one of its operations, was removed.",
    why: "Handlers typed against its payload lose their types and validators.",
  },
  {
    id: "callback-added",
    bump: "minor",
    packages: OPERATION,
    description: "A callback (webhook), or an operation inside one, was added.",
    why: "New payload types and validators; nothing existing changes.",
  },
  // Components and the document
  {
    id: "schema-component-removed",
    bump: "major",
    packages: SHAPE,
    description: "A schema under components/schemas was removed or renamed.",
    why: "Its exported alias type (`import type { Fax }`) and its validator disappear.",
  },
  {
    id: "schema-component-added",
    bump: "minor",
    packages: SHAPE,
    description: "A schema was added under components/schemas.",
    why: "A new exported alias type and validator.",
  },
  {
    id: "server-url-changed",
    bump: "major",
    packages: [T, C, M],
    description: "The first server URL changed.",
    why: "The mock serves under its path prefix, and the client's `DEFAULT_BASE_URL` mirrors it: calls through both move.",
  },
  {
    id: "unclassified-change",
    bump: "minor",
    packages: OPERATION,
    description:
      "Any other difference: keywords no rule above knows (default, discriminator, not, xml, x-* extensions, x-extensible-enum), callback reply statuses, security schemes, the openapi version, unreferenced components.",
    why: "Not provably harmless and not provably breaking: minor, and the report marks it for review.",
  },
] as const satisfies readonly RuleRow[];

/**
 * The id of a rule of {@link DIFF_RULES}, e.g. `"request-property-became-required"`. Every
 * differ passes its rule as a `RuleId`, so a misspelt rule is a compile error rather than
 * a throw from {@link ruleOf} on the one spec that reaches that branch.
 */
export type RuleId = (typeof ROWS)[number]["id"];

/**
 * THE rule table: one entry per kind of change, with its bump and the reason for a
 * TypeScript consumer.
 *
 * @example
 * ```ts
 * import { DIFF_RULES } from "@faxkit/codegen";
 * for (const rule of DIFF_RULES) console.log(rule.id, rule.bump, rule.why);
 * ```
 */
export const DIFF_RULES: readonly DiffRule[] = ROWS.map(({ id, bump, description, why }) => ({ id, bump, description, why }));

const BY_ID: ReadonlyMap<string, RuleRow> = new Map(ROWS.map((row) => [row.id, row]));

/**
 * The rule with this id. The type already rules out typos; the throw remains for ids that
 * arrive untyped (a test reading `expected.json`, a cast), where it names the culprit.
 */
export function ruleOf(id: RuleId): { bump: Bump; packages: readonly AffectedPackage[] } {
  const row = BY_ID.get(id);
  if (row === undefined) throw new Error(`unknown spec-diff rule ${JSON.stringify(id)}`);
  return row;
}
