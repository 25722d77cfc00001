import { InvalidArgumentError } from "commander";

/**
 * A commander parser for an integer option in `[min, max]`; anything else is a usage error
 * naming the range.
 *
 * @example
 * ```ts
 * command.option("--limit <n>", "records per page", integerIn(1, 50), 50);
 * ```
 */
export function integerIn(min: number, max: number): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number < min || number > max)
      throw new InvalidArgumentError(`must be an integer from ${min} to ${max}`);
    return number;
  };
}

/**
 * A repeatable option whose values may also be comma-separated: `--to +1 --to +2,+3`.
 *
 * @example
 * ```ts
 * command.option("--to <number>", "destination (repeat for more)", collect, []);
 * ```
 */
export function collect(value: string, previous: string[] = []): string[] {
  const parts = value
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
  if (parts.length === 0) throw new InvalidArgumentError("must not be empty");
  return [...previous, ...parts];
}
