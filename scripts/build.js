// Bundles the CLI into one CommonJS module, dist/kpi.cjs, that bin/kpi.js runs with a V8 code
// cache; then runs it once on the bundled example to make that cache (dist/kpi.cache).
// One file loads faster than a tree of ES modules (no module loader, one read), and a cache works
// only for a script. yaml and iconv-lite, which most runs do not use, are bundled apart
// (dist/yaml.cjs, dist/iconv-lite.cjs) and required the first time a run needs them; so are docx
// and fflate (dist/docx.cjs, dist/fflate.cjs), which only `kpi report --format docx` loads; and
// kpi's own status workbook and entry form (dist/report-xlsx.cjs, dist/template-xlsx.cjs). The
// workbook reader is in the bundle, where the code cache holds it (the example reads a workbook),
// as a module that runs, loading node:zlib, only when a run first reads a workbook.
// Last, the release file (dist/kpi-release.cjs): all of kpi in one plain CommonJS script, the
// libraries' licences at its end, that `kpi init` copies into a data repository as .kpi/kpi.cjs,
// where `node .kpi/kpi.cjs` runs it with nothing installed.
import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
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

/**
 * chalk detects the terminal's colours when it loads, which loads tty and net. kpi decides about
 * colour itself (useColor in src/cli/emit-output.ts) and gives every Chalk its level, so chalk's
 * detection is replaced by one that finds none.
 */
const noColorDetection = {
  name: "no-color-detection",
  setup(build) {
    build.onResolve({ filter: /^#supports-color$/ }, () => ({
      path: "no-color-detection",
      namespace: "kpi",
    }));
    build.onLoad({ filter: /^no-color-detection$/, namespace: "kpi" }, () => ({
      contents: "export default { stdout: false, stderr: false };",
      loader: "js",
    }));
  },
};

/** The libraries bundled apart: `import("yaml")` in the source is `require("./yaml.cjs")`. */
const APART = ["yaml", "iconv-lite", "docx", "fflate"];

/**
 * kpi's own modules bundled apart, loaded only by a run that needs them: the status workbook
 * with kpi's workbook writer, which only `kpi report --format xlsx` loads
 * (`import("../render/report-xlsx.js")` is `require("./report-xlsx.cjs")`), and the entry form's
 * workbook (`kpi template`).
 */
const OWN_APART = {
  "report-xlsx": "src/render/report-xlsx.ts",
  "template-xlsx": "src/render/template-xlsx.ts",
};

const common = {
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  minify: true,
  legalComments: "none",
  logLevel: "warning",
};

// action.yml, which `kpi init` writes beside the release file, is in the bundle as text.
const actionText = JSON.stringify(readFileSync("action.yml", "utf8"));

rmSync("dist", { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { kpi: "src/cli/main.ts" },
  outdir: "dist",
  outExtension: { ".js": ".cjs" },
  define: { KPI_RELEASE: "false", KPI_ACTION: actionText },
  plugins: [
    lazyChildProcess,
    noColorDetection,
    {
      name: "apart",
      setup(build) {
        const filter = new RegExp(`^(${APART.join("|")})$`);
        build.onResolve({ filter }, (args) => ({ path: `./${args.path}.cjs`, external: true }));
        for (const name of Object.keys(OWN_APART))
          build.onResolve({ filter: new RegExp(`[\\\\/]${name}\\.js$`) }, (args) =>
            args.kind === "dynamic-import" ? { path: `./${name}.cjs`, external: true } : undefined,
          );
      },
    },
  ],
  // import() of the libraries apart becomes require(): a script run from a code cache has no
  // module loader for import().
  supported: { "dynamic-import": false },
  // The bundle is the function Node.js wraps a CommonJS module in: bin/kpi.js compiles the file as
  // it is, without making a wrapped copy of it.
  banner: { js: "(function (exports, require, module, __filename, __dirname) {" },
  footer: { js: "})" },
});
// ASCII, so that bin/kpi.js takes it byte for byte (latin1) instead of decoding UTF-8, and V8
// keeps it in one byte a character instead of two.
const nonAscii = readFileSync("dist/kpi.cjs").findIndex((byte) => byte > 0x7f);
if (nonAscii !== -1) {
  // No bundle rather than one that bin/kpi.js would misread.
  rmSync("dist", { recursive: true, force: true });
  throw new Error(`dist/kpi.cjs has a non-ASCII byte at ${nonAscii}: escape it in the source`);
}
for (const [name, entry] of Object.entries(OWN_APART))
  await build({ ...common, entryPoints: [entry], outfile: `dist/${name}.cjs` });
for (const name of APART) {
  await build({
    ...common,
    stdin: { contents: `module.exports = require("${name}");`, resolveDir: "." },
    outfile: `dist/${name}.cjs`,
  });
}

// The release file: the same program, with the libraries bundled apart inside it (esbuild runs a
// bundled module the first time it is required, so yaml and the workbook reader still cost nothing
// to a run without them).
const { version } = JSON.parse(readFileSync("package.json", "utf8"));
const release = await build({
  ...common,
  entryPoints: ["src/cli/main.ts"],
  outfile: "dist/kpi-release.cjs",
  plugins: [lazyChildProcess, noColorDetection],
  supported: { "dynamic-import": false },
  define: { KPI_RELEASE: "true", KPI_ACTION: actionText },
  metafile: true,
  banner: {
    js: `#!/usr/bin/env node\n// kpi ${version}, the whole program in one file: run it with \`node .kpi/kpi.cjs --help\`.\n// Made by kpi's build (scripts/build.js) and copied here by \`kpi init\`; MIT licence, and the\n// licences of the libraries bundled in it are at the end of this file.`,
  },
});
appendFileSync("dist/kpi-release.cjs", bundledLicences(release.metafile));

/** The licence of every package bundled in the release file, as one comment for its end. */
function bundledLicences(metafile) {
  const packages = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match !== null) packages.add(match[1]);
  }
  const texts = [...packages].sort().map((name) => {
    const folder = `node_modules/${name}`;
    const file = readdirSync(folder).find((entry) => /^licen[sc]e([.-]|$)/i.test(entry));
    if (file === undefined) throw new Error(`${name} has no licence file to bundle with it`);
    const { version: packageVersion } = JSON.parse(readFileSync(`${folder}/package.json`, "utf8"));
    const text = readFileSync(`${folder}/${file}`, "utf8").trim().replaceAll("*/", "* /");
    return `${name} ${packageVersion}:\n\n${text}`;
  });
  const heading = `The libraries bundled in kpi ${version} (itself under the MIT licence) and their licences:`;
  return `\n/*\n${heading}\n\n${texts.join("\n\n-----\n\n")}\n*/\n`;
}

// The code cache: made by a run of `kpi check` on the bundled example, so that it holds the code
// of a whole run, not only the bundle's top level. (Where the example is missing, no cache.)
if (existsSync("targets") && existsSync("data")) {
  const run = spawnSync(process.execPath, ["bin/kpi.js", "check", "--format", "table"], {
    env: { ...process.env, KPI_WRITE_CODE_CACHE: "1", NO_COLOR: "1" },
    encoding: "utf8",
  });
  if (run.status !== 0 && run.status !== 1) throw new Error(`kpi check failed:\n${run.stderr}`);
}
