import { connect, type Socket } from "node:net";

/** What came back on a raw connection: the first answer's status, headers and body, and how it ended. */
export interface RawAnswer {
  status: number | undefined;
  headers: Record<string, string>;
  body: string;
  /** Bytes the test wrote before the connection ended. */
  sent: number;
  /** Bytes the test had written when the first byte of the answer arrived. */
  sentBeforeAnswer: number | undefined;
  ended: "closed" | "timeout";
}

/**
 * Sends bytes over a plain TCP connection to 127.0.0.1 and reads the first HTTP answer, for
 * what an HTTP client would refuse to send (a bad request line, oversized headers). `body`
 * may be a generator of chunks, written with back-pressure until the server answers or closes.
 */
export function rawRequest(port: number, head: string, options: { body?: Iterable<Buffer>; timeoutMs?: number } = {}): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket: Socket = connect(port, "127.0.0.1");
    let received = Buffer.alloc(0);
    let sent = 0;
    let sentBeforeAnswer: number | undefined;
    let done = false;
    const finish = (ended: RawAnswer["ended"]) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...parseAnswer(received.toString("latin1")), sent, sentBeforeAnswer, ended });
    };
    const timer = setTimeout(() => finish("timeout"), options.timeoutMs ?? 10_000);
    socket.on("data", (chunk: Buffer) => {
      sentBeforeAnswer ??= sent;
      if (received.length < 1 << 20) received = Buffer.concat([received, chunk]);
      if (isComplete(received.toString("latin1"))) finish("closed");
    });
    // A failed write (the server closed) is not the end: what the server answered may still be unread.
    socket.on("error", () => undefined);
    socket.on("close", () => finish("closed"));
    socket.write(head, "latin1");
    sent += Buffer.byteLength(head, "latin1");
    const chunks = options.body?.[Symbol.iterator]();
    const pump = () => {
      if (chunks === undefined) return;
      while (!done && !socket.destroyed) {
        const next = chunks.next();
        if (next.done) return;
        sent += next.value.length;
        if (!socket.write(next.value)) {
          socket.once("drain", pump);
          return;
        }
      }
    };
    pump();
  });
}

function parseAnswer(text: string): Omit<RawAnswer, "sent" | "sentBeforeAnswer" | "ended"> {
  const split = text.indexOf("\r\n\r\n");
  if (split === -1) return { status: undefined, headers: {}, body: "" };
  const [statusLine, ...lines] = text.slice(0, split).split("\r\n");
  const headers = Object.fromEntries(
    lines.map((line) => [line.slice(0, line.indexOf(":")).trim().toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]),
  );
  const length = Number(headers["content-length"] ?? Number.NaN);
  const rest = text.slice(split + 4);
  return { status: Number(statusLine?.split(" ")[1]), headers, body: Number.isNaN(length) ? rest : rest.slice(0, length) };
}

/** True once a whole answer with a Content-Length (every answer of the mock's own has one) is in. */
function isComplete(text: string): boolean {
  const split = text.indexOf("\r\n\r\n");
  if (split === -1) return false;
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(text.slice(0, split))?.[1];
  return length !== undefined && Buffer.byteLength(text.slice(split + 4), "latin1") >= Number(length);
}

/** `count` chunks of `size` bytes in chunked transfer coding, then the last chunk. */
export function* chunkedBody(count: number, size: number): Generator<Buffer> {
  const chunk = Buffer.concat([Buffer.from(`${size.toString(16)}\r\n`), Buffer.alloc(size, 0x61), Buffer.from("\r\n")]);
  for (let i = 0; i < count; i++) yield chunk;
  yield Buffer.from("0\r\n\r\n");
}

/** `count` plain chunks of `size` bytes (for a body with a Content-Length). */
export function* plainBody(count: number, size: number): Generator<Buffer> {
  const chunk = Buffer.alloc(size, 0x61);
  for (let i = 0; i < count; i++) yield chunk;
}
