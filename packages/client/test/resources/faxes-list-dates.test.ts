import { describe, expect, expectTypeOf, it } from "vitest";
import { createFaxPlusClient, type FaxPlusClient } from "../../src/index.js";

function recording() {
  const queries: Record<string, string>[] = [];
  const fetch = (async (request: Request) => {
    queries.push(Object.fromEntries(new URL(request.url).searchParams));
    return Response.json({ data: { records: [] } });
  }) as typeof globalThis.fetch;
  return { fax: createFaxPlusClient({ fetch, token: "tok", baseUrl: "https://api.test/v3" }), queries };
}

describe("faxes.list: after / before as a Date", () => {
  it("sends a Date as the API's UTC time (milliseconds dropped) and a string as given", async () => {
    const { fax, queries } = recording();
    await expect(
      fax.faxes.list({ category: "sent", after: new Date("2024-03-10T12:00:00.900Z"), before: "2024-03-11 00:00:00", limit: 5 }),
    ).resolves.toEqual({ data: { records: [] } });
    expect(queries).toEqual([{ category: "sent", after: "2024-03-10 12:00:00", before: "2024-03-11 00:00:00", limit: "5" }]);
  });

  it("still works without arguments", async () => {
    const { fax, queries } = recording();
    await fax.faxes.list();
    expect(queries).toEqual([{}]);
  });

  it("refuses an invalid Date with a TypeError naming the argument, at the call, sending nothing", () => {
    const { fax, queries } = recording();
    expect(() => fax.faxes.list({ before: new Date("not a date") })).toThrow(
      new TypeError('faxes.list: "before" must be a valid Date from year 0 to 9999 (got Invalid Date)'),
    );
    expect(queries).toHaveLength(0);
  });

  it("returns what a generic resource call returns (same kind of object, same own methods), not a new promise around it", async () => {
    const { fax } = recording();
    const listed = fax.faxes.list({ after: new Date(0) });
    const generic = fax.outbox.list();
    expect(Object.getPrototypeOf(listed)).toBe(Object.getPrototypeOf(generic));
    expect(Object.keys(listed).sort()).toEqual(Object.keys(generic).sort());
    await Promise.all([listed, generic]);
  });

  it("types after / before as string | Date", () => {
    type Args = NonNullable<Parameters<FaxPlusClient["faxes"]["list"]>[0]>;
    expectTypeOf<Args["after"]>().toEqualTypeOf<string | Date | undefined>();
    expectTypeOf<Args["before"]>().toEqualTypeOf<string | Date | undefined>();
    expectTypeOf<Args["category"]>().toEqualTypeOf<"inbox" | "sent" | "spam" | undefined>();
  });
});
