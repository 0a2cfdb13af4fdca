/**
 * `kpi init`: the files of a new data repository. Pure: the year, the version and the release file
 * are passed in, and the command writes the files. The repository carries its own kpi, the release
 * file at `.kpi/kpi.cjs`, which everything it says to run runs with `node` (docs/decisions.md).
 */

/** A file to create, with its path relative to the repository's folder (always with `/`). */
export interface NewFile {
  path: string;
  content: string;
}

export interface InitOptions {
  /** The year of the example targets and rows (the current year). */
  year: number;
  /** The version of the kpi copied into the repository. */
  version: string;
  /** The release file (dist/kpi-release.cjs) of the running kpi, copied as RELEASE_FILE. */
  release: string;
  /** kpi's action.yml, copied beside it: the workflow runs the repository's kpi as an action. */
  action: string;
  /** The CI to write a workflow for (none: no workflow). */
  ci: "github" | "none";
  /** The JSON Schema of target files (`kpi schema`), written beside them for editors. */
  schema: string;
}

/** Where the schema is written; target files name it relative to `targets/`. */
export const SCHEMA_FILE = "kpi.schema.json";

/** The first line of every target file kpi writes: editors check and complete the file with it. */
export const SCHEMA_COMMENT = `# yaml-language-server: $schema=../${SCHEMA_FILE}`;

/** Where a data repository keeps its kpi: the release file, run by `node` alone. */
export const RELEASE_FILE = ".kpi/kpi.cjs";

/** How everything a new repository says to run runs kpi, from the repository's root. */
export const KPI_COMMAND = `node ${RELEASE_FILE}`;

/** The CIs that `kpi init --ci` writes a workflow for. */
export const CI_CHOICES = ["github", "none"] as const;

/** The files of kpi itself in a repository, which `kpi init --upgrade` replaces. */
export function isKpiFile(path: string): boolean {
  return path.startsWith(".kpi/");
}

/** Every file of a new repository, in the order they are listed. */
export function initFiles(options: InitOptions): NewFile[] {
  return [
    { path: RELEASE_FILE, content: options.release },
    ...(options.ci === "github" ? [{ path: ".kpi/action.yml", content: options.action }] : []),
    { path: ".gitattributes", content: gitAttributes() },
    { path: "README.md", content: readme(options.year) },
    { path: "kpi.yaml", content: projectFile() },
    { path: SCHEMA_FILE, content: options.schema },
    { path: "targets/example.yaml", content: exampleTargets(options.year) },
    { path: "data/example.csv", content: exampleData(options.year) },
    ...(options.ci === "github"
      ? [{ path: ".github/workflows/kpi.yml", content: githubWorkflow() }]
      : []),
  ];
}

/**
 * The release file is taken byte for byte (no line-end conversion on Windows), and a pull request
 * that upgrades it shows that it changed, not a megabyte of minified lines.
 */
function gitAttributes(): string {
  return `# kpi's own copy (node ${RELEASE_FILE}): kept as it is, shown as changed rather than line by line.
${RELEASE_FILE} -text -diff linguist-vendored
`;
}

/** The project file, with the office's fields to fill in; its owners are the examples'. */
function projectFile(): string {
  return `# 项目文件：属于督查室而非单个指标的设置。每一项都可省略；\`${KPI_COMMAND} validate\` 会检查本文件。
# The project file: what belongs to the office rather than to a target. Every key may be left
# out; \`${KPI_COMMAND} validate\` checks it, \`${KPI_COMMAND} schema --project\` prints its schema.
office: XX县人民政府督查室 # 单位名称，显示在每份报告上 / the office, shown on every report
title: 重点工作月度亮晒 # 报告标题 / the report's title
# notice: 示例数据，非官方统计 # 每份报告、页面和通报上的提示 / a line on every report and page
due_days: 10 # 每期数据在期末后几天内报送 / a period's figures are due this many days after it ends

# 责任单位的正式顺序：名次并列时按此排列；每个指标的责任单位都须在其中。
# The owners in the official order: tied owners are listed in it, and every owner of a target
# must be one of them.
owners: [发改局, 统计局, 专班]

# 评估日期：按数据中的最新日期（示例数据是 1 月的）；删去此行，则按今天评估（默认）。
# The as-of date: the latest data date (the example rows are January's); without this line,
# today (the default).
as_of: latest-data

# timezone: Asia/Shanghai # “今天”所在时区 / the zone of "today" (default: the machine's)
# lang: zh # 标签语言 / the labels' language (after --lang and KPI_LANG)
# scores: { green: 100, yellow: 60, red: 0, missing: 0, late_penalty: 0 } # 评分 / points
# allow_unknown: false # 为 true 时未知编号的数据行只作警告 / unknown ids only a warning

# kpi notify 在群消息中 @ 逾期未报或有红灯指标的单位：每个单位在各平台的账号或手机号。
# Whom kpi notify @-mentions for an owner that is late or red: its ids or mobiles per platform.
# contacts:
#   发改局:
#     wecom: { user_ids: [zhangsan], mobiles: ["13800000000"] } # 企业微信 userid / 手机号
#     dingtalk: { mobiles: ["13800000000"], user_ids: [manager4711] } # 钉钉 手机号 / userId
#     feishu: { user_ids: [ou_7d8a6e6df7621556ce0d21922b676706] } # 飞书 open_id
#     slack: { user_ids: [U012AB3CD] } # Slack member ID
`;
}

function exampleTargets(year: number): string {
  return `${SCHEMA_COMMENT}
#
# One example of each kind of target: progress, level and milestone. Replace them with yours.
# 指标示例：进度（progress）、区间（level）、节点任务（milestone）各一例，请替换为实际指标。
# \`${KPI_COMMAND} validate\` checks this file; \`${KPI_COMMAND} list\` shows the schedules as dates.
year: ${year} # default start ${year}-01-01 and default deadline ${year}-12-31
defaults: # any target field, for every target of this file whose kind has it
  section: 示例
targets:
  # progress: from a baseline to a target by a deadline (进度类, the default kind).
  - id: example.projects # unique across all target files
    title: 亿元以上项目
    owner: 发改局 # one name, or a list: [发改局, 经信局]
    unit: 个 # with "%", a data value "30%" means 30
    source: 全年完成亿元以上项目120个 # the sentence the target comes from
    kind: progress
    baseline: 0 # the value at the start (default 0)
    target: 120 # the value to reach by the deadline
    # start: ${year}-01-01 # default: Jan 1 of year
    # deadline: ${year}-12-31 # default: Dec 31 of year
    schedule: q30-h60-q85 # 30% by the end of Q1, 60% by Q2, 85% by Q3 (the default);
    # also h50-q85, linear, or milestones of your own:
    # schedule:
    #   - { by: ${year}-06-30, progress: "50%" }
    #   - { by: ${year}-09-30, value: 100 }
    interpolation: linear # between milestones day by day; step: the last milestone's value
    tolerance: "10%" # behind by at most 10% of the span (12 个) is yellow, more is red
    aggregate: last # each data row is the running total (累计值); sum: rows are added up

  # level: a value that must stay within bounds (区间类). A rank is a level with max.
  - id: example.city-rank
    title: 全市排名
    owner: 统计局
    kind: level
    max: 2 # rank 2 or better is green (保二)
    stretch: 1 # rank 1 earns a star (争一)
    tolerance: 1 # one place outside is yellow, more is red (default 0)

  # milestone: a deliverable due by a date (节点任务). Data say done or not done (是 / 否).
  - id: example.venue-acceptance
    title: 场馆功能性验收
    owner: 专班
    kind: milestone
    deadline: ${year}-06-30
    warn_days: 30 # not done 30 days before the deadline is yellow (default 30)
`;
}

function exampleData(year: number): string {
  // Rows that make every example green, so that `kpi check` passes until real data come in.
  return [
    "target,date,value,note",
    `example.projects,${year}-01-31,15,example row: replace with real data`,
    `example.city-rank,${year}-01,2,example row: replace with real data`,
    `example.venue-acceptance,${year}-01-31,否,example row: replace with real data`,
    "",
  ].join("\n");
}

/** The workflow of the README's "Use in CI": the repository's own kpi, run as an action. */
function githubWorkflow(): string {
  return `# Checks the targets and data on every push and pull request, and monthly, with the kpi kept in
# this repository (.kpi/: kpi.cjs and its action.yml), so nothing is installed. Red targets fail the
# run; red and yellow targets and bad input are annotated at their lines; the status report is the
# run's summary and an artifact; a pull request gets one comment that says what it changes, kept
# up to date.
# Made by \`kpi init\`.
name: kpi
on:
  push:
  pull_request:
  workflow_dispatch:
  schedule:
    - cron: "0 1 5 * *" # 01:00 UTC on the 5th of each month, after the month's data are in
permissions:
  contents: read
  pull-requests: write # the comment

jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      # On a pull request, the base's results, by this kpi: the comment says what the pull
      # request changes (newly red or yellow, recovered, values, late reports…).
      - if: github.event_name == 'pull_request'
        uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.base.sha }}
          path: .kpi-base
      - if: github.event_name == 'pull_request'
        working-directory: .kpi-base
        continue-on-error: true # a base kpi cannot read: the comment is the status instead
        run: node ../${RELEASE_FILE} check --format json --fail-on none -o ../kpi-base.json
      - id: kpi
        uses: ./.kpi
        with:
          comment: true
          base: kpi-base.json
          # fail-on: red,late  # also fail on a report that is overdue
      - name: The status report
        if: \${{ !cancelled() }}
        run: ${KPI_COMMAND} report -o kpi-report.md
      - if: \${{ !cancelled() }}
        uses: actions/upload-artifact@v4
        with:
          name: kpi-report
          path: kpi-report.md
`;
}

function readme(year: number): string {
  return `# Targets and data

Targets as YAML (\`targets/\`) and actuals as CSV (\`data/\`), checked by kpi: every target is
green (on schedule), yellow (slightly behind), red (off track or missed) or grey (no data).
目标（\`targets/\`，YAML）与实际数据（\`data/\`，CSV），由 kpi 每月比对亮灯。

## Every month

1. Put the departments' CSV files in \`data/\`: a header \`target,date,value,note\` (or
   \`指标,日期,数值,备注\`), one row per target and date; dates like \`${year}-03-31\`, \`${year}-03\` or
   \`${year}-Q1\`; values are numbers, or 是 / 否 for milestones.
2. \`${KPI_COMMAND} validate\` lists every mistake in the files, with its line and a suggestion.
3. \`${KPI_COMMAND} check\` shows the status of every target; \`${KPI_COMMAND} explain ID\` tells why
   one target has its status, with a chart; \`${KPI_COMMAND} report\` writes the month's report.
4. Commit and push: \`.github/workflows/kpi.yml\` runs the check, publishes the report as the
   run's summary and comments the status on a pull request.

## Files

- \`${RELEASE_FILE}\`: kpi itself, in one file: it needs Node.js 20 or later and nothing else, no
  installation and no network. Run every command from this folder, \`${KPI_COMMAND} --help\` says
  the rest. \`.kpi/action.yml\` runs it in GitHub Actions. To upgrade, run a newer kpi's
  \`init --upgrade\` here: it replaces the files in \`.kpi/\` only.
- \`kpi.yaml\`: the office's settings (its name, the report's title, the owners in their official
  order, the as-of date); every key is commented.
- \`targets/example.yaml\`: one commented example of each kind of target; replace them with yours.
- \`data/example.csv\`: a template with example rows; delete them when real data arrive.
- \`${SCHEMA_FILE}\`: the JSON Schema of target files. The first line of each target file
  (\`${SCHEMA_COMMENT}\`) makes editors with a YAML language server (VS Code's YAML extension)
  complete and check the file as you type. After upgrading kpi, refresh it with
  \`${KPI_COMMAND} schema -o ${SCHEMA_FILE}\`.
`;
}
