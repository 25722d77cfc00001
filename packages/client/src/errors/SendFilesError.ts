import { FaxPlusError, type FaxPlusErrorInit } from "./FaxPlusError.js";

/** {@link FaxPlusErrorInit} plus what `sendFiles` got done before it failed. */
export interface SendFilesErrorInit extends FaxPlusErrorInit {
  /** Paths of the files uploaded before the failure, in the order given. */
  uploaded: readonly string[];
  /** `"upload"`: an upload failed and nothing was sent; `"send"`: every file was uploaded and the send failed. */
  stage: "upload" | "send";
}

/**
 * `outbox.sendFiles` failed after uploading something. `stage: "upload"`: a file's upload failed
 * (the `cause`), nothing was sent, and `uploaded` lists the paths stored so far (the API has no
 * call to delete them; they can go into a later `outbox.send`). `stage: "send"`: every file was
 * uploaded and the send failed; after a connection or timeout error the fax may still have been queued.
 *
 * @example
 * ```ts
 * if (error instanceof SendFilesError && error.stage === "upload") await fax.outbox.send({ from, to, files: [...error.uploaded, ...rest] });
 * ```
 */
export class SendFilesError extends FaxPlusError {
  override readonly name = "SendFilesError";
  /** Paths of the files uploaded before the failure, in the order given. */
  declare readonly uploaded: readonly string[];
  /** `"upload"`: an upload failed and nothing was sent; `"send"`: every file was uploaded and the send failed. */
  declare readonly stage: "upload" | "send";

  constructor(message: string, init: SendFilesErrorInit) {
    super(message, init); // the base class reads only its own fields
    this.uploaded = init.uploaded;
    this.stage = init.stage;
  }
}
