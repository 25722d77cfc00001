import type { Fax as TypesFax, SendFaxResponse as TypesSendFaxResponse } from "@faxkit/types";
import { describe, expectTypeOf, it } from "vitest";
import type { Fax, FaxStatus, Outbox, SendFaxResponse } from "../src/index.js";

describe("model types re-exported from @faxkit/client", () => {
  it("are the same types as @faxkit/types'", () => {
    expectTypeOf<Fax>().toEqualTypeOf<TypesFax>();
    expectTypeOf<SendFaxResponse>().toEqualTypeOf<TypesSendFaxResponse>();
  });

  it("type what the API returns", () => {
    expectTypeOf<FaxStatus>().toMatchTypeOf<string>();
    expectTypeOf<Outbox>().toHaveProperty("id");
    expectTypeOf<NonNullable<SendFaxResponse["ids"]>[string]>().toEqualTypeOf<string>();
  });
});
