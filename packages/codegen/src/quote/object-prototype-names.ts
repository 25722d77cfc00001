/**
 * Members of `Object.prototype`, as a fixed list (not read from the running engine, so the
 * output is the same on every Node version): as keys of a plain object they shadow what every
 * object inherits, and `__proto__` as a plain key sets the prototype instead.
 */
export const OBJECT_PROTOTYPE_NAMES: ReadonlySet<string> = new Set(
  (
    "constructor hasOwnProperty isPrototypeOf propertyIsEnumerable toLocaleString toString valueOf " +
    "__proto__ __defineGetter__ __defineSetter__ __lookupGetter__ __lookupSetter__"
  ).split(" "),
);
