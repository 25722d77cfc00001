import type { ServerResponse } from "node:http";
import { carriesBody } from "../../internal/carries-body.js";
import { writableHeaders } from "../../internal/response-headers.js";
import type { FakeResponse } from "../fake-types.js";

/**
 * Writes the engine's answer as it is: its status, its headers (minus hop-by-hop ones and any
 * node would refuse), its body with a computed `Content-Length`. A status that may not carry a
 * body (`204`, `205`, `304`) or a `HEAD` request gets none. A status that is not a final
 * answer (outside 200–599) throws, which the server answers as a 500, as the MSW handlers do.
 *
 * @example
 * ```ts
 * writeFakeResponse(res, "GET", { status: 200, headers: { "content-type": "application/json" }, body: "{}" });
 * ```
 */
export function writeFakeResponse(res: ServerResponse, method: string, response: FakeResponse): void {
  if (!Number.isInteger(response.status) || response.status < 200 || response.status > 599)
    throw new RangeError(`the fake answered with status ${String(response.status)}, which is not a final HTTP answer (200–599)`);
  const headers: Record<string, string | number> = writableHeaders(response.headers);
  const bytes = toBytes(response.body);
  const withBody = carriesBody(response.status);
  if (withBody) headers["content-length"] = bytes?.byteLength ?? 0;
  res.writeHead(response.status, headers);
  res.end(withBody && method !== "HEAD" ? bytes : undefined);
}

function toBytes(body: FakeResponse["body"]): Buffer | undefined {
  if (body === undefined) return undefined;
  if (typeof body === "string") return Buffer.from(body, "utf8");
  return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
}
