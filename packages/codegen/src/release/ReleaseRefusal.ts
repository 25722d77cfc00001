/**
 * A release command's refusal: bad input or a state it will not act on. Its message is
 * printed as is (no stack trace), after the command's name, and the command exits 1.
 *
 * @example
 * ```ts
 * import { ReleaseRefusal } from "@faxkit/codegen";
 * throw new ReleaseRefusal("cannot read spec.yaml: no such file.");
 * ```
 */
export class ReleaseRefusal extends Error {
  override readonly name = "ReleaseRefusal";
}
