/** How many credentials a {@link SecretSet} keeps (the most recent ones). */
export const SECRET_SET_LIMIT = 32;

/**
 * The credentials a client has used so far (static token, tokens returned by a token
 * function or a refresh, client id, client secret, refresh token), so every error can be
 * scrubbed of them. Kept bounded: a rotating token function adds one value per rotation,
 * and only the most recent values can still appear in a response.
 */
export class SecretSet {
  readonly #values: string[] = [];

  constructor(initial: readonly unknown[] = []) {
    for (const value of initial) this.add(value);
  }

  /** Remembers a credential (empty and repeated values, and anything but a string — a token function — are ignored). */
  add(value: unknown): void {
    if (typeof value !== "string" || value === "" || this.#values.includes(value)) return;
    this.#values.push(value);
    if (this.#values.length > SECRET_SET_LIMIT) this.#values.shift();
  }

  /** Every remembered credential (bound: it can be passed on as a function on its own). */
  readonly list = (): readonly string[] => this.#values;
}
