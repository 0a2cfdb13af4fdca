/**
 * Reading and checking the inputs of a run: the project file, the targets, then the data (a
 * value's meaning depends on its target, so the data are read once the targets are valid).
 */
import type { Day } from "../core/dates.js";
import type { ObservationsById } from "../core/evaluate.js";
import { futureRowWarnings } from "../core/future-rows.js";
import type { Target } from "../core/model.js";
import { unknownContacts, unlistedOwners } from "../core/owners.js";
import { InputError, type Problem } from "../core/problems.js";
import { asOfDate, DEFAULT_PROJECT, type ProjectSettings } from "../core/project.js";
import type { Labels } from "../i18n/labels.js";
import { type ReadTargets, readData, readTargets } from "../io/read-inputs.js";
import { projectFilePath } from "../io/read-project.js";
import { type CliContext, projectFileOf } from "./context.js";
import { checkOutputFile, type FoundInputs } from "./emit-output.js";
import { isCorrection, isError, printProblems } from "./print-problems.js";
import { type InputOptions, parseAsOf, resolveLabels } from "./shared-options.js";

export interface Inputs {
  targets: Target[];
  observations: ObservationsById;
  /** Warnings only: any error has stopped the run. */
  warnings: Problem[];
}

/** A run's project file: where it is (null: there is none) and its settings. */
export interface Project {
  file: string | null;
  settings: ProjectSettings;
}

/** The project file of a run (`--config`, else kpi.yaml if any); throws an InputError on a problem. */
export async function loadProject(
  config: string | undefined,
  context: CliContext,
): Promise<Project> {
  const project = await projectFileOf(context, config);
  if (project.problems.some(isError) || project.settings === null)
    throw new InputError(project.problems);
  return { file: project.file, settings: project.settings };
}

/**
 * Read and check the targets, then the data. Throws an InputError listing every problem.
 */
export async function loadInputs(
  options: InputOptions,
  dataArguments: readonly string[],
  project: Project,
  /** The input files found by the check of `-o`, if it looked for them. */
  found: FoundInputs | null = null,
  /** Today, in the project's time zone: a row dated after it is a warning (SPEC 4). */
  today?: Day,
): Promise<Inputs> {
  const collected = await collectInputs({
    ...options,
    data: dataPaths(options, dataArguments),
    project,
    found,
    ...(today === undefined ? {} : { today }),
  });
  // --strict: a warning is an error, but for a correction (SPEC 5, v2).
  const problems =
    options.strict === true ? collected.problems.map(strictProblem) : collected.problems;
  if (problems.some(isError)) throw new InputError(problems);
  return {
    targets: collected.targets,
    observations: collected.observations,
    warnings: problems,
  };
}

/** A warning as `--strict` has it: an error, but for a correction (the way to fix a row). */
function strictProblem(problem: Problem): Problem {
  return isError(problem) || isCorrection(problem) ? problem : { ...problem, severity: "error" };
}

/** `-d` and the data arguments, else the folder `data`. */
function dataPaths(options: InputOptions, dataArguments: readonly string[]): string[] {
  const paths = [...(options.data ?? []), ...dataArguments];
  return paths.length > 0 ? paths : ["data"];
}

export interface CollectedInputs {
  targets: Target[];
  observations: ObservationsById;
  /** Errors and warnings of the target files, then of the data files. */
  problems: Problem[];
  /** False when a target error kept the data from being read. */
  dataRead: boolean;
}

/**
 * Read and check the targets, then the data files named in `options.data` (none when empty),
 * and return every problem instead of throwing: what `kpi validate` lists. The data are not read
 * when a target file has an error.
 */
export async function collectInputs(
  options: InputOptions & {
    data: readonly string[];
    /** Data folders that may hold no data file (folders kpi validate searches for both kinds). */
    mayHoldNoData?: readonly string[];
    /** The project file, never read as a target file; its settings null when it has an error. */
    project: { file: string | null; settings: ProjectSettings | null };
    /** The input files found already (by the check of `-o`). */
    found?: FoundInputs | null;
    /** Today, in the project's time zone: a row dated after it is a warning (SPEC 4). */
    today?: Day;
  },
): Promise<CollectedInputs> {
  const found = options.found ?? null;
  const targets = await readTargets(
    options.targets,
    options.project.file,
    options.project.settings?.defaults,
    found?.targets,
  );
  const targetProblems = [...targets.problems, ...ownerProblems(targets, options.project)];
  const observations: ObservationsById = new Map();
  // An owner that is not listed changes no value's meaning: the data are read all the same.
  if (targets.problems.some(isError) || options.data.length === 0) {
    return { targets: targets.targets, observations, problems: targetProblems, dataRead: false };
  }
  const data = await readData(options.data, targets.targets, {
    allowUnknown: options.allowUnknown === true || options.project.settings?.allowUnknown === true,
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(options.mayHoldNoData === undefined ? {} : { mayHoldNoData: options.mayHoldNoData }),
    ...(found === null ? {} : { found: found.data }),
  });
  const future =
    options.today === undefined
      ? []
      : futureRowWarnings(targets.targets, data.observations, options.today);
  return {
    targets: targets.targets,
    observations: data.observations,
    problems: [...targetProblems, ...data.problems, ...future],
    dataRead: true,
  };
}

/** With the project file's `owners:`, every owner of a target must be in it (SPEC 6). */
function ownerProblems(
  targets: ReadTargets,
  project: { file: string | null; settings: ProjectSettings | null },
): Problem[] {
  if (project.file === null || project.settings === null) return [];
  return [
    ...unlistedOwners(targets.targets, project.settings.owners, {
      file: project.file,
      placeOf: targets.ownerPlace,
    }),
    ...unknownContacts(targets.targets, project.settings.owners, project.settings.contacts),
  ];
}

/** Read the target files only; throws an InputError listing every problem. */
export async function loadTargetInputs(
  paths: readonly string[],
  project: Project,
): Promise<Target[]> {
  const targets = await readTargets(paths, project.file, project.settings.defaults);
  const problems = [...targets.problems, ...ownerProblems(targets, project)];
  if (problems.some(isError)) throw new InputError(problems);
  return targets.targets;
}

/** What a reporting command works from: its labels, the checked inputs, the project's settings and the as-of date. */
export interface ReportRun {
  labels: Labels;
  inputs: Inputs;
  project: ProjectSettings;
  asOf: Day;
}

/**
 * The common start of `check`, `report`, `rank` and `explain`: the options first (a typo in one,
 * or a `-o` that names a folder or an input, is reported before any file is read), then the
 * project file, the inputs, their warnings to stderr, and the as-of date: `--as-of`, else the
 * project's `as_of`, else today in the project's time zone.
 */
export async function startReportRun(
  options: InputOptions & { lang?: string; asOf?: string; output?: string },
  dataArguments: readonly string[],
  context: CliContext,
): Promise<ReportRun> {
  resolveLabels(options.lang, context);
  const asOf = options.asOf === undefined ? undefined : parseAsOf(options.asOf);
  const found = await checkOutputFile(options.output, {
    targets: options.targets,
    data: dataPaths(options, dataArguments),
    project: projectFilePath(options.config, context.workingFolder),
  });
  const project = await loadProject(options.config, context);
  const { settings } = project;
  const labels = resolveLabels(options.lang, context, settings.lang);
  const today = context.today(settings.timezone);
  const inputs = await loadInputs(options, dataArguments, project, found, today);
  printProblems(inputs.warnings, context, labels);
  return {
    labels,
    inputs,
    project: settings,
    asOf: asOfDate(asOf ?? settings.asOf, inputs.observations, () => today),
  };
}

/** The settings of a run without a project file. */
export const NO_PROJECT: Project = { file: null, settings: DEFAULT_PROJECT };
