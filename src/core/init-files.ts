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
  /**
   * The language of the README, the example targets' comments and the data file (`--lang`):
   * in Chinese the CSV header is 编号,日期,数值,备注 and kpi.yaml sets `lang: zh`. @default "en"
   */
  lang?: "en" | "zh";
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
    {
      path: "README.md",
      content: options.lang === "zh" ? readmeZh(options.year) : readme(options.year),
    },
    { path: "kpi.yaml", content: projectFile(options.lang ?? "en") },
    { path: SCHEMA_FILE, content: options.schema },
    {
      path: "targets/example.yaml",
      content:
        options.lang === "zh" ? exampleTargetsZh(options.year) : exampleTargets(options.year),
    },
    { path: "data/example.csv", content: exampleData(options.year, options.lang ?? "en") },
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
function projectFile(lang: "en" | "zh"): string {
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
${lang === "zh" ? "lang: zh # 标签语言：中文 / the labels' language (after --lang and KPI_LANG)" : "# lang: zh # 标签语言 / the labels' language (after --lang and KPI_LANG)"}
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

function exampleData(year: number, lang: "en" | "zh"): string {
  // Rows that make every example green, so that `kpi check` passes until real data come in.
  const [header, note] =
    lang === "zh"
      ? ["编号,日期,数值,备注", "示例数据，请替换为实际数据"]
      : ["target,date,value,note", "example row: replace with real data"];
  return [
    header,
    `example.projects,${year}-01-31,15,${note}`,
    `example.city-rank,${year}-01,2,${note}`,
    `example.venue-acceptance,${year}-01-31,否,${note}`,
    "",
  ].join("\n");
}

/** The example targets with their comments in Chinese (`kpi init --lang zh`). */
function exampleTargetsZh(year: number): string {
  return `${SCHEMA_COMMENT}
#
# 指标示例：进度类（progress）、区间类（level）、节点任务（milestone）各一例，请替换为实际指标。
# \`${KPI_COMMAND} validate\` 检查本文件；\`${KPI_COMMAND} list\` 列出各指标的节点日期。
year: ${year} # 默认开始日 ${year}-01-01，默认截止日 ${year}-12-31
defaults: # 本文件各指标共用的字段（指标自己写的优先）
  section: 示例
targets:
  # 进度类：按期限从基数推进到目标值（默认类型）。
  - id: example.projects # 编号，在所有指标文件中唯一
    title: 亿元以上项目
    owner: 发改局 # 一个单位，或列表：[发改局, 经信局]
    unit: 个 # 单位为 "%" 时，数据中的 "30%" 即 30
    source: 全年完成亿元以上项目120个 # 指标出处的原话
    kind: progress
    baseline: 0 # 开始时的数值（默认 0）
    target: 120 # 截止日应达到的数值
    # start: ${year}-01-01 # 默认为当年 1 月 1 日
    # deadline: ${year}-12-31 # 默认为当年 12 月 31 日
    schedule: q30-h60-q85 # 一季度末 30%、二季度末 60%、三季度末 85%（默认）；
    # 也可写 h50-q85、linear，或自定节点：
    # schedule:
    #   - { by: ${year}-06-30, progress: "50%" }
    #   - { by: ${year}-09-30, value: 100 }
    interpolation: linear # 节点之间按日线性；step：取上一节点的值
    tolerance: "10%" # 滞后不超过跨度的 10%（12 个）为黄灯，更多为红灯
    aggregate: last # 每行数据为累计值；sum：各行相加

  # 区间类：数值须保持在界限之内。排名即带 max 的区间类指标。
  - id: example.city-rank
    title: 全市排名
    owner: 统计局
    kind: level
    max: 2 # 第 2 名或更好为绿灯（保二）
    stretch: 1 # 第 1 名加星（争一）
    tolerance: 1 # 超出一位为黄灯，更多为红灯（默认 0）

  # 节点任务：在期限前完成的事项，数据填“是”或“否”。
  - id: example.venue-acceptance
    title: 场馆功能性验收
    owner: 专班
    kind: milestone
    deadline: ${year}-06-30
    warn_days: 30 # 截止前 30 天仍未完成为黄灯（默认 30）
`;
}

/** The README in Chinese (\`kpi init --lang zh\`). */
function readmeZh(year: number): string {
  return `# 目标与数据

目标写在 \`targets/\`（YAML），实际数据放在 \`data/\`（CSV），由 kpi 比对亮灯：每项指标为绿灯（按序时推进）、
黄灯（略有滞后）、红灯（严重滞后或未完成）或无数据。

## 每月工作

1. 把各单位报来的 CSV 文件放进 \`data/\`：表头为 \`编号,日期,数值,备注\`（或 \`target,date,value,note\`），
   每个指标每期一行；日期写作 \`${year}-03-31\`、\`${year}-03\` 或 \`${year}年一季度\`；数值为数字，节点任务填“是”或“否”；
   备注写单位的情况说明，以“更正”开头的一行更正同一日期的原报数。
2. \`${KPI_COMMAND} validate\` 列出文件中的每处错误，附行号和修改建议。
3. \`${KPI_COMMAND} check\` 显示每项指标的状态；\`${KPI_COMMAND} explain 编号\` 说明某项指标为何亮此灯，并附走势图；
   \`${KPI_COMMAND} report\` 生成本月报告（\`--format html\` 为网页，\`--format docx\` 为通报）。
4. 提交并推送：\`.github/workflows/kpi.yml\` 运行检查，把报告作为运行摘要发布，并在合并请求中评论状态。

## 文件

- \`${RELEASE_FILE}\`：kpi 本身，只需 Node.js 20 或更高版本，无需安装、无需联网。所有命令都在本目录运行，
  \`${KPI_COMMAND} --help\` 列出其余用法。\`.kpi/action.yml\` 在 GitHub Actions 中运行它。升级时在此运行新版 kpi 的
  \`init --upgrade\`：只替换 \`.kpi/\` 中的文件。
- \`kpi.yaml\`：督查室的设置（单位名称、报告标题、责任单位的正式顺序、评估日期），每一项都有注释。
- \`targets/example.yaml\`：每类指标各一个带注释的示例，请替换为实际指标。
- \`data/example.csv\`：带示例行的数据模板，实际数据到来后删去示例行。
- \`${SCHEMA_FILE}\`：指标文件的 JSON Schema。每个指标文件的第一行（\`${SCHEMA_COMMENT}\`）让支持 YAML
  语言服务的编辑器（如 VS Code 的 YAML 扩展）边写边补全、检查。升级 kpi 后用
  \`${KPI_COMMAND} schema -o ${SCHEMA_FILE}\` 更新它。
`;
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
