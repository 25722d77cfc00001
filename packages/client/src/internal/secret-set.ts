/**
 * The credentials a client has used so far (static token, tokens returned by a token
 * function or a refresh, client id, client secret, refresh token), so every error can be
 * scrubbed of them. Kept bounded: a rotating token function adds one value per rotation,
 * and only the most recent values can still appear in a response.
 */
export class SecretSet {
  readonly #values: string[] = [];
  readonly #limit: number;

  constructor(initial: readonly (string | undefined)[] = [], limit = 32) {
    this.#limit = limit;
    for (const value of initial) this.add(value);
  }

  /** Remembers a credential (empty and repeated values are ignored). */
  add(value: string | undefined): void {
    if (value === undefined || value === "" || this.#values.includes(value)) return;
    this.#values.push(value);
    if (this.#values.length > this.#limit) this.#values.shift();
  }

  /** Every remembered credential. */
  list(): readonly string[] {
    return this.#values;
  }
}
