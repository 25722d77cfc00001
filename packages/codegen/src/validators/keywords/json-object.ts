import { type Code, chain, code } from "../codegen/code.js";
import { R } from "../codegen/names.js";

/**
 * "Is a plain JSON object" (prototype `Object.prototype` or `null`, not an array), written
 * for the fast pass: exactly `isJsonObject(v)`, but quick on the common case.
 *
 * Why it is written out at every check instead of calling the runtime helper: V8 keeps the
 * type feedback of a property read per function, and `Object.getPrototypeOf` only folds to a
 * constant right after a read that checked the value's hidden class. Reading `v.constructor`
 * here gives each schema's function its own (mostly one-shape) feedback, so the whole test
 * becomes a hidden-class check; inside the shared helper it would see every shape of every
 * schema and stay a call (~30% of a FaxList validation).
 *
 * `v.constructor === Object` alone would accept `Object.create({ constructor: Object })`, so
 * the prototype is still compared, and anything the quick test does not accept (a null
 * prototype, an own `constructor` key) is decided by `isJsonObject` itself.
 */
export function fastIsJsonObject(v: Code): Code {
  const quick = chain(
    [code`${v}.constructor === Object`, code`Object.getPrototypeOf(${v}) === Object.prototype`, code`!Array.isArray(${v})`],
    "&&",
    code`true`,
  );
  return code`(${chain([code`typeof ${v} === "object"`, code`${v} !== null`, code`((${quick}) || ${R.isJsonObject}(${v}))`], "&&", code`true`)})`;
}

/** The negation of {@link fastIsJsonObject}, as a flat condition. */
export function fastIsNotJsonObject(v: Code): Code {
  const quick = chain(
    [code`${v}.constructor !== Object`, code`Object.getPrototypeOf(${v}) !== Object.prototype`, code`Array.isArray(${v})`],
    "||",
    code`false`,
  );
  return chain([code`typeof ${v} !== "object"`, code`${v} === null`, code`((${quick}) && !${R.isJsonObject}(${v}))`], "||", code`false`);
}
