// TypeDoc's `notDocumented` check takes properties all or nothing: every member of every
// generated type literal, thousands of them, or none. This plugin reports the properties a
// reader looks up (of our classes, interfaces and object type aliases: see isPublicShape)
// through the same validation channel, so `treatValidationWarningsAsErrors` fails on them too.
import { Application, DeclarationReflection, IntersectionType, ReflectionKind, ReflectionType } from "typedoc";
import { isGeneratedMember } from "./doc-rules.mjs";

/** @param {import("typedoc").Application} app */
export function load(app) {
  app.on(Application.EVENT_VALIDATE_PROJECT, (project) => {
    if (!app.options.getValue("validation").notDocumented) return;
    const packages = app.options.getValue("packagesRequiringDocumentation");
    for (const property of project.getReflectionsByKind(ReflectionKind.Property)) {
      if (!(property instanceof DeclarationReflection)) continue;
      if (!needsComment(project, property, packages) || property.hasComment()) continue;
      const symbol = project.getSymbolIdFromReflection(property);
      app.logger.validationWarning(
        `${property.getFriendlyFullName()} (Property), defined in ${symbol?.packageName}/${symbol?.packagePath}, does not have any documentation`,
      );
    }
  });
}

/**
 * @param {import("typedoc").ProjectReflection} project
 * @param {import("typedoc").DeclarationReflection} property
 * @param {string[]} packages
 */
function needsComment(project, property, packages) {
  // An inherited or overriding member (`name` of each error class) is read where it is first declared.
  if (property.inheritedFrom || property.overwrites) return false;
  const symbol = project.getSymbolIdFromReflection(property);
  if (!symbol || !packages.includes(symbol.packageName)) return false;
  if (isGeneratedMember(symbol.packagePath)) return false;
  return isPublicShape(property.parent);
}

/**
 * A class, an interface, or the object literal a type alias names, alone or as a part of an
 * intersection (`type Options = Base & { … }`). Not the arms of a union (`{ ok: true, value } |
 * { ok: false, issues }`): the alias's comment says how they differ, and a comment on each
 * arm's `ok` would repeat it. Not an inline literal deeper down either: it is read through the
 * comment of the property that holds it.
 *
 * @param {import("typedoc").Reflection | undefined} parent
 */
function isPublicShape(parent) {
  if (!parent) return false;
  if (parent.kindOf(ReflectionKind.Class | ReflectionKind.Interface)) return true;
  const alias = parent.parent;
  if (!parent.kindOf(ReflectionKind.TypeLiteral) || !(alias instanceof DeclarationReflection) || !alias.kindOf(ReflectionKind.TypeAlias))
    return false;
  const names = (/** @type {import("typedoc").SomeType | undefined} */ type) =>
    type instanceof ReflectionType && type.declaration === parent;
  if (names(alias.type)) return true;
  return alias.type instanceof IntersectionType && alias.type.types.some(names);
}
