// Where each runtime's binary is, resolved from this package (the lockfile pins every version).
const { dirname, join } = require("node:path");

const packageDir = (name) => dirname(require.resolve(`${name}/package.json`));

/** Absolute paths of the binaries, by runtime, with the version the lockfile pins. */
module.exports = {
  node22: { bin: join(packageDir("node22"), "bin", "node"), version: require("node22/package.json").version },
  node24: { bin: join(packageDir("node24"), "bin", "node"), version: require("node24/package.json").version },
  bun: { bin: join(packageDir("@oven/bun-linux-x64"), "bin", "bun"), version: require("@oven/bun-linux-x64/package.json").version },
  deno: { bin: join(packageDir("deno"), "deno"), version: require("deno/package.json").version },
};
