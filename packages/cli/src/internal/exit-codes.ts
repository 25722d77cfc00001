/** What `faxplus` exits with; the README's "Exit codes" table. */
export const EXIT = {
  ok: 0,
  /** The API refused, the transport failed, input was invalid, or a fax was not delivered. */
  failed: 1,
  /** The command line was wrong (unknown option, missing argument, --token, no credentials). */
  usage: 2,
  /** Interrupted with Ctrl-C (128 + SIGINT). */
  interrupted: 130,
} as const;
