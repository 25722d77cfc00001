import { describe, expect, it } from "vitest";
import { peekStream } from "../../src/internal/peek-stream.js";

function chunked(...chunks: number[][]): { stream: ReadableStream<Uint8Array>; pulls: () => number } {
  let pulls = 0;
  const queue = chunks.map((c) => new Uint8Array(c));
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        pulls++;
        const next = queue.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(next);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulls: () => pulls };
}

const all = async (stream: ReadableStream<Uint8Array>) => [...new Uint8Array(await new Response(stream).arrayBuffer())];

describe("peekStream", () => {
  it("returns the first bytes across chunks, and a stream with everything from the first byte", async () => {
    const { stream } = chunked([1, 2], [3], [4, 5, 6, 7, 8, 9], [10]);
    const peeked = await peekStream(stream, 4);
    expect([...peeked.head]).toEqual([1, 2, 3, 4]);
    expect(await all(peeked.stream)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("reads ahead only as far as it needs", async () => {
    const source = chunked([1, 2, 3, 4, 5, 6, 7, 8], [9], [10]);
    await peekStream(source.stream, 8);
    expect(source.pulls()).toBe(1);
  });

  it("gives fewer bytes for a shorter stream, and an empty head for an empty one", async () => {
    const short = await peekStream(chunked([1, 2]).stream, 8);
    expect([...short.head]).toEqual([1, 2]);
    expect(await all(short.stream)).toEqual([1, 2]);
    const empty = await peekStream(chunked().stream, 8);
    expect(empty.head.length).toBe(0);
    expect(await all(empty.stream)).toEqual([]);
  });
});
