/**
 * How the browser test picks its Chromium (test/support/chromium.ts): the lockfile's
 * @sparticuz/chromium build unless FAXKIT_CHROMIUM=system asks for Debian's.
 */
import { describe, expect, it } from "vitest";
import { chooseChromium, chromiumSource, sparticuzArgs, WEAKENING_ARGS } from "./support/chromium.js";

describe("FAXKIT_CHROMIUM", () => {
  it.each([{}, { FAXKIT_CHROMIUM: "" }])("unset or empty (%j) means the @sparticuz/chromium build from the lockfile", (env) => {
    expect(chromiumSource(env)).toBe("sparticuz");
  });

  it.each(["sparticuz", "system"])("%s is taken as given", (value) => {
    expect(chromiumSource({ FAXKIT_CHROMIUM: value })).toBe(value);
  });

  it("any other value fails, naming the values it accepts", () => {
    expect(() => chromiumSource({ FAXKIT_CHROMIUM: "chrome" })).toThrow(
      'FAXKIT_CHROMIUM must be one of sparticuz, system (or unset), not "chrome"',
    );
  });

  it("system drives the given executable multi-process, and says what to do when it is missing", async () => {
    const choice = await chooseChromium("system", process.execPath);
    expect(choice).toMatchObject({ source: "system", executablePath: process.execPath, singleProcess: false });
    await expect(chooseChromium("system", "/nonexistent/chromium")).rejects.toThrow(
      "FAXKIT_CHROMIUM=system, but /nonexistent/chromium is missing: install Debian's chromium, or unset FAXKIT_CHROMIUM",
    );
  });
});

describe("flags for the @sparticuz/chromium build", () => {
  it("keep its single-process, no-zygote, SwiftShader flags, and web security (CORS) on", () => {
    const args = sparticuzArgs();
    expect(args).toEqual(expect.arrayContaining(["--single-process", "--no-zygote", "--use-angle=swiftshader"]));
    for (const weakening of WEAKENING_ARGS) expect(args).not.toContain(weakening);
    expect(WEAKENING_ARGS).toContain("--disable-web-security");
  });

  it("keep every host name from resolving, so traffic stays on loopback", () => {
    expect(sparticuzArgs()).toContain("--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1");
  });
});
