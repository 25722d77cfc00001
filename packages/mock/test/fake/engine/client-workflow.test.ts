import { createFaxPlusClient } from "@faxkit/client";
import { afterEach, expect, it } from "vitest";
import type { FakeEngine } from "../../../src/fake/fake-types.js";
import { engineFetch, newEngine, pdfBytes } from "./harness.js";

let engine: FakeEngine;
afterEach(() => engine.close());

it("lets the client's sendFiles and waitForDelivery run to the sent faxes on real time, byte for byte", async () => {
  // Real time drives the clock here: deliveries fire from the clock's own timers, as in a team's tests.
  engine = newEngine({ deliveryDelayMs: 40 });
  const client = createFaxPlusClient({ baseUrl: "http://fake.test/v3", token: "t", fetch: engineFetch(engine), logLevel: "off" });
  const document = pdfBytes("workflow");
  const { ids } = await client.outbox.sendFiles({
    from: "+16699990000",
    to: ["+12025550100", "+12025550101"],
    files: [{ file: document, fileName: "doc.pdf", contentType: "application/pdf" }],
  });
  expect(ids).toHaveLength(2);
  const faxes = await client.outbox.waitForDelivery(ids, { interval: 10, maxInterval: 20, timeout: 20_000 });
  expect(faxes.map((fax) => [fax.id, fax.status])).toEqual(ids.map((id) => [id, "success"]));
  for (const id of ids) {
    const download = await client.files.download(id, { format: "pdf" });
    expect(new Uint8Array(await (await download.blob()).arrayBuffer())).toEqual(document);
  }
});
