/**
 * `kpi validate [paths…]`: check target and data files and evaluate nothing. Every problem is
 * listed as `file:line:col: message`; errors make the exit code 2, warnings only with --strict.
 * `--format json|junit` says it all on stdout instead; `--format github` adds an annotation per
 * problem.
 */
import { statSync } from "node:fs";
import { normalize } from "node:path";
import { type Command, Option } from "commander";
import { sortProblems } from "../core/problems.js";
import type { HelpLabels } from "../i18n/labels.js";
import { formatProblem } from "../i18n/problem-text.js";
import { findTargetFiles } from "../io/read-inputs.js";
import { type FormatOf, formatsOf, loadRenderer } from "../render/index.js";
import { type CliContext, type KpiCommand, projectFileOf } from "./context.js";
import { collectInputs } from "./load-inputs.js";
import { isCorrection, isError } from "./print-problems.js";
import {
  addInputOptions,
  addLangOption,
  type InputOptions,
  resolveLabels,
} from "./shared-options.js";

interface ValidateOptions extends InputOptions {
  lang?: string;
  format: "text" | FormatOf<"validation">;
}

export const validateCommand: KpiCommand = {
  name: "validate",
  define(command: Command, help: HelpLabels) {
    command.description(help.commands.validate).argument("[paths...]", help.arguments.paths);
    addInputOptions(command, help);
    command.addOption(
      new Option("-f, --format <format>", help.options.format)
        .choices(["text", ...formatsOf("validation")])
        .default("text"),
    );
    addLangOption(command, help);
  },
  run: (context: CliContext, paths: string[], options: ValidateOptions, command: Command) =>
    validate(paths, options, command.getOptionValueSource("targets") !== "default", context),
};

/**
 * Which files to check: the named paths sorted into targets and data, else -t and -d. The project
 * file, named or found in a folder, is checked as the project file, never as a target file.
 */
async function choosePaths(
  paths: readonly string[],
  options: ValidateOptions,
  targetsGiven: boolean,
  projectFile: string | null,
): Promise<{ targets: string[]; data: string[]; mayHoldNoData: string[] }> {
  const data = options.data ?? [];
  if (paths.length === 0)
    return { targets: options.targets, data: data.length > 0 ? data : ["data"], mayHoldNoData: [] };
  const named = { targets: [] as string[], data: [] as string[], mayHoldNoData: [] as string[] };
  for (const path of paths.map(normalize)) {
    const isFolder = isDirectory(path);
    if (isFolder) {
      // A folder is searched for data files, and for target files when it holds any; one that
      // holds target files may hold no data file, and one that holds neither is said to.
      named.data.push(path);
      if ((await findTargetFiles([path], projectFile)).files.length > 0) {
        named.targets.push(path);
        named.mayHoldNoData.push(path);
      }
    } else if (projectFile !== null && isSameFile(path, projectFile)) {
      // Checked already, as the project file.
    } else if (/\.ya?ml$/i.test(path)) named.targets.push(path);
    // Anything else, a missing path included, is data: the reader says what is wrong with it.
    else named.data.push(path);
  }
  const targets = [...(targetsGiven ? options.targets : []), ...named.targets];
  // Data need their targets to be read, so naming only data files still reads the default targets;
  // naming only target files reads no data.
  return {
    targets: targets.length > 0 ? targets : options.targets,
    data: [...data, ...named.data],
    mayHoldNoData: named.mayHoldNoData,
  };
}

async function validate(
  paths: readonly string[],
  options: ValidateOptions,
  targetsGiven: boolean,
  context: CliContext,
): Promise<number> {
  resolveLabels(options.lang, context);
  // The project file's problems are listed with the others, and do not keep the rest unchecked.
  const project = await projectFileOf(context, options.config);
  const labels = resolveLabels(options.lang, context, project.lang);
  const chosen = await choosePaths(paths, options, targetsGiven, project.file);
  const collected = await collectInputs({
    targets: chosen.targets,
    data: chosen.data,
    mayHoldNoData: chosen.mayHoldNoData,
    project,
    today: context.today(project.settings?.timezone ?? null),
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(options.allowUnknown === undefined ? {} : { allowUnknown: options.allowUnknown }),
  });
  const problems = sortProblems([...project.problems, ...collected.problems]);
  const errors = problems.filter(isError).length;
  const warnings = problems.length - errors;
  let rows = 0;
  for (const observations of collected.observations.values()) rows += observations.length;
  // A correction is the way to fix a row (SPEC 3), not a mistake: --strict does not fail on it.
  const strictWarnings = problems.filter(
    (problem) => !isError(problem) && !isCorrection(problem),
  ).length;
  const failed = errors > 0 || (options.strict === true && strictWarnings > 0);

  if (options.format !== "text") {
    const render = await loadRenderer("validation", options.format);
    const model = {
      problems,
      projectFile: project.file,
      targets: collected.targets.length,
      rows,
      dataRead: collected.dataRead,
      ok: !failed,
    };
    context.stdout.write(render(model, { labels }));
    // JSON and JUnit say everything; annotations go with the usual lines.
    if (options.format !== "github") return failed ? 2 : 0;
  }
  for (const problem of problems) context.stderr.write(`${formatProblem(problem, labels)}\n`);
  if (!collected.dataRead && chosen.data.length > 0)
    context.stderr.write(`kpi: ${labels.validate.dataSkipped}\n`);
  if (!failed) {
    context.stdout.write(
      `${labels.validate.summary(project.file, collected.targets.length, rows, warnings)}\n`,
    );
    return 0;
  }
  const strictNote = errors === 0 ? ` (${labels.validate.strict})` : "";
  context.stderr.write(`kpi: ${labels.validate.counts(errors, warnings)}${strictNote}\n`);
  return 2;
}

/** Two paths of one file, however each is spelled. */
function isSameFile(a: string, b: string): boolean {
  const first = statSync(a, { throwIfNoEntry: false });
  const second = statSync(b, { throwIfNoEntry: false });
  return (
    first !== undefined &&
    second !== undefined &&
    first.dev === second.dev &&
    first.ino === second.ino
  );
}

/** A path that cannot be looked at (no permission) is no folder: reading it says what is wrong. */
function isDirectory(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}
