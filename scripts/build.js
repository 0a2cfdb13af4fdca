// Bundles the CLI into dist/ so that `kpi` loads a few files at start, not hundreds of modules.
// Renderers, yaml and iconv-lite are split into chunks loaded only by the runs that use them.
import { rmSync } from "node:fs";
import { build } from "esbuild";

/**
 * commander requires node:child_process at load, for subcommands that are separate programs
 * (kpi has none); with it come net, dgram and a dozen more of Node's modules at every start.
 * commander gets a stand-in that loads child_process the first time it is used.
 */
const lazyChildProcess = {
  name: "lazy-child-process",
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer)
        ? { path: "lazy-child-process", namespace: "kpi" }
        : undefined,
    );
    build.onLoad({ filter: /^lazy-child-process$/, namespace: "kpi" }, () => ({
      contents:
        'module.exports = new Proxy({}, { get: (_, name) => require("child_process")[name] });',
      loader: "js",
    }));
  },
};

rmSync("dist", { recursive: true, force: true });
await build({
  entryPoints: ["src/main.ts"],
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minify: true,
  legalComments: "none",
  logLevel: "warning",
  plugins: [lazyChildProcess],
  // CommonJS dependencies (cli-table3, iconv-lite) call require(); give the ES module one.
  banner: {
    js: 'import{createRequire as __kpiRequire}from"node:module";const require=__kpiRequire(import.meta.url);',
  },
});
