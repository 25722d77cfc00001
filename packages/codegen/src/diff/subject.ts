import { STATUS } from "./change-log.js";

/** Who sends the value: the consumer (request) or the API (response). */
export type Direction = "request" | "response";

/**
 * What a schema belongs to, for messages and for the direction its changes are judged in.
 * Callbacks are mirrored: the payload Fax.Plus posts is read like a response, the
 * handler's reply is written like a request, and callback parameters are received.
 */
export type Subject =
  | { kind: "request" }
  | { kind: "response"; status: string }
  | { kind: "parameter"; name: string; in: string; callback?: string }
  | { kind: "header"; status: string; name: string }
  | { kind: "payload"; callback: string }
  | { kind: "reply"; callback: string; status: string };

/** The direction changes under `subject` are judged in. */
export function directionOf(subject: Subject): Direction {
  switch (subject.kind) {
    case "request":
    case "reply":
      return "request";
    case "parameter":
      return subject.callback === undefined ? "request" : "response";
    default:
      return "response";
  }
}

/** The response status a message names (merged across statuses), if any. */
export function statusOf(subject: Subject): string | undefined {
  return subject.kind === "response" || subject.kind === "header" ? subject.status : undefined;
}

/**
 * Names a place for a message: "request property `cover_page.flags`", "response 200 body",
 * "parameter `limit` (query)", "callback `faxEvent` payload property `data.status`".
 * `path` is the property path inside the subject's schema (`""` for the schema itself).
 */
export function describeAt(subject: Subject, path: string): string {
  const property = path === "" ? "" : ` property \`${path}\``;
  switch (subject.kind) {
    case "request":
      return path === "" ? "request body" : `request${property}`;
    case "response":
      return path === "" ? `${STATUS} body` : `${STATUS}${property}`;
    case "parameter":
      return `${subject.callback === undefined ? "" : `callback \`${subject.callback}\` `}parameter \`${subject.name}\` (${subject.in})${property}`;
    case "header":
      return `${STATUS} header \`${subject.name}\`${property}`;
    case "payload":
      return `callback \`${subject.callback}\` payload${property}`;
    case "reply":
      return `callback \`${subject.callback}\` reply ${subject.status}${path === "" ? " body" : property}`;
  }
}
