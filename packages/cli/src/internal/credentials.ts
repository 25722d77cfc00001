import type { OAuthOptions } from "@faxkit/client";
import { readTokenFile } from "./token-file.js";
import { UsageError } from "./UsageError.js";

/** The environment variables `faxplus` reads credentials from (the README's "Credentials"). */
export const ENV = {
  token: "FAXPLUS_TOKEN",
  clientId: "FAXPLUS_CLIENT_ID",
  clientSecret: "FAXPLUS_CLIENT_SECRET",
  refreshToken: "FAXPLUS_REFRESH_TOKEN",
  tokenUrl: "FAXPLUS_TOKEN_URL",
} as const;

const OAUTH_REQUIRED = [ENV.clientId, ENV.clientSecret, ENV.refreshToken] as const;

/** How the client authenticates, and every secret to keep out of what is printed. */
export type Credentials = ({ kind: "token"; token: string } | { kind: "oauth"; oauth: OAuthOptions }) & { secrets: string[] };

export const MISSING_CREDENTIALS =
  `no credentials: set ${ENV.token}, pass --token-file <path>, ` +
  `or set ${ENV.clientId}, ${ENV.clientSecret} and ${ENV.refreshToken} (OAuth2)`;

const set = (env: NodeJS.ProcessEnv, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value === undefined || value === "" ? undefined : value;
};

/**
 * Credentials from, in this order: `--token-file`, `FAXPLUS_TOKEN`, the three OAuth2 variables.
 * Never from an argument, which any user could read in `ps`. None at all, or only part of the
 * OAuth2 settings, is a {@link UsageError} naming what to set.
 *
 * @example
 * ```ts
 * const credentials = await resolveCredentials(process.env, options.tokenFile);
 * ```
 */
export async function resolveCredentials(env: NodeJS.ProcessEnv, tokenFile: string | undefined): Promise<Credentials> {
  if (tokenFile !== undefined) {
    const token = await readTokenFile(tokenFile);
    return { kind: "token", token, secrets: [token] };
  }
  const token = set(env, ENV.token);
  if (token !== undefined) return { kind: "token", token, secrets: [token] };
  const given = OAUTH_REQUIRED.filter((name) => set(env, name) !== undefined);
  if (given.length === 0) throw new UsageError(MISSING_CREDENTIALS);
  const missing = OAUTH_REQUIRED.filter((name) => set(env, name) === undefined);
  if (missing.length > 0) throw new UsageError(`incomplete OAuth2 settings: ${missing.join(", ")} not set (${given.join(", ")} set)`);
  const clientId = set(env, ENV.clientId) as string;
  const clientSecret = set(env, ENV.clientSecret) as string;
  const refreshToken = set(env, ENV.refreshToken) as string;
  const tokenUrl = set(env, ENV.tokenUrl);
  return {
    kind: "oauth",
    oauth: { clientId, clientSecret, refreshToken, ...(tokenUrl === undefined ? {} : { tokenUrl }) },
    secrets: [clientSecret, refreshToken],
  };
}
