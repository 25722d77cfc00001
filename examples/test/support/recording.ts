import { createServer } from "node:net";

/** True when something can listen on the port again (nothing holds it). */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/** A fetch that records each request's method and path, then sends it for real. */
export function recordingFetch() {
  const calls: { method: string; path: string }[] = [];
  const wrapped: typeof fetch = (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    calls.push({ method: (init?.method ?? request.method).toUpperCase(), path: new URL(request.url).pathname });
    return fetch(input, init);
  };
  return { calls, fetch: wrapped };
}

/** The session's lines, one string; and the lines that are progress-bar lines. */
export function collect() {
  const lines: string[] = [];
  return {
    lines,
    log: (line: string) => void lines.push(line),
    text: () => lines.join("\n"),
    progress: () => lines.filter((line) => /^ {3}\[[#.]{30}\] +\d+\/250/.test(line)),
  };
}

/** The token tests send: it must never appear in what the quickstart prints. */
export const TOKEN = "tok-quickstart-secret-1234567890";
