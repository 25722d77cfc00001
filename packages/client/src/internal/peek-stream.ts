/** The returned stream still yields those first bytes; only what `length` needs is read ahead. */
export async function peekStream(
  stream: ReadableStream<Uint8Array>,
  length: number,
): Promise<{ head: Uint8Array; stream: ReadableStream<Uint8Array> }> {
  const reader = stream.getReader();
  const buffered: Uint8Array[] = [];
  let have = 0;
  let ended = false;
  while (have < length) {
    const { done, value } = await reader.read();
    if (done) {
      ended = true;
      break;
    }
    buffered.push(value);
    have += value instanceof Uint8Array ? value.byteLength : 0;
  }
  const head = new Uint8Array(Math.min(have, length));
  let offset = 0;
  for (const chunk of buffered) {
    if (!(chunk instanceof Uint8Array) || offset >= head.length) break;
    const part = chunk.subarray(0, head.length - offset);
    head.set(part, offset);
    offset += part.byteLength;
  }
  const replay = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = buffered.shift();
      if (next !== undefined) return controller.enqueue(next);
      if (ended) return controller.close();
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return { head, stream: replay };
}
