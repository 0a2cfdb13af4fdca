// Bundles the CLI into dist/ so that `kpi` loads a few files at start, not hundreds of modules.
// Renderers and iconv-lite are split into chunks loaded only by the runs that use them.
import { build } from "esbuild";

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
  // CommonJS dependencies (cli-table3, iconv-lite) call require(); give the ES module one.
  banner: {
    js: 'import{createRequire as __kpiRequire}from"node:module";const require=__kpiRequire(import.meta.url);',
  },
});
