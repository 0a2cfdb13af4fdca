/**
 * A repository made by `kpi init` runs on a fresh clone with nothing installed: its workflow's
 * steps and the "Next:" steps init prints pass with npm pointed at a registry that does not
 * answer, and no kpi on the PATH.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { fakeGitHub } from "../fake-github.js";
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
    ).toEqual(
      // The pull request's steps are skipped (null) on a push.
      job.steps.map((step) => ({
        name: step.name,
        code: step.code === null ? null : 0,
        stderr: "",
      })),
    );
    expect(job.steps.map((step) => step.code)).toEqual([0, null, null, 0, 0, 0]);
    expect(job.ok).toBe(true);
    expect(job.steps[3]?.outputs).toEqual({
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
  // Last: it commits to the clone.
  it("on a pull request, comments what it changes, against its base read by the same kpi", async () => {
    const github = fakeGitHub((request) =>
      request.method === "GET"
        ? { status: 200, body: [] }
        : { status: 201, body: { id: 1, html_url: "u" } },
    );
    const api = await github.start();
    try {
      const base = sh("git rev-parse HEAD", clone, env).stdout.trim();
      const csv = join(clone, "data", "example.csv");
      // 15 projects by January become none: 0 is 12.4 behind the expected 12.4, more than the
      // tolerance of 12 (10% of 120), so the target turns red.
      writeFileSync(
        csv,
        readFileSync(csv, "utf8").replace(/(example\.projects,\d+-01-31,)15,/, "$10,"),
      );
      git("git commit -qam 'January: no project yet'", clone);
      const event = join(parent, "event.json");
      writeFileSync(event, JSON.stringify({ pull_request: { number: 1, base: { sha: base } } }));
      const job = await runJob(join(clone, ".github", "workflows", "kpi.yml"), "check", {
        workspace: clone,
        env: {
          ...env,
          GITHUB_EVENT_NAME: "pull_request",
          GITHUB_EVENT_PATH: event,
          GITHUB_API_URL: api,
          GITHUB_REPOSITORY: "office/data",
        },
        github: { "event.pull_request.base.sha": base },
      });
      // The red target fails the run; every step before the gate passed.
      expect(job.ok).toBe(false);
      expect(job.steps.map((step) => step.code)).toEqual([0, 0, 0, 1, 0, 0]);
      expect(github.requests.map((request) => request.method)).toEqual(["GET", "POST"]);
      const body = (github.requests[1]?.body as { body: string } | undefined)?.body ?? "";
      expect(body).toMatch(/^<!-- kpi -->\n### kpi: What changed from \d+-01-31 to \d+-01-31\n/);
      expect(body).toMatch(
        /\| newly red \| example\.projects \| 亿元以上项目 \| 🟢 green; 15 个 \| 🔴 red; 0 个 \|/,
      );
      expect(job.summary).toContain(body);
    } finally {
      await github.stop();
    }
  });
});
