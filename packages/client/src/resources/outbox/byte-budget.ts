/**
 * The bytes of a fax's documents counted against its limit across several uploads: known sizes
 * up front, streams as they pass. A stream that takes the total over the limit errors with what
 * `overLimit` makes, before its upload can finish, so nothing over the limit is ever sent.
 */
export class ByteBudget {
  #total: number;

  constructor(
    known: number,
    readonly limit: number,
  ) {
    this.#total = known;
  }

  /** `source`, counted chunk by chunk. */
  count(source: ReadableStream<Uint8Array>, overLimit: (total: number) => Error): ReadableStream<Uint8Array> {
    return source.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform: (chunk, controller) => {
          // A chunk that is not bytes is files.upload's to refuse; it counts as nothing here.
          this.#total += typeof chunk?.byteLength === "number" ? chunk.byteLength : 0;
          if (this.#total > this.limit) controller.error(overLimit(this.#total));
          else controller.enqueue(chunk);
        },
      }),
    );
  }
}
