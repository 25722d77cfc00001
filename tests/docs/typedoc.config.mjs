// The API reference: one site, one module per public entry point (`pnpm docs` → docs/api/).
// Validation warnings are errors, so an undocumented export, a broken {@link} or a public
// type that is not exported fails the build and the doc-comment test alike.
import { join } from "node:path";
import { OptionDefaults } from "typedoc";
import { DOCUMENTED_PACKAGE_NAMES, REQUIRED_KINDS } from "./reference/doc-rules.mjs";
import { publicEntryPoints, ROOT, sourcePaths } from "./reference/entry-points.mjs";

const entryPoints = publicEntryPoints();

/** @type {Partial<import("typedoc").TypeDocOptions>} */
const config = {
  name: "faxkit API reference",
  entryPoints: entryPoints.map((entry) => entry.source),
  tsconfig: "./tsconfig.reference.json",
  compilerOptions: { paths: sourcePaths(entryPoints) },
  out: join(ROOT, "docs/api"),
  readme: "./reference/index.md",
  plugin: ["./reference/property-docs-plugin.mjs"],
  // openapi-typescript writes the spec's descriptions as `@description`.
  blockTags: [...OptionDefaults.blockTags, "@description"],
  // The packages type-check themselves (`tsc --noEmit` in each); here it would only double the time.
  skipErrorChecking: true,
  excludePrivate: true,
  excludeInternal: true,
  // No "Defined in" links: the repository has no public remote to pin them to yet (set
  // `sourceLinkTemplate` and drop this once it has), and no git call.
  disableSources: true,
  validation: { notExported: true, invalidLink: true, notDocumented: true, invalidPath: true },
  treatValidationWarningsAsErrors: true,
  requiredToBeDocumented: REQUIRED_KINDS,
  packagesRequiringDocumentation: DOCUMENTED_PACKAGE_NAMES,
  githubPages: false,
  hideGenerator: true,
};

export default config;
