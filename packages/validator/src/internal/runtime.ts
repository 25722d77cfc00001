/**
 * The runtime every generated validator imports: the calling convention, issue and drift
 * reporting, and the few helpers compiled code cannot inline. Internal: users import the
 * public API from the package root.
 *
 * Calling convention of a compiled check `(v, p, c) => boolean`: `p` is the JSON pointer
 * of `v`, or `null` in fast mode; `c.i` collects issues (null in fast mode). `run` calls a
 * check in fast mode first and walks the value again only when it is invalid.
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
  path: string;
  kind: "unknown-property" | "unknown-enum-value";
  value: unknown;
}

/** Result of a validation: the value itself, or every issue found. */
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/** Run context of compiled checks (kept terse: compiled code reads it on every node). */
export interface Ctx {
  /** Issues collected so far, or null in fast mode. */
  i: ValidationIssue[] | null;
  /** Drift reports, or null unless drift-tolerant. */
  d: DriftReport[] | null;
  /** Direction: 0 neutral, 1 request (readOnly rejected), 2 response (writeOnly rejected). */
  r: 0 | 1 | 2;
  /** Current `$ref` depth. */
  n: number;
}

/** A compiled check. */
// biome-ignore lint/suspicious/noExplicitAny: compiled code inspects arbitrary values
export type Check = (v: any, p: any, c: Ctx) => boolean;

/** How one documented response status is checked. */
export type ResponseValidator = { kind: "json"; check: Check } | { kind: "empty" | "other"; contentTypes: string[] };

/** `$ref`s deeper than this are reported, not followed: cyclic or absurdly deep input cannot hang or overflow. */
export const MAX_DEPTH = 128;

/** At most this many issues are collected; a hostile value cannot exhaust memory with them. */
export const MAX_ISSUES = 1000;

/** Thrown (and caught by `run`) when the issue list is full, to stop walking a hostile value. */
const ISSUE_LIMIT_REACHED = Symbol("faxkit.issue-limit");

/** Records an issue (collect mode only). */
export function fail(c: Ctx, p: string, keyword: string, schemaPath: string, message: string): void {
  const issues = c.i as ValidationIssue[];
  const path = p === "" ? "/" : p;
  if (issues.length >= MAX_ISSUES) {
    issues.push({ path: "/", keyword: "maxIssues", schemaPath: "", message: `/: more than ${MAX_ISSUES} issues; the rest are not listed` });
    throw ISSUE_LIMIT_REACHED;
  }
  issues.push({ path, keyword, schemaPath, message: `${path}: ${message}` });
}

/** Records drift (tolerant mode only). */
export function drift(c: Ctx, p: string | null, keyword: string, value: unknown): void {
  (c.d as DriftReport[]).push({
    path: p === null || p === "" ? "/" : p,
    kind: keyword === "enum" ? "unknown-enum-value" : "unknown-property",
    value,
  });
}

/** Trivial checks and the fast-mode copy of a context (for anyOf/oneOf/not branches). */
export const fast = {
  any: (() => true) as Check,
  none: ((_v, p, c) => {
    if (c.i !== null) fail(c, p, "not", "", "no value is allowed here");
    return false;
  }) as Check,
  ctx: (c: Ctx): Ctx => ({ i: null, d: c.d, r: c.r, n: c.n }),
};

/** JSON objects only: arrays, Maps, Dates and class instances are not objects here. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
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

const FORMATS: Record<string, (s: string) => boolean> = {
  // The lookahead after "@" keeps the domain part linear on hostile input.
  email: (s) => /^(?!\.)(?!.*\.\.)[^\s@]+(?<!\.)@(?=[^\s@]*$)[^\s@]+\.[^\s@]+$/.test(s),
  "date-time": (s) => {
    const t = s.search(/[Tt]/);
    return t === 10 && isDate(s.slice(0, 10)) && isTime(s.slice(11));
  },
  date: isDate,
  time: isTime,
  uri: (s) => /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/.test(s),
  uuid: (s) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s),
  ipv4: (s) => /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(s),
  hostname: (s) =>
    s.length <= 253 &&
    /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/.test(s),
  byte: (s) => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s),
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

const FAST: Record<0 | 1 | 2, Ctx> = {
  0: { i: null, d: null, r: 0, n: 0 },
  1: { i: null, d: null, r: 1, n: 0 },
  2: { i: null, d: null, r: 2, n: 0 },
};

/** Outcome of {@link run}. */
export interface RunResult {
  ok: boolean;
  issues: ValidationIssue[];
  drift: DriftReport[];
}

const VALID: RunResult = Object.freeze({ ok: true, issues: [], drift: [] }) as RunResult;

/**
 * Runs a compiled check: fast mode first, then (only for an invalid value, or in
 * drift-tolerant mode) a second walk that collects every issue. Never throws: a value
 * that makes validation itself fail (a throwing getter, a revoked Proxy) is an issue.
 */
export function run(check: Check, value: unknown, direction: 0 | 1 | 2 = 0, tolerant = false, root = ""): RunResult {
  if (!tolerant) {
    const c = FAST[direction];
    c.n = 0;
    try {
      if (check(value, null, c)) return VALID;
    } catch {
      // fall through to the collecting walk, which reports it
    }
  }
  const c: Ctx = { i: [], d: tolerant ? [] : null, r: direction, n: 0 };
  let ok: boolean;
  try {
    ok = check(value, root, c);
  } catch (error) {
    if (error !== ISSUE_LIMIT_REACHED && (c.i as ValidationIssue[]).length < MAX_ISSUES)
      fail(c, root, "validation", "#", `could not be validated: ${(error as Error)?.message ?? String(error)}`);
    ok = false;
  }
  const issues = c.i as ValidationIssue[];
  if (!ok && issues.length === 0) fail(c, root, "validation", "#", "is not valid");
  return { ok: ok && issues.length === 0, issues, drift: c.d ?? [] };
}

/** Builds `validate.<Schema>`. */
export function makeValidate<T>(check: Check, _name: string): (value: unknown) => ValidationResult<T> {
  return (value) => {
    const result = run(check, value);
    return result.ok ? { ok: true, value: value as T } : { ok: false, issues: result.issues };
  };
}

/** Builds `is.<Schema>`. */
export function makeIs<T>(check: Check, _name: string): (value: unknown) => value is T {
  return (value): value is T => run(check, value).ok;
}

/** Builds `assert.<Schema>`. */
export function makeAssert<T>(check: Check, name: string): (value: unknown) => asserts value is T {
  return (value: unknown): asserts value is T => {
    const result = run(check, value);
    if (!result.ok) throw new FaxValidationError(result.issues, { schema: name });
  };
}
