import { CodegenError } from "../errors/CodegenError.js";
import type { SourceDocument } from "../load/source-document.js";

/** One action of an Overlay 1.0 document (Overlay Specification 1.0.0, §4.4.3 Action Object). */
export interface OverlayAction {
  target: string;
  description?: string;
  update?: unknown;
  remove?: boolean;
}

/** An Overlay 1.0 document (Overlay Specification 1.0.0, §4.4.1 Overlay Object). */
export interface OverlayDocument {
  overlay: string;
  info: { title: string; version: string };
  extends?: string;
  actions: OverlayAction[];
}

/**
 * Checks that a parsed file is an Overlay 1.0.x document with well-formed actions, so
 * that the overlay engine never has to guess; each problem names the file, line and action.
 */
export function readOverlayDocument(source: SourceDocument): OverlayDocument {
  const doc = source.value as Record<string, unknown> | null;
  const fail = (message: string, pointer: string) => new CodegenError("OVERLAY_INVALID", message, source.locate(pointer));
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) throw fail("an overlay must be a YAML/JSON object.", "");
  if (typeof doc.overlay !== "string" || !/^1\.0\.\d+$/.test(doc.overlay))
    throw fail(`unsupported overlay version ${JSON.stringify(doc.overlay)}; expected "overlay: 1.0.x" (OpenAPI Overlay 1.0).`, "/overlay");
  const info = doc.info as Record<string, unknown> | undefined;
  if (!info || typeof info.title !== "string" || typeof info.version !== "string")
    throw fail("`info.title` and `info.version` are required in an overlay.", "/info");
  if (!Array.isArray(doc.actions) || doc.actions.length === 0) throw fail("`actions` must be a non-empty list.", "/actions");
  doc.actions.forEach((action: unknown, index: number) => {
    const at = `/actions/${index}`;
    const label = `overlay action #${index + 1}`;
    if (action === null || typeof action !== "object" || Array.isArray(action)) throw fail(`${label} must be an object.`, at);
    const { target, update, remove } = action as Record<string, unknown>;
    if (typeof target !== "string" || !target.startsWith("$"))
      throw fail(`${label}: \`target\` must be a JSONPath expression starting with "$".`, `${at}/target`);
    if (remove !== undefined && typeof remove !== "boolean") throw fail(`${label}: \`remove\` must be true or false.`, `${at}/remove`);
    if (update === undefined && remove !== true) throw fail(`${label} (target ${target}) has neither \`update\` nor \`remove: true\`.`, at);
    if (update !== undefined && remove === true) throw fail(`${label} (target ${target}) has both \`update\` and \`remove\`.`, at);
    if (update !== undefined && (update === null || typeof update !== "object"))
      throw fail(`${label} (target ${target}): \`update\` must be an object or a list.`, `${at}/update`);
  });
  return doc as unknown as OverlayDocument;
}
