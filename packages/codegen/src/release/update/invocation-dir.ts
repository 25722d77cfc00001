import { dirname, resolve } from "node:path";

/**
 * The folder a relative `<file>` is taken from: where the user was. A package manager runs a
 * script (`"spec:update": "faxkit-codegen update"`) in the folder of its package.json and keeps
 * the user's folder in `INIT_CWD`; so when this process runs right there, `INIT_CWD` is where the
 * user was. Anywhere else (a script that changed folder, a tool spawning this one elsewhere, no
 * script at all) the working directory is.
 *
 * @example
 * ```ts
 * invocationDir({ INIT_CWD: "/repo/downloads", npm_package_json: "/repo/package.json" }, "/repo"); // "/repo/downloads"
 * ```
 */
export function invocationDir(env: Readonly<Record<string, string | undefined>>, cwd: string): string {
  const manifest = env.npm_package_json;
  if (!env.INIT_CWD || !manifest) return cwd;
  return resolve(dirname(manifest)) === resolve(cwd) ? env.INIT_CWD : cwd;
}
