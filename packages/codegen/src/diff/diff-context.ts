import type { JsonObject } from "../model/operations.js";
import type { ChangeLog } from "./change-log.js";

/**
 * The shapes the differs pass each other. Every differ compares an old and a new version of
 * something; bundling both sides (and where each one is) into named fields keeps call sites
 * readable: `before`/`after` cannot be swapped silently the way two adjacent positional
 * `JsonObject` arguments can.
 */

/** Both documents: `$ref`s on either side resolve against their own document. */
export interface Documents {
  oldDoc: JsonObject;
  newDoc: JsonObject;
}

/** The document-level differs' input: both documents and the log every differ writes to. */
export interface DiffContext extends Documents {
  log: ChangeLog;
}

/** Where a differ reports: the log, the operation, and what every change there adds. */
export interface Site {
  log: ChangeLog;
  operationId: string | null;
  /** The place is a parameter or the operation itself (adds @faxkit/client). */
  client?: boolean;
  /** The response status the place belongs to (merged in messages). */
  status?: string;
}

/** An Operation Object (or a callback's) and its pointer; part differs append `/requestBody` etc. */
export interface OperationSide {
  operation: JsonObject;
  pointer: string;
}

/**
 * The input of a differ of one part of an operation (parameters, request body, responses,
 * headers, security, callbacks): the two versions of the part, both documents, and the
 * site to report at.
 */
export interface PartDiff<Side> extends Documents {
  site: Site;
  before: Side;
  after: Side;
  /**
   * Set inside a webhook callback (its name): directions are mirrored there, so the part
   * differs judge payloads like responses and replies like requests.
   */
  callback?: string;
}

/** A node of either document and its pointer, for the prose and leftover-key comparisons. */
export interface NodeAt {
  node: JsonObject;
  pointer: string;
}
