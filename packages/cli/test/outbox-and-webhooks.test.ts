import { fixtures } from "@faxkit/mock";
import { describe, expect, it } from "vitest";
import { useFake } from "./support/fake.js";

const { fake, run } = useFake();

describe("faxplus outbox", () => {
  it("list prints the queued faxes; --json gives { records }", async () => {
    fake().seed({ outbox: [fixtures.outboxFax({ id: "0a0a0a0a0a0a0a0a0a0a0a0a", status: "scheduled_for_sending" })] });
    const table = await run(["outbox", "list"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/0a0a0a0a0a0a0a0a0a0a0a0a\s*│ scheduled_for_sending/);
    const json = await run(["outbox", "list", "--json"]);
    expect(JSON.parse(json.stdout).records.map((entry: { id: string }) => entry.id)).toEqual(["0a0a0a0a0a0a0a0a0a0a0a0a"]);
  });

  it("an empty outbox says so", async () => {
    const result = await run(["outbox", "list"]);
    expect(result.stdout).toBe("The outbox is empty.\n");
  });

  it("cancel removes the fax from the outbox", async () => {
    fake().seed({ outbox: [fixtures.outboxFax({ id: "0b0b0b0b0b0b0b0b0b0b0b0b" })] });
    const result = await run(["outbox", "cancel", "0b0b0b0b0b0b0b0b0b0b0b0b"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("Cancelled 0b0b0b0b0b0b0b0b0b0b0b0b\n");
    expect(JSON.parse((await run(["outbox", "list", "--json"])).stdout).records).toEqual([]);
  });

  it("cancelling a fax already sending is the API's 400, exit 1", async () => {
    fake().seed({ outbox: [fixtures.outboxFax({ id: "0c0c0c0c0c0c0c0c0c0c0c0c", status: "sending" })] });
    const result = await run(["outbox", "cancel", "0c0c0c0c0c0c0c0c0c0c0c0c"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^faxplus: 400 .*\(deleteOutboxFax\)\n$/);
  });
});

describe("faxplus webhooks", () => {
  it("create, list (every event) and delete", async () => {
    const created = await run(["webhooks", "create", "--url", "http://127.0.0.1:9/hooks/received", "--event", "fax_received", "--json"]);
    expect(created.code).toBe(0);
    const { id } = JSON.parse(created.stdout);
    await run(["webhooks", "create", "--url", "http://127.0.0.1:9/hooks/sent", "--event", "fax_sent"]);

    const listed = await run(["webhooks", "list", "--json"]);
    expect(
      JSON.parse(listed.stdout)
        .hooks.map((hook: { event: string }) => hook.event)
        .sort(),
    ).toEqual(["fax_received", "fax_sent"]);
    const table = await run(["webhooks", "list", "--event", "fax_received"]);
    expect(table.stdout).toContain("http://127.0.0.1:9/hooks/received");
    expect(table.stdout).not.toContain("/hooks/sent");

    const deleted = await run(["webhooks", "delete", id]);
    expect(deleted.code).toBe(0);
    expect(JSON.parse((await run(["webhooks", "list", "--event", "fax_received", "--json"])).stdout).hooks).toEqual([]);
  });

  it.each([
    ["an unknown event", ["--url", "https://example.com/h", "--event", "fax_lost"]],
    ["a URL that is not http(s)", ["--url", "file:///etc/passwd", "--event", "fax_sent"]],
    ["no --url", ["--event", "fax_sent"]],
  ])("create with %s is a usage error, nothing sent", async (_what, args) => {
    const result = await run(["webhooks", "create", ...args]);
    expect(result.code).toBe(2);
    expect(fake().requests).toEqual([]);
  });

  it("deleting an unknown webhook is the API's 404, exit 1", async () => {
    const result = await run(["webhooks", "delete", "ffffffffffffffffffffffff"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^faxplus: 404 /);
  });
});
