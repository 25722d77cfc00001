/** Characters a POSIX shell takes literally in an unquoted word. */
const PLAIN_WORD = /^[\w@%+=:,./-]+$/;

/**
 * A path as it must be typed in a command that a message tells the user to run: as it is when
 * a shell takes it literally, otherwise in single quotes (a quote inside becomes `'\''`).
 *
 * @example
 * ```ts
 * shellWord("configs/api.json"); // "configs/api.json"
 * shellWord("my config.json");   // "'my config.json'"
 * ```
 */
export function shellWord(word: string): string {
  return PLAIN_WORD.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}
