import { readdirSync, readFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { NotFoundError, RedirectError } from "../../src/errors/index.js";
import { WebhookPayloadError } from "../../src/errors/WebhookPayloadError.js";
import { redactedError } from "../../src/redact.js";

const src = fileURLToPath(new URL("../../src", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  );
}

describe("redactedError", () => {
  it("is how src builds every FaxPlusError: no class is constructed directly, so none skips the redaction", () => {
    const classes = readdirSync(join(src, "errors"))
      .filter((name) => /^[A-Z]\w*Error\.ts$/.test(name))
      .map((name) => basename(name, ".ts"));
    expect(classes).toContain("TimeoutError");
    const direct = new RegExp(`new (?:${classes.join("|")})\\(`);
    const found = sourceFiles(src)
      .filter((file) => direct.test(readFileSync(file, "utf8")))
      .map((file) => relative(src, file));
    expect(found).toEqual([]);
  });

  it("scrubs the credentials, the URL and secret headers of the class it builds, keeping the class's own fields", () => {
    const token = "tok_SECRET_123";
    const error = redactedError(NotFoundError, `GET https://u:p@x.test/f?token=${token} failed (${token})`, {
      url: `https://u:p@x.test/f?token=${token}`,
      headers: { Authorization: `Bearer ${token}`, "X-Id": token },
      secrets: [token],
    });
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.status).toBe(404);
    expect(error.message).toBe("GET https://x.test/f?token=[redacted] failed ([redacted])");
    expect(error.headers).toEqual({ authorization: "[redacted]", "x-id": "[redacted]" });
    expect(JSON.stringify(error)).not.toContain(token);
    expect("secrets" in error).toBe(false);
  });

  it("keeps a redirect's target without credentials, query or fragment", () => {
    const error = redactedError(RedirectError, "moved", { location: "https://u:p@evil.test/next?code=1#frag", secrets: [] });
    expect(error.location).toBe("https://evil.test/next");
  });

  it("hands the secrets on to a class that scrubs fields of its own", () => {
    const error = redactedError(WebhookPayloadError, "webhook payload is not valid", {
      body: '{"t":"tok_SECRET_123"}',
      secrets: ["tok_SECRET_123"],
    });
    expect(error.excerpt).toBe('{"t":"[redacted]"}');
  });

  it("scrubs a cause that is neither an Error nor a string when its text carries a secret", () => {
    const cause = { toString: () => "failed with tok_SECRET_123" };
    const error = redactedError(NotFoundError, "x", { cause, secrets: ["tok_SECRET_123"] });
    expect(error.cause).toBe("failed with [redacted]");
    expect(redactedError(NotFoundError, "x", { cause: { toString: () => "harmless" }, secrets: ["tok_SECRET_123"] }).cause).not.toBeTypeOf(
      "string",
    );
  });
});
