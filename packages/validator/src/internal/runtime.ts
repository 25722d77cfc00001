/**
 * The runtime every generated validator imports: the calling convention, issue and drift
 * reporting, and the few helpers compiled code cannot inline. Internal: users import the
 * public API from the package root.
 *
 * A compiled schema is a {@link Check}: a fast pass `test` that answers valid or not and
 * builds nothing, and a collecting pass `collect` that is only run for a value `test`
 * rejected, to report every issue with its path. `run` puts the two together.
 */
import { FaxValidationError } from "../errors/FaxValidationError.js";

/** One reason a value does not match its schema. */
export interface ValidationIssue {
  /** JSON pointer (RFC 6901) of the offending value; `/` is the value itself. */
  path: string;
  /** The schema keyword that failed (`maxItems`, `required`, `type`, …). */
  keyword: string;
  /** JSON pointer of that keyword in the spec (`#/components/schemas/…/maxItems`). */
  schemaPath: string;
  /** Plain English with the path, the limit and the actual value. */
  message: string;
}

/** Something a drift-tolerant response check accepted although the spec does not list it. */
export interface DriftReport {
  /** JSON pointer of the value in the checked body (`/records/0/status`); `/` for the body itself. */
  path: string;
  /** A property the schema does not list, or an enum value it does not list. */
  kind: "unknown-property" | "unknown-enum-value";
  /** What was accepted: the enum value, or the unlisted property's value. */
  value: unknown;
}

/** Result of a validation: the value itself, or every issue found. */
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/** Run context of the collecting pass (kept terse: compiled code reads it on every node). */
export interface Ctx {
  /** Issues collected so far. */
  i: ValidationIssue[];
  /** Drift reports, or null unless drift-tolerant. */
  d: DriftReport[] | null;
  /** Direction: 0 neutral, 1 request (readOnly rejected), 2 response (writeOnly rejected), 3 response tolerating drift. */
  r: Direction;
  /** Current depth of cyclic `$ref`s. */
  n: number;
}

/** What compiled checks are told about the value's direction (see {@link Ctx.r}). */
export type Direction = 0 | 1 | 2 | 3;

/** A value of any JSON shape, as compiled checks take it (they narrow it themselves). */
// biome-ignore lint/suspicious/noExplicitAny: compiled code inspects arbitrary values after checking their type
export type Value = any;

/**
 * A compiled schema: two passes over a value.
 * - `test(v, r, n)` the fast pass: straight-line checks that stop at the first failure and
 *   build nothing (no path, no message); `r` the direction, `n` the depth of cyclic `$ref`s.
 * - `collect(v, p, c)` the collecting pass, run only for a value `test` rejected: every issue
 *   with its JSON pointer `p`, into `c.i` (and drift into `c.d`).
 */
export interface Check {
  /** The fast pass: `true` when `v` is valid (`r` the direction, `n` the `$ref` depth). */
  test(v: Value, r: number, n: number): boolean;
  /** The collecting pass: every issue of `v` at pointer `p` into `c`; `true` when there were none. */
  collect(v: Value, p: string, c: Ctx): boolean;
}

/** How one documented response status is checked. */
export type ResponseValidator = { kind: "json"; check: Check } | { kind: "empty" | "other"; contentTypes: string[] };

/** `$ref`s deeper than this are reported, not followed: cyclic or absurdly deep input cannot hang or overflow. */
export const MAX_DEPTH = 128;

/** At most this many issues are collected; a hostile value cannot exhaust memory with them. */
export const MAX_ISSUES = 1000;

/** Thrown (and caught by `run`) when the issue list is full, to stop walking a hostile value. */
const ISSUE_LIMIT_REACHED = Symbol("faxkit.issue-limit");

/**
 * Records an issue; always returns false, so compiled code can write `ok = fail(...)`.
 * `got`, when given, is the actual value as the message shows it: `must be string (got integer)`.
 */
export function fail(c: Ctx, p: string, keyword: string, schemaPath: string, message: string, got?: unknown): false {
  const issues = c.i;
  const path = p === "" ? "/" : p;
  if (issues.length >= MAX_ISSUES) {
    issues.push({ path: "/", keyword: "maxIssues", schemaPath: "", message: `/: more than ${MAX_ISSUES} issues; the rest are not listed` });
    throw ISSUE_LIMIT_REACHED;
  }
  const text = got === undefined ? message : `${message} (got ${String(got)})`;
  issues.push({ path, keyword, schemaPath, message: `${path}: ${text}` });
  return false;
}

/** The issue of a cyclic `$ref` followed more than {@link MAX_DEPTH} times. */
export function tooDeep(c: Ctx, p: string, schemaPath: string): false {
  return fail(c, p, "$ref", schemaPath, `nesting is deeper than ${MAX_DEPTH} levels`);
}

/** Records drift (tolerant mode only). */
export function drift(c: Ctx, p: string, keyword: string, value: unknown): void {
  (c.d as DriftReport[]).push({
    path: p === "" ? "/" : p,
    kind: keyword === "enum" ? "unknown-enum-value" : "unknown-property",
    value,
  });
}

/** The JSON pointer of a child: `token` is an array index or an already escaped property name. */
export function joinPointer(p: string, token: string | number): string {
  return `${p}/${token}`;
}

/** JSON objects only: arrays, Maps, Dates and class instances are not objects here. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * {@link isPlainObject} for compiled code: a plain boolean, so the checked value keeps the
 * `Value` type and its properties can be read without casts.
 */
export function isJsonObject(v: Value): boolean {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** The JSON type of a value as a reader expects it in a message. */
export function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isFinite(v) ? (Number.isInteger(v) ? "integer" : "number") : String(v);
  if (typeof v === "object") {
    const proto = Object.getPrototypeOf(v);
    if (proto === Object.prototype || proto === null) return "object";
    const name = proto?.constructor?.name as string | undefined;
    return name && name !== "Object" ? name : "an object with a custom prototype";
  }
  return typeof v;
}

/** A short rendering of a value for messages (at most 60 characters). */
export function show(v: unknown): string {
  let text: string;
  try {
    text = typeof v === "string" || isPlainObject(v) || Array.isArray(v) ? (JSON.stringify(v) ?? String(v)) : String(v);
  } catch {
    text = typeName(v);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const HIGH_SURROGATE = /[\uD800-\uDBFF]/;

/** Length in Unicode code points (JSON Schema counts characters, not UTF-16 units). */
export function codePoints(s: string): number {
  // Without a high surrogate every UTF-16 unit is one character (a native scan, ~15x
  // faster than the loop below on a 100-character string).
  if (!HIGH_SURROGATE.test(s)) return s.length;
  let n = 0;
  for (let k = 0; k < s.length; k++) {
    const code = s.charCodeAt(k);
    if (code >= 0xd800 && code <= 0xdbff && k + 1 < s.length) {
      const low = s.charCodeAt(k + 1);
      if (low >= 0xdc00 && low <= 0xdfff) k++;
    }
    n++;
  }
  return n;
}

/** JSON equality (enum, uniqueItems); bounded in depth so cyclic values terminate. */
export function deepEqual(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return true;
  if (depth > MAX_DEPTH || typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let k = 0; k < a.length; k++) if (!deepEqual(a[k], b[k], depth + 1)) return false;
    return true;
  }
  if (Array.isArray(b) || !isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (!Object.hasOwn(b, key) || !deepEqual(a[key], b[key], depth + 1)) return false;
  return true;
}

/** Indexes of the first two equal items, or null. */
export function firstDuplicate(items: unknown[]): [number, number] | null {
  const seen = new Map<unknown, number>();
  for (let k = 0; k < items.length; k++) {
    const item = items[k];
    if (item !== null && typeof item === "object") {
      for (let j = 0; j < k; j++) if (deepEqual(items[j], item)) return [j, k];
      continue;
    }
    const first = seen.get(item);
    if (first !== undefined) return [first, k];
    seen.set(item, k);
  }
  return null;
}

/** The uniqueItems message for the first two equal items, or null when all differ. */
export function duplicateItems(items: unknown[]): string | null {
  const pair = firstDuplicate(items);
  return pair === null ? null : `must not have duplicate items (items ${pair[0]} and ${pair[1]} are equal)`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real calendar day (RFC 3339 §5.7: day ≤ days of that month, leap years included). */
function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number));
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** RFC 3339 full-time; a leap second (:60) only where it can occur, at 23:59 UTC. */
function isTime(s: string): boolean {
  const m = TIME.exec(s);
  if (!m) return false;
  const [hour, minute, second] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [offsetHour, offsetMinute] = m[4] ? [0, 0] : [Number(m[6]), Number(m[7])];
  if (hour > 23 || minute > 59 || second > 60 || offsetHour > 23 || offsetMinute > 59) return false;
  if (second === 60) {
    const sign = m[5] === "-" ? -1 : 1;
    const utcMinutes = (((hour * 60 + minute - sign * (offsetHour * 60 + offsetMinute)) % 1440) + 1440) % 1440;
    return utcMinutes === 23 * 60 + 59;
  }
  return true;
}

function isDate(s: string): boolean {
  const m = DATE.exec(s);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

// One export per format, so a bundle keeps only the formats its schemas use.
/** format: email (deliberately loose; the lookahead after "@" keeps the domain part linear on hostile input). */
export const formatEmail = (s: string): boolean => /^(?!\.)(?!.*\.\.)[^\s@]+(?<!\.)@(?=[^\s@]*$)[^\s@]+\.[^\s@]+$/.test(s);
/** format: date-time (RFC 3339). */
export const formatDateTime = (s: string): boolean => s.search(/[Tt]/) === 10 && isDate(s.slice(0, 10)) && isTime(s.slice(11));
/** format: date (RFC 3339 full-date). */
export const formatDate = isDate;
/** format: time (RFC 3339 full-time). */
export const formatTime = isTime;
/** format: uri (the shape only: scheme, ":", no whitespace). */
export const formatUri = (s: string): boolean => /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/.test(s);
/** format: uuid. */
export const formatUuid = (s: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
/** format: ipv4 (dotted quad, no leading zeros). */
export const formatIpv4 = (s: string): boolean =>
  /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(s);
/** format: hostname (RFC 1123 labels, at most 253 characters). */
export const formatHostname = (s: string): boolean =>
  s.length <= 253 &&
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/.test(s);
/** format: byte (base64). */
export const formatByte = (s: string): boolean => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s);

const FORMATS: Record<string, (s: string) => boolean> = {
  email: formatEmail,
  "date-time": formatDateTime,
  date: formatDate,
  time: formatTime,
  uri: formatUri,
  uuid: formatUuid,
  ipv4: formatIpv4,
  hostname: formatHostname,
  byte: formatByte,
};

/** String formats the spec uses; unknown formats (and binary, password) are annotations. */
export function checkFormat(format: string, s: string): boolean {
  const test = FORMATS[format];
  return test === undefined || test(s);
}

/** A property name as one JSON-pointer token. */
export function escapeKey(key: string): string {
  return key.includes("~") || key.includes("/") ? key.replaceAll("~", "~0").replaceAll("/", "~1") : key;
}

/** Outcome of {@link run}. */
export interface RunResult {
  /** `true` when the value is valid (drift is allowed). */
  ok: boolean;
  /** Every issue found, up to {@link MAX_ISSUES}; empty when `ok`. */
  issues: ValidationIssue[];
  /** What a drift-tolerant check accepted although the spec does not list it. */
  drift: DriftReport[];
}

const VALID: RunResult = Object.freeze({ ok: true, issues: [], drift: [] }) as RunResult;

/** The fast pass; a value that makes it throw (a throwing getter, a revoked Proxy) is not valid. */
export function passes(check: Check, value: unknown, direction: Direction = 0): boolean {
  try {
    return check.test(value, direction, 0);
  } catch {
    return false;
  }
}

/** The collecting pass on its own: every issue of a value (none for a valid one). Never throws. */
export function collectIssues(check: Check, value: unknown, direction: 0 | 1 | 2 = 0, tolerant = false, root = ""): RunResult {
  const r: Direction = tolerant && direction === 2 ? 3 : direction;
  const c: Ctx = { i: [], d: tolerant ? [] : null, r, n: 0 };
  let ok: boolean;
  try {
    ok = check.collect(value, root, c);
  } catch (error) {
    if (error !== ISSUE_LIMIT_REACHED && c.i.length < MAX_ISSUES) couldNotValidate(c, root, error);
    ok = false;
  }
  if (!ok && c.i.length === 0) fail(c, root, "validation", "#", "is not valid");
  return { ok: ok && c.i.length === 0, issues: c.i, drift: c.d ?? [] };
}

/**
 * Runs a compiled check: the fast pass first, then (only for an invalid value, or in
 * drift-tolerant mode, which must report what it tolerated) the collecting pass. Never throws.
 */
export function run(check: Check, value: unknown, direction: 0 | 1 | 2 = 0, tolerant = false, root = ""): RunResult {
  if (tolerant) return collectIssues(check, value, direction, tolerant, root);
  if (passes(check, value, direction)) return VALID;
  return rejected(check, value, direction, root);
}

/** The issue of a value whose reading threw (a getter, a Proxy trap): it carries the error. */
function couldNotValidate(c: Ctx, root: string, error: unknown): false {
  return fail(c, root, "validation", "#", `could not be validated: ${(error as Error)?.message ?? String(error)}`);
}

/**
 * Every issue of a value the fast pass rejected or threw on. The fast pass reads `constructor`
 * to check objects quickly, the collecting pass does not: when only that read threw (a
 * `constructor` getter, a Proxy trap), the collecting pass finds nothing and the error is the
 * issue, as for any read that throws. The fast pass is run again to learn it (rare).
 */
function rejected(check: Check, value: unknown, direction: 0 | 1 | 2, root: string): RunResult {
  const result = collectIssues(check, value, direction, false, root);
  if (!result.ok) return result;
  const c: Ctx = { i: [], d: null, r: direction, n: 0 };
  try {
    if (!check.test(value, direction, 0)) fail(c, root, "validation", "#", "is not valid");
  } catch (error) {
    couldNotValidate(c, root, error);
  }
  return c.i.length === 0 ? result : { ok: false, issues: c.i, drift: [] };
}

/** The result of `validate.X` for a value its fast pass rejected. */
export function failure(check: Check, value: unknown): { ok: false; issues: ValidationIssue[] } {
  return { ok: false, issues: rejected(check, value, 0, "").issues };
}

/** The error `assert.X` throws for a value its fast pass rejected. */
export function assertionError(check: Check, value: unknown, name: string): FaxValidationError {
  return new FaxValidationError(rejected(check, value, 0, "").issues, { schema: name });
}

/** Builds a `validate.<Schema>` function (generated code writes its own; this is for hand-made checks). */
export function makeValidate<T>(check: Check, _name: string): (value: unknown) => ValidationResult<T> {
  return (value) => (passes(check, value) ? { ok: true, value: value as T } : failure(check, value));
}

/** Builds an `is.<Schema>` type guard. */
export function makeIs<T>(check: Check, _name: string): (value: unknown) => value is T {
  return (value): value is T => passes(check, value);
}

/** Builds an `assert.<Schema>` assertion. */
export function makeAssert<T>(check: Check, name: string): (value: unknown) => asserts value is T {
  return (value: unknown): asserts value is T => {
    if (!passes(check, value)) throw assertionError(check, value, name);
  };
}
