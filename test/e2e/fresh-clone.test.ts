/**
 * A repository made by `kpi init` runs on a fresh clone with nothing installed: its workflow's
 * steps and the "Next:" steps init prints pass with npm pointed at a registry that does not
 * answer, and no kpi on the PATH.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, runKpi } from "../run-kpi.js";
import { runJob } from "../workflow-runner.js";

/** A machine with Node.js and git, no kpi and no reachable registry. */
function offlineEnv(home: string): Record<string, string> {
  return {
    PATH: [dirname(process.execPath), "/usr/local/bin", "/usr/bin", "/bin"].join(":"),
    HOME: home,
    LANG: "C",
    NO_COLOR: "1",
    npm_config_registry: "http://127.0.0.1:9/",
    npm_config_cache: join(home, "npm-cache"),
    npm_config_fetch_retries: "0",
    npm_config_update_notifier: "false",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_CONFIG_NOSYSTEM: "1",
  };
}

function sh(command: string, cwd: string, env: Record<string, string>) {
  const run = spawnSync("bash", ["--noprofile", "--norc", "-c", command], {
    cwd,
    env,
    encoding: "utf8",
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("a repository made by kpi init, cloned fresh", () => {
  const parent = mkdtempSync(join(tmpdir(), "kpi-clone-"));
  const env = offlineEnv(parent);
  const made = runKpi(["init", "office"], { cwd: parent });
  const git = (command: string, cwd = parent) => {
    const run = sh(command, cwd, {
      ...env,
      GIT_AUTHOR_NAME: "office",
      GIT_AUTHOR_EMAIL: "office@example.org",
      GIT_COMMITTER_NAME: "office",
      GIT_COMMITTER_EMAIL: "office@example.org",
    });
    if (run.code !== 0) throw new Error(`${command}: ${run.stderr}`);
  };
  git("git init -q -b main && git add -A && git commit -qm 'kpi init'", join(parent, "office"));
  git("git clone -q office clone");
  const clone = join(parent, "clone");

  it("has no kpi to install: the registry does not answer and no kpi is on the PATH", () => {
    expect(made.code).toBe(0);
    expect(sh("command -v kpi", clone, env).code).toBe(1);
    // What the workflow of earlier versions ran fails here, as it would on any CI.
    expect(sh("npm exec --yes kpi@0.1.0 -- --version", clone, env).code).not.toBe(0);
  });

  it("carries kpi itself, byte for byte", () => {
    const copy = readFileSync(join(clone, ".kpi", "kpi.cjs"));
    expect(copy.equals(readFileSync(join(REPO, "dist", "kpi-release.cjs")))).toBe(true);
  });

  it("passes its own workflow, which runs its kpi as an action", async () => {
    const job = await runJob(join(clone, ".github", "workflows", "kpi.yml"), "check", {
      workspace: clone,
      env,
    });
    expect(
      job.steps.map((step) => ({ name: step.name, code: step.code, stderr: step.stderr })),
    ).toEqual(job.steps.map((step) => ({ name: step.name, code: 0, stderr: "" })));
    expect(job.ok).toBe(true);
    expect(job.steps[1]?.outputs).toEqual({
      red: "0",
      yellow: "0",
      grey: "0",
      green: "3",
      conclusion: "success",
    });
    // The check's annotations step writes the report into the job summary; the report is a file.
    expect(job.summary).toMatch(/^# /);
    expect(readFileSync(join(clone, "kpi-report.md"), "utf8")).toMatch(/^# /);
  });

  it("runs the steps init prints after Next:", () => {
    const next = made.stdout.slice(made.stdout.indexOf("Next:\n") + "Next:\n".length);
    const steps = next
      .trim()
      .split("\n")
      .map((line) => line.trim());
    expect(steps[0]).toBe("cd office");
    for (const step of steps.slice(1)) {
      const run = sh(step, clone, env);
      expect({ step, code: run.code, stderr: run.stderr }).toEqual({ step, code: 0, stderr: "" });
    }
  });
});
