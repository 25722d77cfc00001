import { describe, expect, it } from "vitest";
import { ChangeLog } from "../../../src/diff/change-log.js";
import type { ChangeKind } from "../../../src/diff/schema/change.js";
import { emitSchemaChange } from "../../../src/diff/schema/change.js";
import { schemaWalk } from "../../../src/diff/schema/walk.js";
import type { Subject } from "../../../src/diff/subject.js";

function emitted(subject: Subject, kind: ChangeKind): { rule: string; message: string } {
  const log = new ChangeLog();
  const walk = schemaWalk({ site: { log, operationId: "sendFax" }, oldDoc: {}, newDoc: {} }, subject);
  emitSchemaChange(walk, { kind, pointer: "/x", path: "comment", what: "changed somehow" });
  const [change] = log.changes();
  return { rule: change?.rule ?? "(none)", message: change?.message ?? "(none)" };
}

describe("emitSchemaChange", () => {
  it.each<[string, Subject, ChangeKind, string]>([
    ["a request property becoming required", { kind: "request" }, "becameRequired", "request-property-became-required"],
    ["a response property becoming required", { kind: "response", status: "200" }, "becameRequired", "response-property-became-required"],
    ["a required property added to a request", { kind: "request" }, "requiredAdded", "request-required-property-added"],
    [
      "a required property added to a response (just added)",
      { kind: "response", status: "200" },
      "requiredAdded",
      "response-property-added",
    ],
    ["a changed pattern in a request (judged tightened)", { kind: "request" }, "incomparable", "request-constraint-tightened"],
    [
      "a changed pattern in a response (judged loosened)",
      { kind: "response", status: "200" },
      "incomparable",
      "response-constraint-loosened",
    ],
    ["a callback payload, read like a response", { kind: "payload", callback: "faxEvent" }, "enumAdded", "response-enum-value-added"],
    [
      "a callback reply, written like a request",
      { kind: "reply", callback: "faxEvent", status: "200" },
      "enumAdded",
      "request-enum-value-added",
    ],
  ])("files %s under the rule of its direction", (_, subject, kind, rule) => {
    expect(emitted(subject, kind).rule).toBe(rule);
  });

  it("names the operation, the place and the response status in the message", () => {
    expect(emitted({ kind: "response", status: "404" }, "removed").message).toBe(
      "sendFax: response 404 property `comment` changed somehow",
    );
  });
});
