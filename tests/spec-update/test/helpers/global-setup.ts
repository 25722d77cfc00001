// Once per run: the template copy of the repository that every test file clones (repo-copy.ts).
import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { createTemplate } from "./repo-copy.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Path of the installed template copy of the repository, codegen built. */
    template: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const started = performance.now();
  const template = await createTemplate();
  console.log(`spec-update tests: template copy ready in ${((performance.now() - started) / 1000).toFixed(1)} s (${template})`);
  project.provide("template", template);
  return () => rmSync(template, { recursive: true, force: true });
}
