import { fixtures } from "@faxkit/mock";
import { describe, expect, it } from "vitest";
import { useFake } from "./support/fake.js";

const { fake, run } = useFake();

const at = (iso: string) => iso.replace("T", " ").slice(0, 19);

describe("faxplus faxes list", () => {
  it("prints one page as a table, newest first, with a count", async () => {
    fake().seed({
      faxes: [
        fixtures.fax({ id: "aaaaaaaaaaaaaaaaaaaaaaa1", start_time: at("2026-01-10T08:00:00"), is_read: true }),
        fixtures.fax({ id: "aaaaaaaaaaaaaaaaaaaaaaa2", start_time: at("2026-01-12T08:00:00") }),
      ],
    });
    const result = await run(["faxes", "list"]);
    expect(result.code).toBe(0);
    expect(result.stdout.indexOf("aaaaaaaaaaaaaaaaaaaaaaa2")).toBeLessThan(result.stdout.indexOf("aaaaaaaaaaaaaaaaaaaaaaa1"));
    expect(result.stdout).toContain("2026-01-12 08:00:00");
    expect(result.stdout).toMatch(/2 faxes\n$/);
  });

  it("--json prints { records, truncated } and nothing else", async () => {
    fake().seed({ faxes: [fixtures.fax({ id: "bbbbbbbbbbbbbbbbbbbbbbb1" })] });
    const result = await run(["faxes", "list", "--json"]);
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(Object.keys(document)).toEqual(["records", "truncated"]);
    expect(document.records.map((record: { id: string }) => record.id)).toEqual(["bbbbbbbbbbbbbbbbbbbbbbb1"]);
    expect(result.stderr).toBe("");
  });

  it("--category picks the folder", async () => {
    fake().seed({
      faxes: [fixtures.fax({ id: "ccccccccccccccccccccccc1" }), fixtures.fax({ id: "ccccccccccccccccccccccc2", direction: "outgoing" })],
    });
    const result = await run(["faxes", "list", "--category", "sent", "--json"]);
    expect(JSON.parse(result.stdout).records.map((record: { id: string }) => record.id)).toEqual(["ccccccccccccccccccccccc2"]);
  });

  it.each([
    ["an ISO date", "2026-01-11"],
    ["an ISO date-time", "2026-01-11T00:00:00Z"],
    ["the API's format", "2026-01-11 00:00:00"],
  ])("--since takes %s", async (_what, since) => {
    fake().seed({
      faxes: [
        fixtures.fax({ id: "ddddddddddddddddddddddd1", start_time: at("2026-01-10T23:59:59") }),
        fixtures.fax({ id: "ddddddddddddddddddddddd2", start_time: at("2026-01-11T00:00:00") }),
      ],
    });
    const result = await run(["faxes", "list", "--since", since, "--json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).records.map((record: { id: string }) => record.id)).toEqual(["ddddddddddddddddddddddd2"]);
  });

  it.each([["yesterday"], ["2026-02-30"], ["2026-01-11 25:00:00"]])("--since %s is a usage error", async (since) => {
    const result = await run(["faxes", "list", "--since", since]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--since must be an ISO date");
    expect(fake().requests).toEqual([]);
  });

  it("--all pages through every fax with listAll; --max stops early and says so", async () => {
    const faxes = Array.from({ length: 120 }, (_, i) =>
      fixtures.fax({ start_time: at(new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString()) }),
    );
    fake().seed({ faxes });
    const all = await run(["faxes", "list", "--all", "--json"]);
    expect(all.code).toBe(0);
    const document = JSON.parse(all.stdout);
    expect(document.records).toHaveLength(120);
    expect(new Set(document.records.map((record: { id: string }) => record.id)).size).toBe(120);
    expect(fake().requests.filter((request) => request.operationId === "listFaxes").length).toBeGreaterThan(2);

    const capped = await run(["faxes", "list", "--all", "--max", "60", "--json"]);
    expect(JSON.parse(capped.stdout)).toMatchObject({ truncated: true });
    expect(JSON.parse(capped.stdout).records).toHaveLength(60);
    expect(capped.stderr).toContain("stopped at 60 records");
  });

  it("--limit out of range is a usage error", async () => {
    const result = await run(["faxes", "list", "--limit", "51"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("must be an integer from 1 to 50");
  });
});

describe("faxplus faxes get", () => {
  it("prints the record field by field, and the record itself with --json", async () => {
    fake().seed({ faxes: [fixtures.fax({ id: "eeeeeeeeeeeeeeeeeeeeeee1", comment: "checked by accounting", pages: 3 })] });
    const table = await run(["faxes", "get", "eeeeeeeeeeeeeeeeeeeeeee1"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/comment\s*│ checked by accounting/);
    const json = await run(["faxes", "get", "eeeeeeeeeeeeeeeeeeeeeee1", "--json"]);
    expect(JSON.parse(json.stdout)).toMatchObject({ id: "eeeeeeeeeeeeeeeeeeeeeee1", pages: 3 });
  });

  it("an unknown id is the API's 404 on one line, exit 1", async () => {
    const result = await run(["faxes", "get", "ffffffffffffffffffffffff"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^faxplus: 404 not_found: .*\(getFax\)\n$/);
  });

  it("a path trick in the id is refused before anything is sent, exit 1", async () => {
    const result = await run(["faxes", "get", ".."]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^faxplus: TypeError: .*fax_id/);
    expect(fake().requests).toEqual([]);
  });
});
