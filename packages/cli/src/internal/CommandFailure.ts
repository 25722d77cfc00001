/**
 * A command that ran to its end but did not get what was asked (exit 1): a fax not delivered,
 * a bulk update with failed items. Its output is already printed; `message` is the last line.
 *
 * @example
 * ```ts
 * throw new CommandFailure("1 of 3 faxes was not delivered");
 * ```
 */
export class CommandFailure extends Error {
  override readonly name = "CommandFailure";

  constructor(
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message);
  }
}
