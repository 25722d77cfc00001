import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { findTooDeep } from "../../src/load/nesting-depth.js";
import { findTooDeepYaml } from "../../src/load/yaml-nesting-depth.js";

describe("findTooDeep", () => {
  it("accepts a node exactly at the limit and names the first one past it", () => {
    const value = { a: { b: { c: 1 } } };
    expect(findTooDeep(value, 3)).toBeUndefined();
    expect(findTooDeep(value, 2)).toEqual(["a", "b", "c"]);
  });

  it("names the first too-deep node in document order, with array indexes as tokens", () => {
    expect(findTooDeep({ short: [1], long: [[[1]]], later: [[[[2]]]] }, 2)).toEqual(["long", "0", "0"]);
  });

  it("measures a 100,000-deep value without using the stack", () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findTooDeep(deep, 128)).toHaveLength(129);
  });
});

/** The YAML finder reads the syntax tree; it must agree with the value that yaml composes. */
const shapes: [string, string][] = [
  ["block maps", "a:\n  b:\n    c: 1\n  d: 2\n"],
  ["block sequences", "- - - 1\n  - 2\n- 3\n"],
  ["flow maps and sequences", "a: {b: [1, [2, {c: 3}]]}\n"],
  ["a single-pair map inside a flow sequence", "a: [b: [1, 2]]\n"],
  ["quoted and numeric keys", "'200': {\"x y\": [true]}\n404: [[null]]\n"],
  ["a block sequence of block maps", "items:\n  - name: a\n    tags: [x, [y]]\n  - name: b\n"],
  ["empty collections", "a: {}\nb: [[], {}]\nc:\n"],
];

describe("findTooDeepYaml", () => {
  it.each(shapes)("agrees with the composed value on %s, at every limit", (_name, text) => {
    for (let limit = 0; limit <= 5; limit++) {
      expect(findTooDeepYaml(text, limit)?.tokens, `limit ${limit}`).toEqual(findTooDeep(parse(text), limit));
    }
  });

  it("gives the offset of the too-deep node in the text: a map entry at its key, a list item at itself", () => {
    const text = "a:\n  b: [[1]]\n";
    expect(findTooDeepYaml(text, 2)).toEqual({ tokens: ["a", "b", "0"], offset: text.indexOf("[1]") });
    expect(findTooDeepYaml(text, 1)).toEqual({ tokens: ["a", "b"], offset: text.indexOf("b:") });
  });
});
