import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { fixedGroupOf, ReleaseRefusal, readFixedGroup } from "../../src/index.js";

const NAMES = ["@faxkit/types", "@faxkit/validator", "@faxkit/mock", "@faxkit/client", "@faxkit/codegen"];

describe("readFixedGroup: the group changesets releases the spec package with", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "faxkit-fixed-group-"));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const writeConfig = (text: string) => {
    mkdirSync(join(root, ".changeset"), { recursive: true });
    writeFileSync(join(root, ".changeset/config.json"), text);
  };

  test("is read from .changeset/config.json, in the config's order", () => {
    writeConfig(JSON.stringify({ fixed: [["@faxkit/client"], ["@faxkit/mock", "@faxkit/types"]] }));
    expect(readFixedGroup(root, NAMES)).toEqual(["@faxkit/mock", "@faxkit/types"]);
  });

  test("a group that grows in the config grows in the release: nothing is hard-coded", () => {
    writeConfig(JSON.stringify({ fixed: [["@faxkit/types", "@faxkit/validator", "@faxkit/mock", "@faxkit/client"]] }));
    expect(readFixedGroup(root, NAMES)).toContain("@faxkit/client");
  });

  test("a glob entry stands for the workspace packages it matches", () => {
    writeConfig(JSON.stringify({ fixed: [["@faxkit/t*", "@faxkit/validator"]] }));
    expect(readFixedGroup(root, NAMES)).toEqual(["@faxkit/types", "@faxkit/validator"]);
  });

  test("without a config, or without a group holding the spec package, the package stands alone", () => {
    expect(readFixedGroup(root, NAMES)).toEqual(["@faxkit/types"]);
    writeConfig(JSON.stringify({ fixed: [["@faxkit/client", "@faxkit/mock"]] }));
    expect(readFixedGroup(root, NAMES)).toEqual(["@faxkit/types"]);
  });

  test("a config that is not JSON is refused, naming the file", () => {
    writeConfig("{ fixed: [");
    expect(() => readFixedGroup(root, NAMES)).toThrow(ReleaseRefusal);
    expect(() => readFixedGroup(root, NAMES)).toThrow(/^\.changeset\/config\.json is not valid JSON/);
  });

  test.each([
    ["a string", { fixed: "@faxkit/types" }],
    ["a flat list", { fixed: ["@faxkit/types", "@faxkit/mock"] }],
    ["a number in a group", { fixed: [["@faxkit/types", 3]] }],
  ])("a `fixed` that is %s is refused with the expected shape", (_name, config) => {
    expect(() => fixedGroupOf(config, NAMES)).toThrow("`fixed` must be a list of groups, each a list of package names or globs");
  });
});
