/** A spec value in a message is one short line; longer ones are cut, so a message stays readable. */
export const MAX_SPEC_VALUE_LENGTH = 120;

/**
 * The one way a string from the vendor's spec (a title, a version, a `$ref`, an operationId, a path) goes into a message,
 * the changeset or the lock: one line, no control characters (a terminal would act on escape
 * sequences; a line break would start a new Markdown block or front-matter line), cut at
 * {@link MAX_SPEC_VALUE_LENGTH} characters.
 *
 * @example
 * ```ts
 * import { quoteSpecValue } from "@faxkit/codegen";
 * quoteSpecValue("3.5.0\n---"); // "3.5.0\uFFFD---"
 * ```
 */
export function quoteSpecValue(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: replacing them is the point
  const oneLine = value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, "\uFFFD");
  const chars = [...oneLine];
  return chars.length <= MAX_SPEC_VALUE_LENGTH ? oneLine : `${chars.slice(0, MAX_SPEC_VALUE_LENGTH - 1).join("")}…`;
}
