import { writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { TEST_TOKEN, useFake } from "./support/fake.js";
import { runCli } from "./support/run-cli.js";

const { fake, run, env } = useFake();

describe("faxplus whoami", () => {
  it("prints the account as a table", async () => {
    const result = await run(["whoami"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("admin@example.com");
    expect(result.stdout).toMatch(/account type\s*│ corporate_admin/);
  });

  it("prints exactly one JSON document with --json", async () => {
    const result = await run(["whoami", "--json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ email: "admin@example.com", account_type: "corporate_admin" });
    expect(result.stderr).toBe("");
  });
});

describe("credentials", () => {
  it("without any credentials exits 2 naming the three ways to give them", async () => {
    const result = await runCli(["whoami"], { env: { FAXPLUS_BASE_URL: fake().url } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("FAXPLUS_TOKEN");
    expect(result.stderr).toContain("--token-file");
    expect(result.stderr).toContain("FAXPLUS_CLIENT_ID, FAXPLUS_CLIENT_SECRET and FAXPLUS_REFRESH_TOKEN");
    expect(fake().requests).toEqual([]);
  });

  it.each([
    ["--token", "secret-on-the-command-line"],
    ["--token=secret-on-the-command-line"],
  ])("refuses %s as a usage error that says why, without echoing the value", async (...args) => {
    const result = await run(["whoami", ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--token is not accepted");
    expect(result.stderr).toContain("ps");
    expect(result.stderr).not.toContain("secret-on-the-command-line");
    expect(fake().requests).toEqual([]);
  });

  it("reads the token from --token-file, newline and all", async () => {
    const file = join(tmpdir(), `faxplus-token-${process.pid}`);
    writeFileSync(file, "file-token-123\n", { mode: 0o600 });
    const result = await runCli(["whoami", "--json", "--token-file", file], { env: { FAXPLUS_BASE_URL: fake().url } });
    expect(result.code).toBe(0);
    expect(fake().requests.at(-1)).toMatchObject({ operationId: "getUser", status: 200 });
  });

  it("a missing --token-file exits 2 naming the file", async () => {
    const result = await runCli(["whoami", "--token-file", "/nonexistent/faxplus-token"], { env: { FAXPLUS_BASE_URL: fake().url } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("cannot read --token-file /nonexistent/faxplus-token (ENOENT)");
  });

  it("incomplete OAuth2 settings exit 2 naming what is missing", async () => {
    const result = await runCli(["whoami"], {
      env: { FAXPLUS_BASE_URL: fake().url, FAXPLUS_CLIENT_ID: "app", FAXPLUS_CLIENT_SECRET: "shh-secret" },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("FAXPLUS_REFRESH_TOKEN not set");
    expect(result.stderr).not.toContain("shh-secret");
  });

  describe("with OAuth2 settings", () => {
    let tokenServer: Server | undefined;
    afterEach(() => tokenServer?.close());

    it("refreshes the access token at FAXPLUS_TOKEN_URL and calls the API with it", async () => {
      const grants: string[] = [];
      tokenServer = createServer(async (request: IncomingMessage, response) => {
        let body = "";
        for await (const chunk of request) body += chunk;
        grants.push(new URLSearchParams(body).get("grant_type") ?? "");
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify({ access_token: "fresh-access-token", token_type: "Bearer", expires_in: 3600 }));
      });
      await new Promise<void>((resolve) => tokenServer?.listen(0, "127.0.0.1", resolve));
      const { port } = tokenServer.address() as AddressInfo;
      const result = await runCli(["whoami", "--json"], {
        env: {
          FAXPLUS_BASE_URL: fake().url,
          FAXPLUS_CLIENT_ID: "app-id",
          FAXPLUS_CLIENT_SECRET: "app-secret-value",
          FAXPLUS_REFRESH_TOKEN: "refresh-token-value",
          FAXPLUS_TOKEN_URL: `http://127.0.0.1:${port}/token`,
        },
      });
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(grants).toEqual(["refresh_token"]);
      expect(JSON.parse(result.stdout)).toMatchObject({ email: "admin@example.com" });
    });
  });
});

describe("errors", () => {
  it("an API error is one line with the status, code and description, exit 1, and no token", async () => {
    fake().failNext({ operationId: "getUser", status: 401, body: { error: "invalid_token", description: `token ${TEST_TOKEN} expired` } });
    const result = await run(["whoami"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("faxplus: 401 invalid_token: token [redacted] expired (getUser)\n");
  });

  it("a server that cannot be reached is exit 1 with a readable line", async () => {
    const result = await runCli(["whoami"], { env: { ...env(), FAXPLUS_BASE_URL: "http://127.0.0.1:9/v3" } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^faxplus: ConnectionError: .+\n$/);
  });

  it.each([
    ["an unknown command", ["whoamii"]],
    ["an unknown option", ["whoami", "--colour"]],
    ["a missing argument", ["faxes", "get"]],
    ["a bad --base-url", ["whoami", "--base-url", "ftp://example.com"]],
  ])("%s is a usage error, exit 2", async (_what, args) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toBe("");
    expect(fake().requests).toEqual([]);
  });

  it("--help and --version exit 0", async () => {
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("FAXPLUS_REFRESH_TOKEN");
    const version = await runCli(["--version"]);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
