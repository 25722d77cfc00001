import { builtinModules } from "node:module";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, expectTypeOf, it } from "vitest";
import { FaxPlusError } from "../src/errors/FaxPlusError.js";
import { parseWebhookEvent, type WebhookEvent, WebhookPayloadError } from "../src/webhooks.js";

/** The payload of the Fax.Plus docs' webhook page (a sent fax). */
const FAX_SENT = {
  hook: { id: "66df09cf1d6d0b295c363956", event: "fax_sent", event_time: "2024-09-09 10:44:39", target: "https://myapp.example/fax_sent" },
  data: {
    id: "66df09cf1d6d0b295c363956",
    uid: "490ae330dbc749f0b6561dafa300f2fb",
    pages: 1,
    from: "+13343040000",
    to: "+13343040001",
    start_time: "2024-09-09 10:44:39",
    file: "1d0b618e4fb54957878eed0ecc64ae5e.tiff",
    file_name: "fax-to-13343040001",
    cost: 1,
    status: "success",
  },
};

/** A received fax, with the SDK's field names. */
const FAX_RECEIVED = {
  hook: { id: "5e7de3ad54cfd54eb568cc76", event: "fax_received", event_time: "2024-09-10 08:00:00", target: "https://myapp.example/in" },
  data: { id: "5e7de3ad54cfd54eb568cc76", pages: 3, from_number: "+12345688", to_number: "+12345667", status: "success" },
};

const encode = (text: string) => new TextEncoder().encode(text);

/** The body in every form parseWebhookEvent reads. */
function forms(payload: unknown): [string, unknown][] {
  const text = JSON.stringify(payload);
  return [
    ["a string", text],
    ["a Buffer", Buffer.from(text)],
    ["a Uint8Array", encode(text)],
    ["an ArrayBuffer", encode(text).buffer],
    ["a parsed object (express.json())", JSON.parse(text)],
  ];
}

function payloadError(body: unknown, options?: Parameters<typeof parseWebhookEvent>[1]): WebhookPayloadError {
  try {
    parseWebhookEvent(body as never, options);
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookPayloadError);
    return error as WebhookPayloadError;
  }
  throw new Error("parseWebhookEvent accepted the payload");
}

describe("parseWebhookEvent: valid payloads", () => {
  it.each(forms(FAX_SENT))("reads fax_sent from %s", (_form, body) => {
    const event = parseWebhookEvent(body as never);
    expect(event).toEqual(FAX_SENT);
    expect(event.hook.event).toBe("fax_sent");
  });

  it.each(forms(FAX_RECEIVED))("reads fax_received (SDK field names) from %s", (_form, body) => {
    expect(parseWebhookEvent(body as never)).toEqual(FAX_RECEIVED);
  });

  it("reads fax_page_received, and a payload without data (the spec does not require it)", () => {
    const event = parseWebhookEvent('{"hook":{"event":"fax_page_received","id":"f1"}}');
    expect(event).toEqual({ hook: { event: "fax_page_received", id: "f1" } });
  });

  it("drops a byte-order mark before the JSON, in text and in bytes", () => {
    const text = `\uFEFF${JSON.stringify(FAX_SENT)}`;
    expect(parseWebhookEvent(text)).toEqual(FAX_SENT);
    expect(parseWebhookEvent(encode(text))).toEqual(FAX_SENT);
  });

  it("tolerates and keeps properties the spec does not list, at every level", () => {
    const extended = {
      ...FAX_SENT,
      account: { plan: "business" },
      hook: { ...FAX_SENT.hook, attempt: 2 },
      data: { ...FAX_SENT.data, direction: "outgoing", cost_details: { currency: "USD" } },
    };
    expect(parseWebhookEvent(JSON.stringify(extended))).toEqual(extended);
  });

  it("tolerates a data.status the spec does not list yet (new failure codes)", () => {
    const payload = { ...FAX_SENT, data: { ...FAX_SENT.data, status: "failed_fs_50" } };
    expect(parseWebhookEvent(payload).data?.status).toBe("failed_fs_50");
  });

  it("types hook.event as required and known, so a switch over it is exhaustive", () => {
    const event = parseWebhookEvent(FAX_RECEIVED);
    expectTypeOf(event.hook.event).toEqualTypeOf<"fax_sent" | "fax_received" | "fax_page_received">();
    expectTypeOf<WebhookEvent<"fax_sent">["hook"]["event"]>().toEqualTypeOf<"fax_sent">();
    expectTypeOf(event.data?.status).toExtend<string | undefined>();
    const kind = (e: WebhookEvent): string => {
      switch (e.hook.event) {
        case "fax_sent":
          return "sent";
        case "fax_received":
          return "received";
        case "fax_page_received":
          return "page";
        default: {
          const unknownEvent: never = e.hook.event;
          return unknownEvent;
        }
      }
    };
    expect(kind(event)).toBe("received");
  });
});

describe("parseWebhookEvent: malformed payloads", () => {
  it("rejects text that is not JSON", () => {
    const error = payloadError("hook=fax_sent&id=1");
    expect(error.message).toBe("webhook payload is not JSON");
    expect(error.issues).toEqual([{ path: "/", keyword: "json", schemaPath: "", message: "/: is not valid JSON" }]);
    expect(error.excerpt).toBe("hook=fax_sent&id=1");
  });

  it("rejects JSON cut off mid-way", () => {
    expect(payloadError(JSON.stringify(FAX_SENT).slice(0, 40)).message).toBe("webhook payload is not JSON");
  });

  it.each([
    ["an empty string", ""],
    ["whitespace", "  \r\n "],
    ["no bytes", new Uint8Array(0)],
  ])("rejects %s as empty", (_label, body) => {
    const error = payloadError(body);
    expect(error.message).toBe("webhook payload is empty");
    expect(error.excerpt).toBe("");
  });

  it("rejects bytes that are not UTF-8", () => {
    const error = payloadError(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
    expect(error.message).toBe("webhook payload is not valid UTF-8");
  });

  it.each([
    ["an array", "[]", "/: must be object (got array)"],
    ["null", "null", "/: must be object (got null)"],
    ["a number", "42", "/: must be object (got integer)"],
    ["a string", '"fax_sent"', "/: must be object (got string)"],
  ])("rejects JSON that is %s", (_label, body, issue) => {
    const error = payloadError(body);
    expect(error.message).toBe(`webhook payload is not a valid Fax.Plus event: ${issue}`);
    expect(error.issues.map((i) => i.message)).toEqual([issue]);
  });

  it("rejects an object without hook (e.g. express.json() skipped the body: {})", () => {
    const error = payloadError({});
    expect(error.message).toBe("webhook payload is not a valid Fax.Plus event: /: must have required property 'hook'");
    expect(error.issues).toEqual([{ path: "/", keyword: "required", schemaPath: "", message: "/: must have required property 'hook'" }]);
  });

  it("rejects a hook without event, and a hook that is not an object", () => {
    expect(payloadError({ hook: { id: "f1" }, data: FAX_SENT.data }).message).toBe(
      "webhook payload is not a valid Fax.Plus event: /hook: must have required property 'event'",
    );
    expect(payloadError({ hook: null }).message).toBe("webhook payload is not a valid Fax.Plus event: /hook: must be object (got null)");
    expect(payloadError({ hook: "fax_sent" }).message).toBe(
      "webhook payload is not a valid Fax.Plus event: /hook: must be object (got string)",
    );
  });

  it("rejects an event it does not know", () => {
    const error = payloadError({ ...FAX_SENT, hook: { ...FAX_SENT.hook, event: "fax_deleted" } });
    expect(error.message).toBe(
      'webhook payload is not a valid Fax.Plus event: /hook/event: must be one of "fax_sent", "fax_received", "fax_page_received" (got "fax_deleted")',
    );
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ path: "/hook/event", keyword: "enum" });
  });

  it("lists every wrong type, and says how many more there are", () => {
    const error = payloadError({ hook: { event: "fax_sent", id: 7 }, data: { ...FAX_SENT.data, pages: "3", cost: null } });
    expect(error.issues.map((i) => i.path)).toEqual(["/hook/id", "/data/pages", "/data/cost"]);
    expect(error.message).toBe("webhook payload is not a valid Fax.Plus event: /hook/id: must be string (got integer) (and 2 more issues)");
  });

  it("keeps a short, scrubbed excerpt: credentials in URLs, given secrets and phone numbers masked", () => {
    const body = JSON.stringify({
      hook: { event: "fax_unknown", target: "https://myapp.example/hooks/s3cr3t-path?token=tok_ABC_123&x=1" },
      data: { from: "+13343040000", to: "+13343040001", file_name: "x".repeat(400) },
    });
    const error = payloadError(body, { secrets: ["s3cr3t-path"] });
    expect(error.excerpt).toContain("https://myapp.example/hooks/[redacted]?token=[redacted]&x=1");
    expect(error.excerpt).toContain('"from":"[number …00]","to":"[number …01]"');
    expect(error.excerpt).not.toMatch(/tok_ABC_123|s3cr3t-path|3343040/);
    expect(error.excerpt.length).toBeLessThanOrEqual(201);
    expect(error.excerpt.endsWith("…")).toBe(true);
    expect(JSON.stringify(error)).not.toMatch(/tok_ABC_123|s3cr3t-path|3343040/);
  });

  it("is a FaxPlusError without a status, serialisable with its issues and excerpt", () => {
    const error = payloadError("[1]");
    expect(error).toBeInstanceOf(FaxPlusError);
    expect(error.name).toBe("WebhookPayloadError");
    expect(error.status).toBeUndefined();
    expect(error.toJSON()).toMatchObject({ name: "WebhookPayloadError", issues: [{ path: "/", keyword: "type" }], excerpt: "[1]" });
  });
});

describe("parseWebhookEvent: a body it cannot read is a TypeError", () => {
  it.each([
    [undefined, "(got undefined); is a body parser (express.json() or express.text()) installed for this route?"],
    [new Request("http://x/", { method: "POST", body: "{}" }), "(got Request); read the request body first, e.g. await request.text()"],
    [new ReadableStream(), "(got ReadableStream); read the request body first"],
    [new Map([["hook", {}]]), "(got Map)"],
  ])("%#: %s", (body, detail) => {
    expect(() => parseWebhookEvent(body as never)).toThrow(TypeError);
    expect(() => parseWebhookEvent(body as never)).toThrow(
      `parseWebhookEvent: body must be a string, Uint8Array, ArrayBuffer or parsed JSON ${detail}`,
    );
  });
});

describe("the webhooks entry", () => {
  it("bundles for the browser without Node built-ins or the client", async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL("../src/webhooks.ts", import.meta.url))],
      absWorkingDir: fileURLToPath(new URL("..", import.meta.url)),
      bundle: true,
      format: "esm",
      platform: "browser",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    // What ends up in the bundle (tree-shaken): the metafile lists every file reached, used or not.
    const output = Object.values(result.metafile.outputs)[0];
    const inputs = Object.entries(output?.inputs ?? {})
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path);
    const imports = Object.values(result.metafile.inputs).flatMap((input) => input.imports.map((i) => i.path));
    expect(imports.filter((path) => path.startsWith("node:") || builtinModules.includes(path))).toEqual([]);
    expect(inputs).toContain("src/webhooks.ts");
    expect(inputs).not.toContain("src/client.ts");
    expect(inputs.filter((path) => path.includes("validator/dist/generated/schemas/")).map((path) => path.split("/").pop())).toEqual(
      expect.arrayContaining(["WebhookCallback.js", "WebhookCallbackHook.js", "WebhookCallbackData.js"]),
    );
    expect(inputs.some((path) => path.endsWith("schemas/Fax.js"))).toBe(false);
  });
});
