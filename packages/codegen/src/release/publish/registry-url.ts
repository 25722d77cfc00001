import { quoteSpecValue } from "../../quote/spec-value-text.js";

/** Why `value` is not a registry URL (http or https), or `undefined` when it is one. */
export function checkRegistryUrl(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `--registry must be an http(s) URL, not "${quoteSpecValue(shownRegistry(value))}".`;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return `--registry must be an http(s) URL, not a ${quoteSpecValue(url.protocol)} one.`;
  return undefined;
}

/**
 * The registry as the release prints it: a URL can carry a token as its user info
 * (`https://user:token@host/`), and secrets never reach the output, so that part is masked.
 *
 * @example
 * ```ts
 * shownRegistry("https://me:s3cret@registry.example/"); // "https://***@registry.example/"
 * ```
 */
export function shownRegistry(value: string): string {
  try {
    const url = new URL(value);
    if (url.username === "" && url.password === "") return value;
    url.username = "***";
    url.password = "";
    return url.href;
  } catch {
    // Not a URL: mask anything that looks like user info all the same.
    return value.replace(/\/\/[^/@]*@/, "//***@");
  }
}
