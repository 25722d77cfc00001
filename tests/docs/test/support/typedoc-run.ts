import { join } from "node:path";
import {
  Application,
  Logger,
  LogLevel,
  type ProjectReflection,
  type Reflection,
  Renderer,
  type Router,
  type TypeDocOptions,
} from "typedoc";

/** tests/docs itself: where `typedoc.config.mjs` lives. */
export const SUITE_DIR = join(import.meta.dirname, "..", "..");
export const CONFIG = join(SUITE_DIR, "typedoc.config.mjs");

/** TypeDoc's messages, kept instead of printed, so a test can say which ones it got. */
class CollectingLogger extends Logger {
  readonly warnings: string[] = [];
  readonly errors: string[] = [];
  override log(message: string, level: LogLevel): void {
    super.log(message, level);
    if (level === LogLevel.Warn) this.warnings.push(message);
    if (level === LogLevel.Error) this.errors.push(message);
  }
}

/** What a run of `pnpm docs`'s configuration produced. */
export interface ReferenceRun {
  app: Application;
  project: ProjectReflection | undefined;
  /** Validation and conversion warnings, in order. */
  warnings: string[];
  errors: string[];
}

/**
 * Converts and validates with a TypeDoc configuration (the reference's own by default, or one
 * that extends it), `overrides` on top, the way the `typedoc` command does before it writes HTML.
 */
export async function convertReference(overrides: Partial<TypeDocOptions> = {}, config = CONFIG): Promise<ReferenceRun> {
  const app = await Application.bootstrapWithPlugins({ options: config, ...overrides });
  // Reading the options logs to TypeDoc's console logger (printed above); the typedoc command stops there.
  const optionErrors = app.logger.hasErrors() ? ["TypeDoc refused the options (its message is printed above)"] : [];
  const logger = new CollectingLogger();
  logger.level = LogLevel.Warn;
  logger.errors.push(...optionErrors);
  app.logger = logger;
  const project = await app.convert();
  if (project) app.validate(project);
  return { app, project, warnings: logger.warnings, errors: logger.errors };
}

/** A rendered reference: where each reflection's page is, relative to the site root. */
export interface RenderedReference extends ReferenceRun {
  project: ProjectReflection;
  urlOf(reflection: Reflection): string;
}

/** `convertReference`, then the HTML site written into `out`. */
export async function buildReference(out: string): Promise<RenderedReference> {
  const run = await convertReference({ out });
  const { project } = run;
  if (!project) throw new Error(`TypeDoc converted nothing:\n${run.errors.join("\n")}`);
  // The renderer lets go of its router once it is done: keep it for the page addresses.
  let router: Router | undefined;
  run.app.renderer.on(Renderer.EVENT_BEGIN, () => {
    router = run.app.renderer.router;
  });
  await run.app.generateDocs(project, out);
  const kept = router;
  if (!kept) throw new Error("TypeDoc rendered no page");
  return { ...run, project, urlOf: (reflection) => kept.getFullUrl(reflection) };
}
