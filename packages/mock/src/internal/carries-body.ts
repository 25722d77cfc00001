/**
 * Whether an answer with this status may carry a body (RFC 9110 §6.4.1): not a `1xx`, `204`,
 * `205` or `304`. Both front ends drop the body of the others, so an engine's slip cannot make
 * node throw or a `Response` refuse to be built.
 *
 * @example
 * ```ts
 * carriesBody(200); // true
 * carriesBody(204); // false
 * ```
 */
export function carriesBody(status: number): boolean {
  return status >= 200 && status !== 204 && status !== 205 && status !== 304;
}
