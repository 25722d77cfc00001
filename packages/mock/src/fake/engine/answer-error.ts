import type { FakeResponse } from "../fake-types.js";
import { errorAnswer } from "./answers.js";

/** Thrown inside a handler to end it with an answer in the API's error shape; the engine sends that answer. */
export class AnswerError extends Error {
  readonly answer: FakeResponse;
  constructor(answer: FakeResponse) {
    super(`fake answer ${answer.status}`);
    this.name = "AnswerError";
    this.answer = answer;
  }
}

/**
 * Ends a handler with an error answer.
 *
 * @example
 * ```ts
 * if (!entry) throw fail(404, `no fax ${quoteRequestText(id)}`);
 * ```
 */
export function fail(status: number, description: string, error?: string): AnswerError {
  return new AnswerError(errorAnswer(status, description, error));
}
