import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bumpsByPackage, overallBump } from "../../src/diff/bump.js";
import { diffSpecs } from "../../src/diff/diff-specs.js";
import { DIFF_RULES, ruleOf, type SpecChange } from "../../src/diff/rules.js";
import { CodegenError } from "../../src/errors/CodegenError.js";

const RESOLVED = fileURLToPath(new URL("../../../../openapi/dist/faxplus.resolved.json", import.meta.url));
/** A spec the tests edit freely by path. */
// biome-ignore lint/suspicious/noExplicitAny: test documents are edited by arbitrary paths
type Doc = Record<string, any>;

const realSpec = JSON.parse(readFileSync(RESOLVED, "utf8")) as Doc;

/** rule, operationId, pointer, message: enough to read a failure at a glance. */
const brief = (changes: SpecChange[]) => changes.map((change) => [change.rule, change.operationId, change.pointer, change.message]);

function spec(extra: Record<string, unknown> = {}): Doc {
  return { openapi: "3.0.3", info: { title: "T", version: "1.0.0" }, paths: {}, ...extra };
}

describe("DIFF_RULES", () => {
  it("has unique ids, a bump, a description and a why for each rule", () => {
    const ids = DIFF_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of DIFF_RULES) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(["major", "minor", "patch"]).toContain(rule.bump);
      expect(rule.description.length).toBeGreaterThan(10);
      expect(rule.why.length).toBeGreaterThan(10);
    }
  });

  it("makes a misspelt rule id a compile error, and names it when one arrives untyped", () => {
    // @ts-expect-error -- "request-property-became-requred" is not a RuleId; tsc fails if it ever becomes one.
    expect(() => ruleOf("request-property-became-requred")).toThrow('unknown spec-diff rule "request-property-became-requred"');
    expect(ruleOf("request-property-became-required").bump).toBe("major");
  });
});

describe("diffSpecs on the real Fax.Plus spec", () => {
  it("finds nothing between the spec and a copy of it", () => {
    expect(diffSpecs(realSpec, structuredClone(realSpec))).toEqual([]);
  });

  it("ignores key order and info.version", () => {
    const reversed = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(reversed);
      if (value === null || typeof value !== "object") return value;
      return Object.fromEntries(
        Object.entries(value)
          .reverse()
          .map(([key, inner]) => [key, reversed(inner)]),
      );
    };
    const copy = reversed(realSpec) as Doc;
    copy.info.version = "9.9.9";
    expect(Object.keys(copy)[0]).not.toBe(Object.keys(realSpec)[0]);
    expect(diffSpecs(realSpec, copy)).toEqual([]);
  });

  it("classifies a few edits, once per affected operation, with pointers into components", () => {
    const edited = structuredClone(realSpec);
    edited.info.version = "3.5.0";
    edited.info.description = "changed";
    edited.components.schemas.PayloadOutbox.required.push("comment");
    edited.components.schemas.FaxStatus.enum.push("archived");
    delete edited.paths["/hooks/{hook_id}"];
    edited.paths["/accounts/{user_id}/outbox"].post.security[1].personal_access_token = ["fax:all:edit"];
    const changes = diffSpecs(realSpec, edited);
    expect(brief(changes)).toEqual([
      [
        "response-enum-value-added",
        "listFaxes",
        "/components/schemas/FaxStatus/enum",
        'listFaxes: response 200 property `data.records[].status` enum value "archived" added',
      ],
      [
        "response-enum-value-added",
        "getFax",
        "/components/schemas/FaxStatus/enum",
        'getFax: response 200 property `status` enum value "archived" added',
      ],
      [
        "request-property-became-required",
        "sendFax",
        "/components/schemas/PayloadOutbox/properties/comment",
        "sendFax: request property `comment` became required",
      ],
      [
        "security-scope-removed",
        "sendFax",
        "/paths/~1accounts~1{user_id}~1outbox/post/security",
        "sendFax: scope `fax:fax:edit` (personal_access_token) no longer grants access",
      ],
      [
        "response-enum-value-added",
        "createWebhook",
        "/components/schemas/FaxStatus/enum",
        'createWebhook: callback `faxEvent` payload property `data.status` enum value "archived" added',
      ],
      [
        "operation-removed",
        "deleteWebhook",
        "/paths/~1hooks~1{hook_id}/delete",
        "deleteWebhook: operation DELETE /hooks/{hook_id} removed",
      ],
      ["documentation-changed", null, "/info/description", "info description changed"],
    ]);
    expect(overallBump(changes)).toBe("major");
    expect(bumpsByPackage(changes)).toEqual({
      "@faxkit/types": "major",
      "@faxkit/validator": "major",
      "@faxkit/client": "major",
      "@faxkit/mock": "major",
    });
  });

  it("merges the statuses that share one error schema into one line per operation", () => {
    const edited = structuredClone(realSpec);
    edited.components.schemas.Error.properties.error.maxLength = 64;
    const changes = diffSpecs(realSpec, edited).filter((change) => change.operationId === "getFax");
    expect(brief(changes)).toEqual([
      [
        "response-constraint-tightened",
        "getFax",
        "/components/schemas/Error/properties/error/maxLength",
        "getFax: responses 400, 401, 404, 500 property `error` maxLength added (64)",
      ],
    ]);
  });

  it("reports a description edit in a shared component once, for the component", () => {
    const edited = structuredClone(realSpec);
    edited.components.schemas.Error.properties.error.description = "Machine-readable error code";
    expect(brief(diffSpecs(realSpec, edited))).toEqual([
      [
        "documentation-changed",
        null,
        "/components/schemas/Error/properties/error/description",
        "schema `Error` property `error` description changed",
      ],
    ]);
  });
});

describe("diffSpecs", () => {
  it("rejects input that is not an OpenAPI 3.0 document", () => {
    expect(() => diffSpecs(null, spec())).toThrow(CodegenError);
    expect(() => diffSpecs(spec(), "{}")).toThrow(/new spec is not a JSON object/);
    expect(() => diffSpecs(spec({ openapi: "3.1.0" }), spec())).toThrow(expect.objectContaining({ code: "UNSUPPORTED_VERSION" }));
  });

  it("terminates on recursive schemas and reference cycles", () => {
    const recursive = () =>
      spec({
        paths: {
          "/nodes": {
            get: {
              operationId: "listNodes",
              responses: { 200: { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Node" } } } } },
            },
          },
        },
        components: {
          schemas: {
            Node: {
              type: "object",
              properties: { next: { $ref: "#/components/schemas/Node" }, loop: { $ref: "#/components/schemas/Loop" } },
            },
            Loop: { $ref: "#/components/schemas/Loop" },
          },
        },
      });
    const before = recursive();
    const after = recursive();
    after.components.schemas.Node.properties.label = { type: "string" };
    expect(brief(diffSpecs(before, after))).toEqual([
      [
        "response-property-added",
        "listNodes",
        "/components/schemas/Node/properties/label",
        "listNodes: response 200 property `label` added",
      ],
    ]);
  });

  it("mirrors callbacks: the handler's reply is judged like a request, callback parameters like response properties", () => {
    const withCallback = () =>
      spec({
        paths: {
          "/hooks": {
            post: {
              operationId: "createWebhook",
              responses: { 200: { description: "ok" } },
              callbacks: {
                faxEvent: {
                  "{$request.body#/target}": {
                    post: {
                      parameters: [{ name: "X-Signature", in: "header", required: true, schema: { type: "string" } }],
                      requestBody: { content: { "application/json": { schema: { type: "object" } } } },
                      responses: {
                        200: {
                          description: "Received",
                          content: { "application/json": { schema: { type: "object", properties: { ack: { type: "boolean" } } } } },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      });
    const before = withCallback();
    const after = withCallback();
    const callback = after.paths["/hooks"].post.callbacks.faxEvent["{$request.body#/target}"].post;
    callback.parameters[0].required = false;
    callback.responses[200].content["application/json"].schema.required = ["ack"];
    callback.responses[204] = { description: "Ignored" };
    const at = "/paths/~1hooks/post/callbacks/faxEvent/{$request.body#~1target}/post";
    expect(brief(diffSpecs(before, after))).toEqual([
      [
        "response-property-became-optional",
        "createWebhook",
        `${at}/parameters/0/required`,
        "createWebhook: callback `faxEvent` parameter `X-Signature` (header) became optional",
      ],
      [
        "request-property-became-required",
        "createWebhook",
        `${at}/responses/200/content/application~1json/schema/properties/ack`,
        "createWebhook: callback `faxEvent` reply 200 property `ack` became required",
      ],
      ["unclassified-change", "createWebhook", `${at}/responses/204`, "createWebhook: callback `faxEvent` reply status 204 added"],
    ]);
  });

  it("treats a header parameter's case change as a rename: the generated type is keyed by the spelling", () => {
    const withHeader = (name: string) =>
      spec({
        paths: {
          "/faxes": {
            get: {
              operationId: "listFaxes",
              parameters: [{ name, in: "header", schema: { type: "string" } }],
              responses: { 200: { description: "ok" } },
            },
          },
        },
      });
    expect(brief(diffSpecs(withHeader("X-Trace"), withHeader("x-trace")))).toEqual([
      ["parameter-removed", "listFaxes", "/paths/~1faxes/get/parameters/0", "listFaxes: parameter `X-Trace` (header) removed"],
      ["parameter-added", "listFaxes", "/paths/~1faxes/get/parameters/0", "listFaxes: optional parameter `x-trace` (header) added"],
    ]);
  });

  it("still reports a difference no rule classifies (the safety net)", () => {
    const before = spec({ security: [{ key: [] }] });
    const after = spec({ security: [{ other: [] }] });
    expect(brief(diffSpecs(before, after))).toEqual([
      ["unclassified-change", null, "/security/0/key", "unclassified difference at `/security/0/key`"],
    ]);
  });

  it("reports an unused component that changed, and unknown top-level keys", () => {
    const before = spec({ components: { responses: { NotFound: { description: "gone" } } } });
    const after = spec({ "x-logo": "logo.png", components: { responses: { NotFound: { description: "not found" } } } });
    expect(brief(diffSpecs(before, after))).toEqual([
      ["unclassified-change", null, "/components/responses/NotFound", "response `NotFound` changed (used by no operation)"],
      ["unclassified-change", null, "/x-logo", "`x-logo` added"],
    ]);
  });
});

describe("README", () => {
  it("documents every rule with its bump and packages in the rule table", () => {
    const readme = readFileSync(fileURLToPath(new URL("../../README.md", import.meta.url)), "utf8");
    const rows = [...readme.matchAll(/^\| `([a-z-]+)` \| (major|minor|patch) \| ([a-z, ]+) \|/gm)];
    expect(Object.fromEntries(rows.map((match) => [match[1], `${match[2]}: ${match[3]}`]))).toEqual(
      Object.fromEntries(
        DIFF_RULES.map((rule) => [
          rule.id,
          `${rule.bump}: ${ruleOf(rule.id)
            .packages.map((name) => name.slice("@faxkit/".length))
            .join(", ")}`,
        ]),
      ),
    );
  });
});
