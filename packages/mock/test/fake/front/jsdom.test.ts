// @vitest-environment jsdom
import { createFaxPlusClient } from "@faxkit/client";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createFakeHandlers, fixtures } from "../../../src/msw.js";

// A component test's setup: vitest's jsdom environment, MSW's node server, the fake's handlers.
// Nothing here listens on a port, and an unhandled request is an error.

const seeded = fixtures.fax({ is_read: false });
const { handlers, fake } = createFakeHandlers({ seed: { faxes: [seeded] } });
const server = setupServer(...handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => fake.reset());
afterAll(async () => {
  server.close();
  await fake.close();
});

describe("@faxkit/mock/msw under jsdom", () => {
  it("runs in a page-like environment (window and document exist)", () => {
    expect(typeof window.document.createElement).toBe("function");
  });

  it("the client sees a browser: it refuses without dangerouslyAllowBrowser, as a page would", () => {
    expect(() => createFaxPlusClient({ token: "test-token" })).toThrow(/dangerouslyAllowBrowser/);
  });

  it("keeps state across calls: a fax marked read is listed read", async () => {
    const fax = createFaxPlusClient({ token: "test-token", dangerouslyAllowBrowser: true });
    await fax.faxes.bulkUpdate({ ids: [seeded.id], is_read: true });
    const page = await fax.faxes.list({ category: "inbox" });
    expect(page.data?.records?.find((record) => record.id === seeded.id)?.is_read).toBe(true);
    expect(fake.requests.map((request) => request.operationId)).toEqual(["bulkUpdateFaxes", "listFaxes"]);
  });
});
