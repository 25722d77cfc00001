import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import type { Provenance } from "../../src/emit/banner.js";
import type { OperationRecord } from "../../src/emit/operation-table.js";
import { describeResources, emitResourceMap, methodName, type ResourceEntry } from "../../src/emit/resource-map.js";
import { CodegenError } from "../../src/errors/CodegenError.js";
import { render } from "../../src/render.js";

/** The record of one operation, with only what the naming rule reads filled in. */
function op(operationId: string, method: string, path: string, tag: string | null): OperationRecord {
  return {
    operationId,
    method,
    path,
    tag,
    summary: null,
    pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string),
    queryParams: [],
    headerParams: [],
    requiredParams: [],
    requestContentType: null,
    requestBodyRequired: false,
    successStatuses: [200],
    errorStatuses: [],
    scopes: [],
    security: [],
    idempotent: method !== "POST",
    deprecated: false,
  };
}

const provenance: Provenance = { spec: "spec.yaml", overlays: [], title: "Mini API", version: "1.0.0" };

/** The value of `resources` in an emitted module, as a user importing it would see it. */
function evaluate(source: string, name = "resources"): unknown {
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
  const exports: Record<string, unknown> = {};
  new Function("exports", js.outputText)(exports);
  return exports[name];
}

function conflict(run: () => unknown): CodegenError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CodegenError);
    return error as CodegenError;
  }
  throw new Error("expected a CodegenError");
}

describe("methodName", () => {
  it.each([
    // A GET on a collection (no trailing `{param}`) is `list`, whatever the operationId says.
    ["a collection GET", op("listFaxes", "GET", "/accounts/{user_id}/faxes", "Faxes"), "list"],
    ["a collection GET named get…", op("getWebhooks", "GET", "/hooks", "Webhooks"), "list"],
    ["a collection GET without a tag noun", op("getAccounts", "GET", "/accounts", "Accounts"), "list"],
    ["a collection GET under a parameter", op("listOutboxFaxes", "GET", "/accounts/{user_id}/outbox", "Outbox"), "list"],
    // A GET of one item is not a list.
    ["an item GET, singular noun in a plural tag (Faxes/Fax)", op("getFax", "GET", "/accounts/{user_id}/faxes/{fax_id}", "Faxes"), "get"],
    ["a plural noun in a plural tag", op("bulkUpdateFaxes", "PUT", "/accounts/{user_id}/faxes", "Faxes"), "bulkUpdate"],
    ["a DELETE", op("deleteFax", "DELETE", "/accounts/{user_id}/faxes/{fax_id}", "Faxes"), "delete"],
    ["an -s plural tag", op("revokeNumber", "DELETE", "/accounts/{user_id}/numbers/{number}", "Numbers"), "revoke"],
    ["a POST to a collection", op("createWebhook", "POST", "/hooks", "Webhooks"), "create"],
    // The tag's noun may be followed by more words (Outbox/OutboxFaxes, Outbox/OutboxFax).
    ["a singular tag before more words", op("bulkUpdateOutboxFaxes", "PUT", "/accounts/{user_id}/outbox", "Outbox"), "bulkUpdate"],
    ["a singular tag, item", op("getOutboxFax", "GET", "/accounts/{user_id}/outbox/{outbox_fax_id}", "Outbox"), "get"],
    ["a singular tag, DELETE", op("deleteOutboxFax", "DELETE", "/accounts/{user_id}/outbox/{outbox_fax_id}", "Outbox"), "delete"],
    // An operationId that never names the tag's noun stays whole.
    ["a POST not naming the noun", op("sendFax", "POST", "/accounts/{user_id}/outbox", "Outbox"), "sendFax"],
    ["an invitation", op("inviteMembers", "POST", "/accounts/self/member-invitations", "Accounts"), "inviteMembers"],
    ["an item GET not naming the noun", op("getUser", "GET", "/accounts/{user_id}", "Accounts"), "getUser"],
    [
      "an item PUT not naming the noun",
      op("updateMemberDetails", "PUT", "/accounts/self/member-details/{id}", "Accounts"),
      "updateMemberDetails",
    ],
    ["an untagged operation", op("ping", "POST", "/ping", null), "ping"],
    // The noun is only looked for after the first word, so the id never shrinks to "".
    ["an id that is the noun itself", op("faxes", "POST", "/faxes", "Faxes"), "faxes"],
  ])("%s: %s → %s", (_name, record, expected) => {
    expect(methodName(record, {})).toBe(expected);
  });

  it.each([
    ["a multi-word tag", op("getPhoneNumber", "GET", "/phone-numbers/{id}", "Phone Numbers"), "get"],
    ["a hyphenated tag", op("deleteMemberDetail", "DELETE", "/member-details/{id}", "member-details"), "delete"],
    ["a tag ending in -ies", op("getCategory", "GET", "/categories/{id}", "Categories"), "get"],
    ["a tag ending in -ches", op("deleteBatch", "DELETE", "/batches/{id}", "Batches"), "delete"],
  ])("%s: %s → %s", (_name, record, expected) => {
    expect(methodName(record, {})).toBe(expected);
  });

  it.each([
    ["over the noun rule", op("getUser", "GET", "/accounts/{user_id}", "Accounts"), "get"],
    ["over the list rule", op("getWebhooks", "GET", "/hooks", "Webhooks"), "all"],
    ["over an id that stays whole", op("sendFax", "POST", "/accounts/{user_id}/outbox", "Outbox"), "send"],
  ])("a rename wins %s", (_name, record, renamed) => {
    expect(methodName(record, { [record.operationId]: renamed, unrelatedOperation: "x" })).toBe(renamed);
  });
});

describe("describeResources: groups", () => {
  it.each([
    ["Faxes", "faxes"],
    ["Outbox", "outbox"],
    ["Phone Numbers", "phoneNumbers"],
    ["member-details", "memberDetails"],
    ["Member Invitation Links", "memberInvitationLinks"],
    ["API Keys", "apiKeys"],
    [null, "other"],
    ["---", "other"],
  ])("tag %j → group %s", (tag, group) => {
    const [entry] = describeResources([op("doThing", "POST", "/things", tag)], {});
    expect(entry?.group).toBe(group);
  });

  it("uses only the first tag (the record's `tag`) and keeps document order", () => {
    const entries = describeResources(
      [
        op("listFaxes", "GET", "/faxes", "Faxes"),
        op("getFile", "GET", "/files/{id}", "Files"),
        op("getFax", "GET", "/faxes/{id}", "Faxes"),
        op("ping", "POST", "/ping", null),
      ],
      { getFile: "download" },
    );
    expect(entries).toEqual<ResourceEntry[]>([
      { group: "faxes", method: "list", operationId: "listFaxes" },
      { group: "files", method: "download", operationId: "getFile" },
      { group: "faxes", method: "get", operationId: "getFax" },
      { group: "other", method: "ping", operationId: "ping" },
    ]);
  });
});

describe("describeResources: conflicts", () => {
  const lists = [op("listFaxes", "GET", "/faxes", "Faxes"), op("listArchivedFaxes", "GET", "/faxes/archive", "Faxes")];

  it("stops when two operations land on the same method, naming both and the config key", () => {
    const error = conflict(() => describeResources(lists, {}));
    expect(error.code).toBe("RESOURCE_NAME_CONFLICT");
    expect(error.message).toContain('"listFaxes"');
    expect(error.message).toContain('"listArchivedFaxes"');
    expect(error.message).toContain("fax.faxes.list");
    expect(error.message).toContain("`resources.rename`");
  });

  it("is resolved by a rename", () => {
    expect(describeResources(lists, { listArchivedFaxes: "listArchived" }).map((e) => e.method)).toEqual(["list", "listArchived"]);
  });

  it("also stops when a rename lands on a name the rule gave another operation", () => {
    const error = conflict(() =>
      describeResources([op("getFax", "GET", "/faxes/{id}", "Faxes"), op("getFaxReport", "GET", "/reports/{id}", "Faxes")], {
        getFaxReport: "get",
      }),
    );
    expect(error.code).toBe("RESOURCE_NAME_CONFLICT");
    expect(error.message).toMatch(/"getFax" and "getFaxReport" would both be the client method fax\.faxes\.get/);
  });

  it("lets equal method names live in different groups", () => {
    const entries = describeResources([op("getFax", "GET", "/faxes/{id}", "Faxes"), op("getNumber", "GET", "/numbers/{n}", "Numbers")], {});
    expect(entries.map((e) => `${e.group}.${e.method}`)).toEqual(["faxes.get", "numbers.get"]);
  });

  it("stops when a rename names an operation the spec lacks, naming it", () => {
    const error = conflict(() => describeResources([op("getFax", "GET", "/faxes/{id}", "Faxes")], { getFaxx: "fetch" }));
    expect(error.code).toBe("RESOURCE_NAME_CONFLICT");
    expect(error.message).toContain('"getFaxx"');
    expect(error.message).toContain("`resources.rename`");
  });
});

describe("emitResourceMap", () => {
  const records = [
    op("listFaxes", "GET", "/faxes", "Faxes"),
    op("bulkUpdateFaxes", "PUT", "/faxes", "Faxes"),
    op("getFile", "GET", "/files/{id}", "Files"),
    op("getFax", "GET", "/faxes/{id}", "Faxes"),
  ];
  const entries = describeResources(records, { getFile: "download" });

  it("opens with the do-not-edit banner naming the spec", () => {
    const text = emitResourceMap(entries, records, provenance);
    expect(text.startsWith("/**\n")).toBe(true);
    expect(text).toContain("Generated by @faxkit/codegen from spec.yaml (Mini API 1.0.0)");
    expect(text).toContain("with no overlays.");
    expect(text).toContain("DO NOT EDIT");
  });

  it("is a module whose `resources` maps group → method → operationId, groups in order of first appearance", () => {
    const value = evaluate(emitResourceMap(entries, records, provenance));
    expect(value).toEqual({
      faxes: { list: "listFaxes", bulkUpdate: "bulkUpdateFaxes", get: "getFax" },
      files: { download: "getFile" },
    });
    expect(Object.keys(value as object)).toEqual(["faxes", "files"]);
    expect(Object.keys((value as { faxes: object }).faxes)).toEqual(["list", "bulkUpdate", "get"]);
  });

  it("carries, per operation, what a client needs to call it, named as in OperationMeta and never left out", () => {
    const calls = evaluate(emitResourceMap(entries, records, provenance), "operationCalls") as Record<string, Record<string, unknown>>;
    expect(Object.keys(calls)).toEqual(["listFaxes", "bulkUpdateFaxes", "getFile", "getFax"]);
    expect(calls.getFax).toEqual({
      method: "GET",
      path: "/faxes/{id}",
      pathParams: ["id"],
      queryParams: [],
      headerParams: [],
      requestContentType: null,
      requestBodyRequired: false,
    });
    const withEverything = op("updateThing", "PUT", "/things/{id}/{part}", "Things");
    const full = {
      ...withEverything,
      queryParams: ["dry_run"],
      headerParams: ["x-trace"],
      requestContentType: "application/json",
      requestBodyRequired: true,
    };
    const text = emitResourceMap(describeResources([full], {}), [full], provenance);
    expect((evaluate(text, "operationCalls") as Record<string, unknown>).updateThing).toEqual({
      method: "PUT",
      path: "/things/{id}/{part}",
      pathParams: ["id", "part"],
      queryParams: ["dry_run"],
      headerParams: ["x-trace"],
      requestContentType: "application/json",
      requestBodyRequired: true,
    });
  });

  it("takes path parameters from the record, not from the path template", () => {
    // The record is what the spec declares; the emitter must not re-derive it from `path`.
    const declared = { ...op("getPart", "GET", "/parts/{id}", "Parts"), pathParams: ["declared"] };
    const calls = evaluate(emitResourceMap(describeResources([declared], {}), [declared], provenance), "operationCalls");
    expect((calls as Record<string, { pathParams: string[] }>).getPart?.pathParams).toEqual(["declared"]);
  });

  it("is deterministic: the same input gives the same bytes", () => {
    const first = emitResourceMap(entries, records, provenance);
    expect(emitResourceMap(structuredClone(entries), structuredClone(records), { ...provenance })).toBe(first);
    expect(first).not.toMatch(/\d{4}-\d{2}-\d{2}/); // no dates
  });

  it("exports the map `as const` with its type, and compiles without errors", () => {
    const text = emitResourceMap(entries, records, provenance);
    expect(text).toContain("} as const;");
    expect(text).toContain("export type Resources = typeof resources;");
    const result = ts.transpileModule(text, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext } });
    expect(result.diagnostics).toEqual([]);
  });

  it("declares no interface: with a configured module it imports OperationCall and checks the table against it", () => {
    const text = emitResourceMap(entries, records, provenance, "../operation-model.js");
    expect(text).not.toMatch(/\binterface\b/);
    expect(text).toContain('import type { OperationCall } from "../operation-model.js";');
    expect(text).toContain("} as const satisfies Record<string, OperationCall>;");
  });

  it("without a configured module is plain `as const` data that imports nothing", () => {
    const text = emitResourceMap(entries, records, provenance);
    expect(text).not.toMatch(/\binterface\b|\bimport\b|OperationCall>/);
    expect(text.match(/\} as const;/g)).toHaveLength(2);
  });

  it("quotes the configured module as a string literal", () => {
    const text = emitResourceMap(entries, records, provenance, '"; globalThis.pwned = 1; "');
    expect(text).toContain('import type { OperationCall } from "\\"; globalThis.pwned = 1; \\"";');
    const result = ts.transpileModule(text, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext } });
    expect(result.diagnostics).toEqual([]);
    expect(result.outputText).not.toContain("pwned");
  });
});

describe("the Fax.Plus resource map", () => {
  const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
  const generated = join(repoRoot, "packages/types/src/generated");

  it("covers every operation of the operation table exactly once", async () => {
    const { operations } = (await import(join(generated, "operations.ts"))) as { operations: Record<string, unknown> };
    const { resources } = (await import(join(generated, "resources.ts"))) as { resources: Record<string, Record<string, string>> };
    const called = Object.values(resources).flatMap((methods) => Object.values(methods));
    expect(Object.keys(operations).length).toBeGreaterThan(0);
    expect(called).toHaveLength(Object.keys(operations).length);
    expect([...called].sort()).toEqual(Object.keys(operations).sort());
  });

  it("applies the config's renames and is what the generator writes today", async () => {
    const config = await loadConfig(join(repoRoot, "faxkit.config.json"));
    expect(config.resourceRenames).toEqual({
      getUser: "get",
      updateUser: "update",
      getFile: "download",
      getFaxReport: "report",
      sendFax: "send",
    });
    const rendered = await render(config);
    const file = rendered.output.files.find((f) => f.path === join(generated, "resources.ts"));
    expect(file?.content).toBe(await readFile(join(generated, "resources.ts"), "utf8"));
    const entries = describeResources(rendered.operations, config.resourceRenames ?? {});
    expect(Object.fromEntries(entries.map((e) => [e.operationId, `${e.group}.${e.method}`]))).toMatchObject({
      getUser: "accounts.get",
      getFile: "files.download",
      getFaxReport: "files.report",
      sendFax: "outbox.send",
      bulkUpdateFaxes: "faxes.bulkUpdate",
      bulkUpdateOutboxFaxes: "outbox.bulkUpdate",
      listFaxes: "faxes.list",
      getWebhooks: "webhooks.list",
    });
  }, 60_000);
});
