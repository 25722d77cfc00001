import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FakeEngine } from "../../../src/fake/fake-types.js";
import { call, expectValid, multipartUpload, newEngine } from "./harness.js";

let engine: FakeEngine;
beforeEach(() => {
  engine = newEngine();
});
afterEach(() => engine.close());

describe("routing", () => {
  it("answers an unknown path 404 in the API's error shape", async () => {
    const answer = await call(engine, "GET", "/v3/nothing/here");
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({ error: "not_found", description: expect.stringContaining('"/v3/nothing/here"') });
  });

  it("answers a path outside the base path 404", async () => {
    const answer = await call(engine, "GET", "/accounts/self");
    expect(answer.status).toBe(404);
    expect(answer.json.description).toContain("base path");
  });

  it("answers a known path with another method 405 and lists the allowed ones", async () => {
    const answer = await call(engine, "PATCH", "/v3/accounts/self/faxes");
    expect(answer.status).toBe(405);
    expect(answer.json.error).toBe("method_not_allowed");
    expect(answer.headers.allow).toBe("GET, PUT");
  });

  it("routes the literal member paths before the user_id templates", async () => {
    const answer = await call(engine, "POST", "/v3/accounts/self/member-invitations", {
      body: { emails: ["new@example.com"] },
      validateAs: "inviteMembers",
    });
    expect(answer.status).toBe(200);
    expect(engine.requests.at(-1)?.operationId).toBe("inviteMembers");
  });

  it("honours another base path", async () => {
    const other = newEngine({ basePath: "/api/" });
    const answer = await call(other, "GET", "/api/accounts/self", { validateAs: "getUser" });
    expect(answer.status).toBe(200);
    await other.close();
  });
});

describe("hostile targets", () => {
  it.each([
    ["a malformed escape", "/v3/accounts/%ZZ"],
    ["bytes that are not UTF-8", "/v3/accounts/%C3%28/faxes"],
  ])("answers %s in a path 400 without throwing", async (_name, path) => {
    const answer = await call(engine, "GET", path);
    expect(answer.status).toBe(400);
    expect(answer.json.error).toBe("invalid_request");
    expect(answer.json.description).toContain("percent-encoded");
  });

  it("answers a malformed escape in the query 400", async () => {
    const answer = await call(engine, "GET", "/v3/accounts/self/faxes", { query: "limit=%E0%A4%A" });
    expect(answer.status).toBe(400);
    expect(answer.json.description).toContain("query string");
  });

  it("keeps an encoded slash inside its path parameter", async () => {
    const answer = await call(engine, "GET", "/v3/accounts/self/faxes/a%2Fb", { validateAs: "getFax" });
    expect(answer.status).toBe(404);
    expect(answer.json.description).toContain('"a/b"');
  });

  it("quotes request text in a description, control characters escaped and cut", async () => {
    const answer = await call(engine, "GET", `/v3/accounts/self/faxes/${"%0A".repeat(3)}${"x".repeat(500)}`, { validateAs: "getFax" });
    expect(answer.status).toBe(404);
    expect(answer.json.description).toContain('"\\n\\n\\nxxx');
    expect(answer.json.description).toContain("(503 characters)");
    expect(answer.json.description.length).toBeLessThan(250);
  });
});

describe("authorization", () => {
  it.each([
    ["no Authorization header", {}],
    ["an empty one", { authorization: "" }],
    ["a Bearer without a token", { authorization: "Bearer " }],
    ["another scheme", { authorization: "Basic dXNlcjpwYXNz" }],
  ])("answers %s 401 like the API", async (_name, headers) => {
    const answer = await call(engine, "GET", "/v3/accounts/self", { anonymous: true, headers, validateAs: "getUser" });
    expect(answer.status).toBe(401);
    expect(answer.json.error).toBe("unauthorized");
  });
});

describe("request validation", () => {
  it("answers a bad query 400 naming the parameter", async () => {
    const answer = await call(engine, "GET", "/v3/accounts/self/faxes", { query: "limit=51&category=outbox", validateAs: "listFaxes" });
    expect(answer.status).toBe(400);
    expect(answer.json.error).toBe("invalid_request");
    expect(answer.json.description).toContain("/params/query/limit");
    expect(answer.json.description).toContain("/params/query/category");
  });

  it("answers a bad body 400 with every violation", async () => {
    const answer = await call(engine, "PUT", "/v3/accounts/self/faxes", {
      body: { ids: ["x".repeat(33)], foo: 1 },
      validateAs: "bulkUpdateFaxes",
    });
    expect(answer.status).toBe(400);
    expect(answer.json.description).toContain("/body/ids/0");
    expect(answer.json.description).toContain("/body/foo");
  });

  it("answers a missing required body 400", async () => {
    const answer = await call(engine, "POST", "/v3/accounts/self/outbox", { validateAs: "sendFax" });
    expect(answer.status).toBe(400);
    expect(answer.json.description).toContain("/body: is required");
  });

  it("answers invalid JSON 400", async () => {
    const answer = await call(engine, "PUT", "/v3/accounts/self/faxes", { body: "{not json", validateAs: "bulkUpdateFaxes" });
    expect(answer.status).toBe(400);
    expect(answer.json.description).toContain("not valid JSON");
  });

  it("answers a JSON body of another content type 400", async () => {
    const answer = await call(engine, "POST", "/v3/hooks", {
      body: JSON.stringify({ target: "http://127.0.0.1/x", event: "fax_sent" }),
      headers: { "content-type": "text/plain" },
      validateAs: "createWebhook",
    });
    expect(answer.status).toBe(400);
    expect(answer.json.description).toContain("application/json");
  });

  it("answers a __proto__ key 400 as an unknown property and pollutes nothing", async () => {
    const answer = await call(engine, "PUT", "/v3/accounts/self/faxes", {
      body: '{"ids":["a"],"is_read":true,"__proto__":{"polluted":true}}',
      validateAs: "bulkUpdateFaxes",
    });
    expect(answer.status).toBe(400);
    expect(answer.json.description).toContain("/body/__proto__");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("keeps a __proto__ key in an open object as data, never as a prototype", async () => {
    const answer = await call(engine, "PUT", "/v3/accounts/self", {
      body: '{"name":"Eve","__proto__":{"account_type":"individual"},"settings":{"__proto__":{"polluted":true}}}',
      validateAs: "updateUser",
    });
    expect(answer.status).toBe(204);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const user = await call(engine, "GET", "/v3/accounts/self", { validateAs: "getUser" });
    expect(user.json.name).toBe("Eve");
    expect(user.json.account_type).toBe("corporate_admin");
    expect(Object.getPrototypeOf(user.json.settings)).toBe(Object.prototype);
  });
});

describe("hostile uploads", () => {
  const path = "/v3/accounts/self/files";

  it.each([
    ["no content type", {}, "multipart/form-data"],
    ["another content type", { "content-type": "application/json" }, "multipart/form-data"],
    ["no boundary", { "content-type": "multipart/form-data" }, "no boundary"],
    ["a boundary too long", { "content-type": `multipart/form-data; boundary=${"b".repeat(71)}` }, "1 to 70"],
  ])("answers %s 400", async (_name, headers, words) => {
    const answer = await call(engine, "POST", path, { body: new Uint8Array([1, 2, 3]), headers, validateAs: "uploadFile" });
    expect(answer.status).toBe(400);
    expect(answer.json.description).toContain(words);
  });

  it("answers a body without its closing boundary 400", async () => {
    const { body, headers } = multipartUpload(new Uint8Array([1, 2, 3]));
    const answer = await call(engine, "POST", path, { body: body.subarray(0, body.length - 20), headers, validateAs: "uploadFile" });
    expect(answer.status).toBe(400);
    expect(answer.json.description).toContain("closing boundary");
  });

  it("answers an upload without a fax_file part 400", async () => {
    const body = new TextEncoder().encode('--b\r\nContent-Disposition: form-data; name="other"\r\n\r\nx\r\n--b--\r\n');
    const answer = await call(engine, "POST", path, {
      body,
      headers: { "content-type": "multipart/form-data; boundary=b" },
      validateAs: "uploadFile",
    });
    expect(answer.status).toBe(400);
    expect(answer.json.description).toContain('"fax_file"');
  });

  it("answers too many parts 400 without reading them all", async () => {
    const part = '--b\r\nContent-Disposition: form-data; name="p"\r\n\r\nx\r\n';
    const body = new TextEncoder().encode(`${part.repeat(10_000)}--b--\r\n`);
    const answer = await call(engine, "POST", path, {
      body,
      headers: { "content-type": "multipart/form-data; boundary=b" },
      validateAs: "uploadFile",
    });
    expect(answer.status).toBe(400);
    expect(answer.json.description).toContain("more than 16 parts");
  });

  it("answers a header block that never ends 400", async () => {
    const body = new TextEncoder().encode(`--b\r\nContent-Disposition: form-data; name="fax_file"\r\nX-Pad: ${"a".repeat(20_000)}`);
    const answer = await call(engine, "POST", path, {
      body,
      headers: { "content-type": "multipart/form-data; boundary=b" },
      validateAs: "uploadFile",
    });
    expect(answer.status).toBe(400);
    expect(answer.json.description).toContain("no end of headers");
  });

  it("answers a file over 30 MB 400 and stores nothing", async () => {
    const { body, headers } = multipartUpload(new Uint8Array(30 * 1024 * 1024 + 1));
    const answer = await call(engine, "POST", path, { body, headers, validateAs: "uploadFile" });
    expect(answer.status).toBe(400);
    expect(answer.json.description).toContain("bytes a fax may carry");
  });

  it("answers an empty file 400", async () => {
    const { body, headers } = multipartUpload(new Uint8Array());
    const answer = await call(engine, "POST", path, { body, headers, validateAs: "uploadFile" });
    expect(answer.status).toBe(400);
    expect(answer.json.description).toContain("empty");
  });
});

it("answers every documented error in the spec's shape", async () => {
  const answer = await call(engine, "DELETE", "/v3/hooks/nope");
  expectValid("deleteWebhook", answer);
  expect(answer.status).toBe(404);
});
