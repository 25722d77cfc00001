import { describe, expect, it } from "vitest";
import { renderDiffReport } from "../../src/diff/render-report.js";
import type { SpecChange } from "../../src/diff/rules.js";

const changes: SpecChange[] = [
  {
    rule: "documentation-changed",
    bump: "patch",
    pointer: "/components/schemas/Fax/description",
    operationId: null,
    packages: ["@faxkit/types", "@faxkit/mock"],
    message: "schema `Fax` description changed",
  },
  {
    rule: "response-property-added",
    bump: "minor",
    pointer: "/components/schemas/Fax/properties/pages",
    operationId: "getFax",
    packages: ["@faxkit/types", "@faxkit/validator", "@faxkit/mock"],
    message: "getFax: response 200 property `pages` added",
  },
  {
    rule: "request-property-became-required",
    bump: "major",
    pointer: "/components/schemas/PayloadOutbox/properties/comment",
    operationId: "sendFax",
    packages: ["@faxkit/types", "@faxkit/validator", "@faxkit/mock"],
    message: "sendFax: request property `comment` became required",
  },
  {
    rule: "unclassified-change",
    bump: "minor",
    pointer: "/paths/~1faxes~1{fax_id}/get/x-faxplus-unverified",
    operationId: "getFax",
    packages: ["@faxkit/types", "@faxkit/validator", "@faxkit/client", "@faxkit/mock"],
    message: "getFax: `x-faxplus-unverified` added",
  },
  {
    rule: "response-enum-value-added",
    bump: "major",
    pointer: "/components/schemas/FaxStatus/enum",
    operationId: "getFax",
    packages: ["@faxkit/types", "@faxkit/validator", "@faxkit/mock"],
    message: 'getFax: response 200 property `status` enum value "archived" added',
  },
];

describe("renderDiffReport", () => {
  it("says so when nothing changed", () => {
    expect(renderDiffReport([], { oldVersion: "3.4.0", newVersion: "3.4.1" })).toBe("Spec 3.4.0 → 3.4.1: no changes to the API.\n");
  });

  it("groups by operation in order of appearance (spec-wide last), strongest first, and marks unclassified changes", () => {
    expect(renderDiffReport(changes, { oldVersion: "3.4.0", newVersion: "3.5.0" })).toBe(
      [
        "Spec 3.4.0 → 3.5.0: **major**, 5 changes (2 major, 2 minor, 1 patch).",
        "",
        "Packages: @faxkit/types major, @faxkit/validator major, @faxkit/client minor, @faxkit/mock major.",
        "",
        "**getFax**",
        '- major: response 200 property `status` enum value "archived" added (`response-enum-value-added`)',
        "- minor: response 200 property `pages` added (`response-property-added`)",
        "- minor: `x-faxplus-unverified` added (`unclassified-change`) — review by hand",
        "",
        "**sendFax**",
        "- major: request property `comment` became required (`request-property-became-required`)",
        "",
        "**Spec-wide**",
        "- patch: schema `Fax` description changed (`documentation-changed`)",
        "",
      ].join("\n"),
    );
  });

  it("counts a single change in the singular", () => {
    expect(renderDiffReport(changes.slice(0, 1), { oldVersion: "1", newVersion: "2" })).toMatch(
      /^Spec 1 → 2: \*\*patch\*\*, 1 change \(1 patch\)\.\n/,
    );
  });
});
