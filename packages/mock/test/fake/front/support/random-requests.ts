import { prng, type Random } from "../../../support/prng.js";
import { type QueryParts, randomPath, randomText } from "../../../support/random-path.js";

export { prng, type Random };

const METHODS = ["GET", "GET", "GET", "PUT", "PUT", "POST", "POST", "DELETE", "PATCH", "OPTIONS", "HEAD"];
const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "multipart/form-data; boundary=x",
  "multipart/form-data",
  "text/plain",
  "application/pdf",
  "a/b/c",
];

/** A request a fuzz run sends: what a client could put on the wire through fetch. */
export interface RandomRequest {
  method: string;
  /** Path and query, base path included. */
  target: string;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | undefined;
}

/** Query names and values of the fake's operations, and ones it must refuse. */
const QUERY: QueryParts = {
  names: ["category", "limit", "event", "format", "x", "%ZZ", "__proto__"],
  values: ["1", "-1", "inbox", "%", "a+b", "%E2%82", "fax_received", "9999999999999999999"],
};

function randomBody(random: Random, method: string, limit: number): Uint8Array<ArrayBuffer> | undefined {
  if (method === "GET" || method === "HEAD" || random.chance(0.2)) return undefined;
  const roll = random.int(100);
  const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  if (roll < 30)
    return json(
      random.pick([
        { ids: ["66df09cf1d6d0b295c363956", randomText(random, 40)], is_read: random.chance(0.5) },
        { target: `http://127.0.0.1:9/${randomText(random, 8)}`, event: random.pick(["fax_received", "fax_sent", "nope"]) },
        { from: "+16699990000", to: ["+12076001783"], files: ["/storage/x.pdf"] },
        { is_read: "yes", comment: 5 },
        { emails: [`${randomText(random, 6)}@example.com`] },
      ]),
    );
  if (roll < 50) return new TextEncoder().encode(random.pick(['{"ids": [', "{bad", "null", '{"a":1}}', "[[[[[[", '"\u0000"', "{}"]));
  if (roll < 65)
    return new TextEncoder().encode(
      `--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 ${randomText(random, 30)}\r\n--x--\r\n`,
    );
  if (roll < 85) return Uint8Array.from({ length: random.int(2_000) }, () => random.int(256));
  return new Uint8Array(limit + 1 + random.int(limit));
}

function randomHeaders(random: Random): Record<string, string> {
  const headers: Record<string, string> = {};
  if (random.chance(0.8)) headers.authorization = random.chance(0.9) ? "Bearer fuzz" : randomText(random, 20);
  if (random.chance(0.7)) headers["content-type"] = random.pick(CONTENT_TYPES);
  if (random.chance(0.1)) headers.origin = `http://${randomText(random, 10)}`;
  if (random.chance(0.2)) headers[`x-${random.int(1000)}`] = randomText(random, random.int(200));
  return headers;
}

/** One random request against the API, bodies up to twice `limit`. */
export function randomRequest(random: Random, limit: number): RandomRequest {
  const method = random.pick(METHODS);
  return { method, target: randomPath(random, QUERY), headers: randomHeaders(random), body: randomBody(random, method, limit) };
}

/** The API's `{ error, description }`: two strings, in JSON. */
export function isApiError(contentType: string | null, body: string): boolean {
  if (!contentType?.startsWith("application/json")) return false;
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    return typeof parsed.error === "string" && typeof parsed.description === "string";
  } catch {
    return false;
  }
}
