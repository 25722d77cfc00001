/**
 * vitest globalSetup: the reference is converted, validated and rendered once per run, and the
 * lint test and the browser test both read that one build (TypeDoc takes the longest here).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ReflectionKind } from "typedoc";
import type { TestProject } from "vitest/node";
import { type ReferencePage, referencePages } from "./reference-pages.js";
import { buildReference } from "./typedoc-run.js";

/** What the test files get through `inject("reference")`. */
export interface BuiltReference {
  /** The rendered site. */
  out: string;
  warnings: string[];
  errors: string[];
  /** The modules (entry points) it documents, by name. */
  moduleNames: string[];
  pages: ReferencePage[];
}

declare module "vitest" {
  export interface ProvidedContext {
    reference: BuiltReference;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const out = await mkdtemp(join(tmpdir(), "faxkit-reference-"));
  const reference = await buildReference(out);
  project.provide("reference", {
    out,
    warnings: reference.warnings,
    errors: reference.errors,
    moduleNames: reference.project.getChildrenByKind(ReflectionKind.Module).map((module) => module.name),
    pages: referencePages(reference),
  });
  return () => rm(out, { recursive: true, force: true });
}
