/** How much the client logs: each level includes the ones after it. `"off"` logs nothing. */
export type LogLevel = "debug" | "info" | "warn" | "error" | "off";

/**
 * Where the client logs: `console` fits, as do pino, winston and most other loggers. Lines
 * carry a short message and a plain object; neither ever holds a credential (URLs and
 * errors are redacted first, headers are never logged).
 */
export interface Logger {
  /** Each attempt of a request. */
  debug(message: string, data?: Record<string, unknown>): void;
  /** Retries and token refreshes. */
  info(message: string, data?: Record<string, unknown>): void;
  /** Something that went on, degraded: a token store that failed, a response that drifted from the spec. */
  warn(message: string, data?: Record<string, unknown>): void;
  /** Something that did not go on. */
  error(message: string, data?: Record<string, unknown>): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, off: 100 };
const LEVELS = Object.keys(RANK).slice(0, 4) as (keyof Logger)[]; // every level but "off"
const silent = () => undefined;

/** Methods below `level` become no-ops, so a disabled level costs nothing. */
export function levelledLogger(logger: Partial<Logger> | undefined, level: LogLevel = "warn"): Logger {
  if (!(level in RANK)) throw new TypeError(`logLevel must be one of ${Object.keys(RANK).join(", ")} (got ${JSON.stringify(level)})`);
  const target = logger ?? console;
  const out = {} as Logger;
  for (const name of LEVELS) {
    const method = target[name];
    out[name] = RANK[name] >= RANK[level] && typeof method === "function" ? method.bind(target) : silent;
  }
  return out;
}
