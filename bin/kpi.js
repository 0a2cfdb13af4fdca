#!/usr/bin/env node
// Runs the bundle (dist/kpi.cjs) with the V8 code cache that the build made by running it
// (dist/kpi.cache): the functions a run uses come compiled, which saves a tenth of the start.
// A cache made by another Node.js is refused by V8 itself, and the bundle is then compiled as usual.
// CommonJS (bin/package.json says so): starting no ES module loader saves about 20 ms.
"use strict";
const { readFileSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const { Script } = require("node:vm");

const dist = join(__dirname, "..", "dist");
const bundle = join(dist, "kpi.cjs");
const cache = join(dist, "kpi.cache");
let cachedData;
try {
  cachedData = readFileSync(cache);
} catch {
  // No cache: compiled as usual.
}
// The bundle is the function Node.js wraps a CommonJS module in, in ASCII (the build sees to
// both): it is compiled as it is, byte for byte, without decoding or copying.
const script = new Script(readFileSync(bundle).toString("latin1"), {
  filename: bundle,
  cachedData,
});
// Set by the build (scripts/build.js) only, which runs kpi once to make the cache.
if (process.env.KPI_WRITE_CODE_CACHE === "1") {
  process.once("exit", () => writeFileSync(cache, script.createCachedData()));
}
// The bundle's require: Node.js's modules, and the files bundled apart (`./yaml.cjs`) from dist/.
// Not createRequire: node:module loads the ES module loader with it, 3 ms of every start.
const requireFromDist = (id) => require(id.startsWith("./") ? join(dist, id) : id);
const module_ = { exports: {} };
script.runInThisContext()(module_.exports, requireFromDist, module_, bundle, dist);
