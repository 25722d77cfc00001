import { type DeclarationReflection, type ProjectReflection, ReflectionKind } from "typedoc";
import type { RenderedReference } from "./typedoc-run.js";

/** A page of the reference the browser test opens, and the heading it must show. */
export interface ReferencePage {
  /** Relative to the site root. */
  path: string;
  heading: string;
}

/** The symbols a reader of the READMEs looks up first. */
const KEY_SYMBOLS = [
  { module: "@faxkit/client", name: "createFaxPlusClient", heading: "Function createFaxPlusClient" },
  { module: "@faxkit/client", name: "FaxPlusError", heading: "Class FaxPlusError" },
  { module: "@faxkit/mock", name: "startFake", heading: "Function startFake" },
  { module: "@faxkit/validator", name: "validate", heading: "Namespace validate" },
  { module: "@faxkit/validator", name: "validateRequest", heading: "Function validateRequest" },
] as const;

function moduleNamed(project: ProjectReflection, name: string): DeclarationReflection {
  const module = project.getChildrenByKind(ReflectionKind.Module).find((child) => child.name === name);
  if (!module) throw new Error(`the reference has no module ${name}`);
  return module;
}

/** The index, every module (entry point) page and the key symbols' pages. */
export function referencePages(reference: RenderedReference): ReferencePage[] {
  const { project } = reference;
  const modules = project
    .getChildrenByKind(ReflectionKind.Module)
    .map((module) => ({ path: reference.urlOf(module), heading: `Module ${module.name}` }));
  const symbols = KEY_SYMBOLS.map(({ module, name, heading }) => {
    const symbol = moduleNamed(project, module).getChildByName(name);
    if (!symbol) throw new Error(`the reference has no ${name} in ${module}`);
    return { path: reference.urlOf(symbol), heading };
  });
  return [{ path: "index.html", heading: "faxkit API reference" }, ...modules, ...symbols];
}
