import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ResolvedConfig } from "../../config.js";
import { CodegenError } from "../../errors/CodegenError.js";
import { generate } from "../../generate.js";
import { ReleaseRefusal } from "../ReleaseRefusal.js";
import type { TempWorkspace } from "./temp-workspace.js";

/** The new spec after the codegen's whole pipeline, rendered outside the project. */
export interface Candidate {
  /** The resolved spec (overlays applied), as the codegen writes it. */
  document: Record<string, unknown>;
  operationCount: number;
}

/**
 * Runs the codegen's whole pipeline (parse, validate, overlays, emit) on `input` into the temp
 * workspace, so a spec that fails anywhere is refused before the project is touched. The
 * codegen's own error is passed on as is; when the overlays fail, the file is run once more
 * without them, so a broken spec is reported as such rather than as an overlay's complaint.
 */
export async function renderCandidate(
  config: ResolvedConfig,
  input: string,
  work: TempWorkspace,
  show: (path: string) => string,
): Promise<Candidate> {
  try {
    return await renderInto(config, input, work.path("with-overlays"), config.overlays);
  } catch (error) {
    if (!(error instanceof CodegenError)) throw error;
    if (config.overlays.length > 0) await refuseIfBrokenWithoutOverlays(config, input, work);
    if (error.code === "OVERLAY_TARGET_UNMATCHED" || error.code === "OVERLAY_INVALID")
      throw new ReleaseRefusal(
        `${error.message}\nThe new spec is valid, but this overlay no longer applies to it: adapt or remove the overlay action, then run the update again.`,
      );
    if (config.overlays.length === 0) throw new ReleaseRefusal(error.message);
    throw new ReleaseRefusal(`${error.message}\n(with the overlays applied: ${config.overlays.map(show).join(", ")})`);
  }
}

async function refuseIfBrokenWithoutOverlays(config: ResolvedConfig, input: string, work: TempWorkspace): Promise<void> {
  try {
    await renderInto(config, input, work.path("bare"), []);
  } catch (bare) {
    if (bare instanceof CodegenError) throw new ReleaseRefusal(bare.message);
    throw bare;
  }
}

/** The project's config, pointed at `input` and with every output inside `folder`. */
async function renderInto(config: ResolvedConfig, input: string, folder: string, overlays: string[]): Promise<Candidate> {
  const resolvedSpec = join(folder, "resolved.json");
  const candidate: ResolvedConfig = {
    ...config,
    root: folder,
    configFile: join(folder, "faxkit.config.json"),
    spec: input,
    overlays,
    outputs: {
      types: join(folder, "types"),
      resolvedSpec,
      validators: config.outputs.validators === undefined ? undefined : join(folder, "validators"),
    },
  };
  const result = await generate({ config: candidate });
  return { document: JSON.parse(readFileSync(resolvedSpec, "utf8")) as Record<string, unknown>, operationCount: result.operationCount };
}
