// What "a public export" means for the doc-comment lint. TypeDoc checks the kinds below itself
// (`requiredToBeDocumented`); property-docs-plugin.mjs adds the properties it cannot scope.

/** The npm packages whose symbols must be documented (others, e.g. openapi-fetch, are not ours). */
export const DOCUMENTED_PACKAGE_NAMES = ["@faxkit/types", "@faxkit/validator", "@faxkit/client", "@faxkit/mock"];

/**
 * Every module (entry point), namespace, function, class, interface, type alias, variable and
 * enum a module exports, and the methods, accessors and enum members of each. A function or
 * method passes with a comment on its declaration or on each signature.
 *
 * @type {import("typedoc").TypeDocOptions["requiredToBeDocumented"]}
 */
export const REQUIRED_KINDS = [
  "Module",
  "Namespace",
  "Enum",
  "EnumMember",
  "Variable",
  "Function",
  "Class",
  "Interface",
  "TypeAlias",
  "Method",
  "Accessor",
];

/**
 * Generated code counts only by its top-level names (each schema alias, the operation tables,
 * every validator function): the members inside (openapi-typescript's `paths`, `components`,
 * `operations` trees; each operation's `method`, `path`, … in the runtime tables) mirror the
 * spec one to one, carry the spec's own `@description` where it has one, and the shape of a
 * table entry is documented once by the interface it satisfies (`OperationMeta`, `OperationCall`).
 *
 * @param {string} packagePath the declaration's path inside its package, e.g. `src/generated/schema.ts`
 */
export function isGeneratedMember(packagePath) {
  return packagePath.startsWith("src/generated/");
}
