export const SECRET_SET_LIMIT = 32;

/**
 * Every credential used so far, to scrub from errors. Bounded: a rotating token function adds
 * one per rotation, and only recent ones can still appear in a response.
 */
export class SecretSet {
  readonly #values: string[] = [];

  constructor(initial: readonly unknown[] = []) {
    for (const value of initial) this.add(value);
  }

  /** A token function (not a string) is ignored: what it returns is added when used. */
  add(value: unknown): void {
    if (typeof value !== "string" || value === "" || this.#values.includes(value)) return;
    this.#values.push(value);
    if (this.#values.length > SECRET_SET_LIMIT) this.#values.shift();
  }

  /** An arrow, so it can be passed on alone. */
  readonly list = (): readonly string[] => this.#values;
}
