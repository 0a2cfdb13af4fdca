/**
 * The GitHub Action (action.yml): its inputs and outputs, its shell steps run as a runner runs
 * them (test/workflow-runner.ts) with kpi's release file beside it, as a data repository keeps
 * them in .kpi/, and its pull-request comment against a local server that records each request.
 * The other way it gets kpi, `npm ci` in a checkout of kpi (`uses: OWNER/kpi@TAG`), runs from
 * npm's cache with the registry out of reach, as the cache holds what `npm ci` of this checkout
 * fetched.
 */
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { fakeGitHub } from "../fake-github.js";
import { REPO } from "../run-kpi.js";
import { type JobRun, runAction } from "../workflow-runner.js";

const action = parse(readFileSync(join(REPO, "action.yml"), "utf8"));

/** A data repository with the fixture's files, and the action with the release file beside it. */
function repository(): { workspace: string; actionFolder: string } {
  const workspace = mkdtempSync(join(tmpdir(), "kpi-action-"));
  for (const path of ["targets", "data", "kpi.yaml"])
    cpSync(join(REPO, "test", "fixtures", "basic", path), join(workspace, path), {
      recursive: true,
    });
  const actionFolder = join(workspace, ".kpi");
  mkdirSync(actionFolder);
  copyFileSync(join(REPO, "action.yml"), join(actionFolder, "action.yml"));
  copyFileSync(join(REPO, "dist", "kpi-release.cjs"), join(actionFolder, "kpi.cjs"));
  return { workspace, actionFolder };
}

function environment(workspace: string, extra: Record<string, string> = {}) {
  return {
    PATH: process.env.PATH ?? "",
    HOME: workspace,
    LANG: "C",
    NO_COLOR: "1",
    ...extra,
  };
}

async function run(
  inputs: Record<string, string>,
  change?: (workspace: string) => void,
  extra: (workspace: string) => Record<string, string> = () => ({}),
): Promise<JobRun> {
  const { workspace, actionFolder } = repository();
  change?.(workspace);
  return runAction(actionFolder, inputs, {
    workspace,
    env: environment(workspace, extra(workspace)),
  });
}

describe("action.yml", () => {
  it("is a composite action with the inputs and outputs it documents", () => {
    expect(action.runs.using).toBe("composite");
    expect(Object.keys(action.inputs)).toEqual([
      "targets",
      "data",
      "as-of",
      "fail-on",
      "config",
      "comment",
      "base",
      "github-token",
      "node-version",
    ]);
    expect(Object.keys(action.outputs)).toEqual(["red", "yellow", "grey", "green", "conclusion"]);
    for (const [name, input] of Object.entries(action.inputs as Record<string, object>))
      expect(input, name).toHaveProperty("description");
    expect(action.runs.steps[0].uses).toMatch(/^actions\/setup-node@v\d+$/);
  });

  it("passes inputs to its scripts through env only, never as shell code", () => {
    for (const step of action.runs.steps as { run?: string }[])
      if (step.run !== undefined) expect(step.run).not.toMatch(/\$\{\{/);
  });

  it("outputs the counts and the conclusion, annotates, writes the summary, fails on red", async () => {
    const job = await run({ "as-of": "2022-03-31" });
    expect(job.outputs).toEqual({
      red: "1",
      yellow: "1",
      grey: "0",
      green: "3",
      conclusion: "failure",
    });
    expect(job.ok).toBe(false);
    expect(job.steps.map((step) => step.code)).toEqual([0, 0, 0, 0, 1]);
    const check = job.steps.find((step) => step.name === "check");
    expect(check?.stdout).toMatch(/^::error file=targets\/targets\.yaml,line=\d+,col=\d+,/m);
    expect(check?.stdout).toMatch(/^::warning file=targets\/targets\.yaml,line=\d+,col=\d+,/m);
    expect(job.summary).toMatch(/^# .*2022-03-31/);
  });

  it("builds kpi in a checkout of kpi with npm ci when no release file is beside it", async () => {
    const { workspace } = repository();
    const checkout = join(workspace, "kpi-checkout");
    // The committed tree, as `uses: OWNER/kpi@TAG` checks it out.
    const clone = spawnSync("git", ["clone", "-q", REPO, checkout], { encoding: "utf8" });
    expect(clone.status, clone.stderr).toBe(0);
    expect(existsSync(join(checkout, "kpi.cjs"))).toBe(false);
    const job = await runAction(
      checkout,
      { "as-of": "2022-03-31", "fail-on": "none" },
      {
        workspace,
        env: environment(workspace, {
          npm_config_cache: process.env.npm_config_cache ?? join(homedir(), ".npm"),
          npm_config_offline: "true",
          npm_config_update_notifier: "false",
        }),
      },
    );
    expect(job.steps[1]?.stderr).toBe("");
    expect(job.steps[1]?.outputs).toEqual({ kpi: join(checkout, "bin", "kpi.js") });
    expect(job.outputs).toEqual({
      red: "1",
      yellow: "1",
      grey: "0",
      green: "3",
      conclusion: "success",
    });
    expect(job.ok).toBe(true);
  }, 300_000);

  it("passes with fail-on none, and takes every path of a list", async () => {
    const job = await run({ "fail-on": "none", data: "data/2022-02.csv\ndata/2022-03.csv" });
    expect(job.outputs.conclusion).toBe("success");
    expect(job.outputs.red).toBe("1");
    expect(job.ok).toBe(true);
  });

  it("says what is wrong with the input in the summary, with no counts, and fails", async () => {
    const job = await run({}, (workspace) =>
      writeFileSync(
        join(workspace, "data", "2022-04.csv"),
        "target,date,value\ncity.rank,31/04/2022,1\n",
      ),
    );
    expect(job.outputs).toEqual({
      red: "",
      yellow: "",
      grey: "",
      green: "",
      conclusion: "invalid",
    });
    expect(job.ok).toBe(false);
    expect(job.summary).toContain("data/2022-04.csv:2:");
    expect(job.summary).toMatch(/^### kpi: the targets and data have errors/m);
  });
});

describe("action.yml's pull-request comment", () => {
  const MARKER = "<!-- kpi -->";
  let comments: { id: number; body: string }[] = [];
  let refuse = false;
  const github = fakeGitHub((request) => {
    if (refuse) return { status: 403, body: { message: "Resource not accessible by integration" } };
    if (request.method === "GET") {
      const page = Number(new URL(request.url, "http://x").searchParams.get("page"));
      return { status: 200, body: comments.slice((page - 1) * 100, page * 100) };
    }
    return { status: request.method === "POST" ? 201 : 200, body: { id: 1, html_url: "u" } };
  });
  let api = "";
  beforeAll(async () => {
    api = await github.start();
  });
  afterAll(() => github.stop());

  function pullRequest(workspace: string): Record<string, string> {
    const event = join(workspace, "event.json");
    writeFileSync(event, JSON.stringify({ pull_request: { number: 7 } }));
    return {
      GITHUB_EVENT_NAME: "pull_request",
      GITHUB_EVENT_PATH: event,
      GITHUB_API_URL: api,
      GITHUB_REPOSITORY: "office/data",
    };
  }
  const inputs = { comment: "true", "github-token": "t0ken", "fail-on": "none" };

  it("posts one when the pull request has none", async () => {
    github.requests.length = 0;
    comments = [{ id: 3, body: "a reviewer's comment" }];
    const job = await run(inputs, undefined, pullRequest);
    expect(job.ok).toBe(true);
    expect(github.requests.map(({ method, url }) => `${method} ${url}`)).toEqual([
      "GET /repos/office/data/issues/7/comments?per_page=100&page=1",
      "POST /repos/office/data/issues/7/comments",
    ]);
    expect(github.requests.every((request) => request.authorization === "Bearer t0ken")).toBe(true);
    const body = (github.requests[1]?.body as { body: string } | undefined)?.body ?? "";
    expect(body.startsWith(`${MARKER}\n`)).toBe(true);
    expect(body).toContain("| Status |");
  });

  it("updates the one with the marker, on whichever page it is", async () => {
    github.requests.length = 0;
    comments = [
      ...Array.from({ length: 100 }, (_, index) => ({ id: 100 + index, body: `comment ${index}` })),
      { id: 42, body: `${MARKER}\nthe last run's status` },
    ];
    const job = await run(inputs, undefined, pullRequest);
    expect(job.ok).toBe(true);
    expect(github.requests.map(({ method, url }) => `${method} ${url}`)).toEqual([
      "GET /repos/office/data/issues/7/comments?per_page=100&page=1",
      "GET /repos/office/data/issues/7/comments?per_page=100&page=2",
      "PATCH /repos/office/data/issues/comments/42",
    ]);
  });

  it("is a warning, not a failure, when the token may not comment", async () => {
    github.requests.length = 0;
    refuse = true;
    const job = await run(inputs, undefined, pullRequest);
    refuse = false;
    expect(job.ok).toBe(true);
    expect(job.steps.find((step) => step.name === "comment")?.stdout).toMatch(
      /^::warning title=kpi::the pull-request comment was not posted: GET .* 403 /m,
    );
  });

  it("posts nothing outside a pull request, or without comment: true", async () => {
    github.requests.length = 0;
    await run(inputs);
    await run({ "fail-on": "none" }, undefined, pullRequest);
    expect(github.requests).toEqual([]);
  });
});
