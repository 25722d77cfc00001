import { DEFAULT_BASE_URL } from "@faxkit/client";
import { UsageError } from "./UsageError.js";

export const BASE_URL_ENV = "FAXPLUS_BASE_URL";

/**
 * Where requests go: `--base-url`, else `FAXPLUS_BASE_URL`, else the client's default
 * (`https://restapi.fax.plus/v3`). Anything but an http(s) URL is a {@link UsageError}; the
 * value is not echoed, since it may carry `user:password@`.
 *
 * @example
 * ```ts
 * resolveBaseUrl("http://127.0.0.1:4010/v3", process.env); // "http://127.0.0.1:4010/v3"
 * ```
 */
export function resolveBaseUrl(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  const fromEnv = env[BASE_URL_ENV]?.trim();
  const [value, source] = flag !== undefined ? [flag, "--base-url"] : fromEnv ? [fromEnv, BASE_URL_ENV] : [DEFAULT_BASE_URL, "default"];
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${source} is not a URL (expected e.g. https://restapi.fax.plus/v3)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UsageError(`${source} must be an http or https URL`);
  return value;
}
