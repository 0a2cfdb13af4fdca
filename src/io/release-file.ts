/**
 * The release file of the running kpi (dist/kpi-release.cjs, made by the build): the whole program
 * in one script, which `kpi init` copies into a data repository as `.kpi/kpi.cjs`. Run from the
 * release file itself, kpi copies that file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Set by the build (scripts/build.js): true in the release file, false in dist/kpi.cjs. */
declare const KPI_RELEASE: boolean;
/** Set by the build: the text of action.yml, which `kpi init` copies beside the release file. */
declare const KPI_ACTION: string;

/** kpi's action.yml, as the build found it. */
export function actionFile(): string {
  if (typeof KPI_ACTION === "undefined")
    throw new Error("action.yml is known to the built kpi only");
  return KPI_ACTION;
}

/** The release file's text (ASCII but for the licences at its end). */
export function readReleaseFile(): string {
  // In dist/kpi.cjs, __dirname is dist (bin/kpi.js passes it); the release file is its own file.
  const isRelease = typeof KPI_RELEASE !== "undefined" && KPI_RELEASE;
  return readFileSync(isRelease ? __filename : join(__dirname, "kpi-release.cjs"), "utf8");
}
