import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** An OpenAPI 3.0 document as read from JSON. */
export type OpenApiDocument = { openapi?: unknown; servers?: { url?: unknown }[]; paths?: Record<string, unknown> } & Record<
  string,
  unknown
>;

/** Where the bundled resolved spec lives, relative to this module (`dist/` or `src/internal/`). */
function bundledSpecPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  // dist/index.js → ../spec; src/internal/mock-spec.ts → ../../spec
  return here.endsWith("internal")
    ? join(here, "..", "..", "spec", "faxplus.resolved.json")
    : join(here, "..", "spec", "faxplus.resolved.json");
}

/**
 * The spec the mock serves: the given object, the given JSON file, or the resolved Fax.Plus
 * spec bundled with this package (the vendor spec after faxkit's overlays). A file that is
 * missing or not an OpenAPI 3.0 JSON document is an error naming the file.
 */
export async function loadMockSpec(spec: string | object | undefined): Promise<OpenApiDocument> {
  if (spec !== undefined && typeof spec === "object") return checked(structuredClone(spec) as OpenApiDocument, "the given spec object");
  const file = spec ?? bundledSpecPath();
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new Error(`@faxkit/mock: cannot read the spec ${file}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`@faxkit/mock: the spec ${file} is not JSON (${(error as Error).message}); pass the resolved JSON spec`);
  }
  return checked(parsed as OpenApiDocument, file);
}

function checked(document: OpenApiDocument, what: string): OpenApiDocument {
  if (document === null || typeof document !== "object" || typeof document.openapi !== "string" || !document.openapi.startsWith("3.0"))
    throw new Error(`@faxkit/mock: ${what} is not an OpenAPI 3.0 document (no "openapi: 3.0.x")`);
  if (document.paths === null || typeof document.paths !== "object") throw new Error(`@faxkit/mock: ${what} has no paths`);
  return document;
}

/**
 * The path prefix of the first server URL (`https://restapi.fax.plus/v3` → `/v3`), or `""`.
 * Prism ignores server base paths; the mock re-applies this one so requests copied from the
 * Fax.Plus docs work with only the host changed.
 */
export function basePathOf(document: OpenApiDocument): string {
  const url = document.servers?.[0]?.url;
  if (typeof url !== "string") return "";
  try {
    const path = new URL(url, "http://placeholder").pathname.replace(/\/+$/, "");
    return path === "/" ? "" : path;
  } catch {
    return "";
  }
}

/** The document with every path key prefixed by `basePath`, so Prism routes `/v3/accounts/...`. */
export function withBasePath(document: OpenApiDocument, basePath: string): OpenApiDocument {
  if (basePath === "") return document;
  const paths: Record<string, unknown> = {};
  for (const [path, item] of Object.entries(document.paths ?? {})) paths[`${basePath}${path}`] = item;
  return { ...document, paths };
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * The document without `callbacks`. Prism performs callbacks for real: after a
 * `createWebhook`, even a rejected one, it POSTs random data to whatever `target` was given,
 * which may be a host outside this machine. The mock therefore serves without them unless
 * asked (`callbacks: true`).
 */
export function withoutCallbacks(document: OpenApiDocument): OpenApiDocument {
  const paths: Record<string, unknown> = {};
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    if (item === null || typeof item !== "object") {
      paths[path] = item;
      continue;
    }
    const copy: Record<string, unknown> = { ...(item as Record<string, unknown>) };
    for (const method of METHODS) {
      const operation = copy[method];
      if (operation !== null && typeof operation === "object" && "callbacks" in operation) {
        const { callbacks: _dropped, ...rest } = operation as Record<string, unknown>;
        copy[method] = rest;
      }
    }
    paths[path] = copy;
  }
  return { ...document, paths };
}
