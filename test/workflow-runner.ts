/**
 * Runs a GitHub Actions job, or a composite action, on this machine, as a runner would run its
 * shell steps: each `run:` step in bash (or `node {0}`) with the step's env, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files, and an `if:` of `always()`, `!cancelled()`, `success()` or
 * `failure()` or `github.NAME == 'value'`, and `continue-on-error`. `uses: ./path` runs that folder's composite action with its inputs; of the other
 * actions, checkout and setup-node are what the test has done already (the folder is the clone,
 * this Node.js runs it) but for a checkout of another `ref` into a `path`, which clones the
 * workspace there, and upload-artifact is checked to find its file. Anything else, an
 * expression included, is an error: a workflow this cannot run is not passed by it.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";

export interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  "working-directory"?: string;
  "continue-on-error"?: boolean;
}

export interface StepRun {
  name: string;
  /** null: skipped by its `if:`. */
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
}

export interface JobRun {
  ok: boolean;
  steps: StepRun[];
  /** What the steps wrote to GITHUB_STEP_SUMMARY. */
  summary: string;
  /** The outputs of a composite action, as its `outputs:` maps them. */
  outputs: Record<string, string>;
}

export interface RunnerOptions {
  /** The checkout: every step starts there. */
  workspace: string;
  /** The process environment of the steps (PATH, HOME…); the runner adds GITHUB_*. */
  env: Record<string, string>;
  /** The `github` context's values that expressions may read (event_name, token…). */
  github?: Record<string, string>;
}

/** Run one job of a workflow file. */
export function runJob(workflowFile: string, job: string, options: RunnerOptions): Promise<JobRun> {
  const workflow = parse(readFileSync(workflowFile, "utf8"));
  const steps = workflow.jobs[job].steps as Step[];
  return runSteps(steps, { ...options, inputs: {}, actionPath: null });
}

/** Run a composite action (its action.yml's folder) with these inputs, as `uses:` does. */
export async function runAction(
  actionFolder: string,
  inputs: Record<string, string>,
  options: RunnerOptions,
): Promise<JobRun> {
  const action = parse(readFileSync(join(actionFolder, "action.yml"), "utf8"));
  if (action.runs?.using !== "composite") throw new Error(`${actionFolder} is no composite action`);
  const resolved: Record<string, string> = {};
  for (const [name, input] of Object.entries(
    (action.inputs ?? {}) as Record<string, { default?: string; required?: boolean }>,
  )) {
    const value =
      inputs[name] ??
      (input.default === undefined
        ? undefined
        : substitute(String(input.default), {
            inputs: {},
            steps: {},
            github: contextOf(options, actionFolder),
          }));
    if (value === undefined && input.required === true)
      throw new Error(`input ${name} is required`);
    resolved[name] = value ?? "";
  }
  for (const name of Object.keys(inputs))
    if (!(name in resolved)) throw new Error(`the action has no input ${name}`);
  const run = await runSteps(action.runs.steps as Step[], {
    ...options,
    inputs: resolved,
    actionPath: actionFolder,
  });
  const outputs: Record<string, string> = {};
  const steps = Object.fromEntries(
    run.steps.filter((step) => step.name).map((step) => [step.name, step.outputs]),
  );
  for (const [name, output] of Object.entries(
    (action.outputs ?? {}) as Record<string, { value: string }>,
  ))
    outputs[name] = substitute(output.value, {
      inputs: resolved,
      steps,
      github: contextOf(options, actionFolder),
    });
  return { ...run, outputs };
}

interface Scope extends RunnerOptions {
  inputs: Record<string, string>;
  actionPath: string | null;
}

function contextOf(options: RunnerOptions, actionPath: string | null): Record<string, string> {
  return {
    workspace: options.workspace,
    token: "",
    event_name: options.env.GITHUB_EVENT_NAME ?? "push",
    ...(actionPath === null ? {} : { action_path: actionPath }),
    ...options.github,
  };
}

async function runSteps(steps: readonly Step[], outer: Scope): Promise<JobRun> {
  const temporary = mkdtempSync(join(tmpdir(), "kpi-runner-"));
  // One summary for the job: an action's steps write to the job's.
  const summaryFile = outer.env.GITHUB_STEP_SUMMARY ?? join(temporary, "summary.md");
  if (!existsSync(summaryFile)) writeFileSync(summaryFile, "");
  const scope = { ...outer, env: { ...outer.env, GITHUB_STEP_SUMMARY: summaryFile } };
  const runs: StepRun[] = [];
  const outputsById: Record<string, Record<string, string>> = {};
  let failed = false;
  for (const [index, step] of steps.entries()) {
    const name = step.id ?? `step-${index + 1}`;
    if (!shouldRun(step.if, failed, contextOf(scope, scope.actionPath))) {
      runs.push({ name, code: null, stdout: "", stderr: "", outputs: {} });
      continue;
    }
    const values = {
      inputs: scope.inputs,
      steps: outputsById,
      github: contextOf(scope, scope.actionPath),
    };
    const env = Object.fromEntries(
      Object.entries(step.env ?? {}).map(([key, value]) => [
        key,
        substitute(String(value), values),
      ]),
    );
    const given = Object.fromEntries(
      Object.entries(step.with ?? {}).map(([key, value]) => [
        key,
        substitute(String(value), values),
      ]),
    );
    let result: StepRun;
    if (step.uses !== undefined) result = { ...(await uses(step.uses, given, scope)), name };
    else if (step.run !== undefined) {
      const outputFile = join(temporary, `output-${index}`);
      writeFileSync(outputFile, "");
      const script = substitute(step.run, values);
      const shell = step.shell ?? "bash";
      const command =
        shell === "bash"
          ? ["bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script]]
          : shell === "node {0}"
            ? [process.execPath, ["-e", script]]
            : null;
      if (command === null) throw new Error(`shell ${shell} is not run here`);
      const ran = await spawnAsync(command[0] as string, command[1] as string[], {
        cwd: join(scope.workspace, step["working-directory"] ?? "."),
        env: {
          ...scope.env,
          GITHUB_WORKSPACE: scope.workspace,
          GITHUB_OUTPUT: outputFile,
          GITHUB_STEP_SUMMARY: summaryFile,
          RUNNER_TEMP: temporary,
          ...(scope.actionPath === null ? {} : { GITHUB_ACTION_PATH: scope.actionPath }),
          ...env,
        },
      });
      result = {
        name,
        code: ran.status,
        stdout: ran.stdout,
        stderr: ran.stderr,
        outputs: readOutputs(readFileSync(outputFile, "utf8")),
      };
    } else throw new Error(`step ${name} has neither uses nor run`);
    runs.push(result);
    outputsById[name] = result.outputs;
    if (result.code !== 0 && step["continue-on-error"] !== true) failed = true;
  }
  return {
    ok: !failed,
    steps: runs,
    summary: readFileSync(summaryFile, "utf8"),
    outputs: {},
  };
}

async function uses(action: string, given: Record<string, string>, scope: Scope): Promise<StepRun> {
  const done = { name: action, code: 0, stdout: "", stderr: "", outputs: {} };
  if (action.startsWith("actions/checkout@") && given.path !== undefined) {
    const cloned = await spawnAsync(
      "bash",
      [
        "-ec",
        'git clone -q "$1" "$2" && git -C "$2" checkout -q "$3"',
        "checkout",
        ".",
        given.path,
        given.ref ?? "HEAD",
      ],
      { cwd: scope.workspace, env: scope.env },
    );
    return { ...done, code: cloned.status, stderr: cloned.stderr };
  }
  if (action.startsWith("actions/checkout@") || action.startsWith("actions/setup-node@"))
    return done;
  if (action.startsWith("actions/upload-artifact@")) {
    const path = given.path ?? "";
    return existsSync(join(scope.workspace, path))
      ? done
      : { ...done, code: 1, stderr: `no file ${path} to upload` };
  }
  if (action.startsWith("./")) {
    const run = await runAction(join(scope.workspace, action), given, {
      ...scope,
      env: { ...scope.env },
    });
    return {
      name: action,
      code: run.ok ? 0 : 1,
      stdout: run.steps.map((step) => step.stdout).join(""),
      stderr: run.steps.map((step) => step.stderr).join(""),
      outputs: run.outputs,
    };
  }
  throw new Error(`the action ${action} is not run here`);
}

/** A process run to its end without blocking this one (a test's fake server answers meanwhile). */
function spawnAsync(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: Record<string, string | undefined> },
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

function shouldRun(
  condition: string | undefined,
  failed: boolean,
  github: Record<string, string>,
): boolean {
  if (condition === undefined) return !failed;
  const bare = condition.replace(/^\$\{\{\s*(.*?)\s*\}\}$/, "$1");
  const equals = /^github\.([\w.-]+) == '([^']*)'$/.exec(bare);
  if (equals !== null) return !failed && github[equals[1] as string] === equals[2];
  switch (bare) {
    case "always()":
    case "!cancelled()":
      return true;
    case "success()":
      return !failed;
    case "failure()":
      return failed;
    default:
      throw new Error(`the condition ${condition} is not evaluated here`);
  }
}

/** `${{ inputs.x }}`, `${{ steps.id.outputs.x }}` and `${{ github.x }}`, and nothing else. */
function substitute(
  text: string,
  values: {
    inputs: Record<string, string>;
    steps: Record<string, Record<string, string>>;
    github: Record<string, string>;
  },
): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => {
    let match = /^inputs\.([\w-]+)$/.exec(expression);
    if (match !== null) return values.inputs[match[1] as string] ?? "";
    match = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
    if (match !== null) return values.steps[match[1] as string]?.[match[2] as string] ?? "";
    match = /^github\.([\w.-]+)$/.exec(expression);
    if (match !== null) {
      const value = values.github[match[1] as string];
      if (value === undefined) throw new Error(`github.${match[1]} is not set here`);
      return value;
    }
    throw new Error(`the expression ${expression} is not evaluated here`);
  });
}

/** GITHUB_OUTPUT's lines: `name=value`, or `name<<DELIMITER` … `DELIMITER`. */
export function readOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    if (line === "") continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc !== null) {
      const end = lines.indexOf(heredoc[2] as string, index + 1);
      if (end === -1) throw new Error(`output ${heredoc[1]} has no end`);
      outputs[heredoc[1] as string] = lines.slice(index + 1, end).join("\n");
      index = end;
      continue;
    }
    const equals = line.indexOf("=");
    if (equals === -1) throw new Error(`a line of GITHUB_OUTPUT that sets nothing: ${line}`);
    outputs[line.slice(0, equals)] = line.slice(equals + 1);
  }
  return outputs;
}
