/** Chinese labels. */
import type {
  ExplainLabels,
  HelpLabels,
  InitLabels,
  Labels,
  ListLabels,
  ValidateLabels,
} from "./labels.js";

const zhValidate: ValidateLabels = {
  summary: (targets, rows, warnings) =>
    `${targets} 项指标、${rows} 行数据：${zhValidate.counts(0, warnings)}`,
  counts: (errors, warnings) =>
    `${errors === 0 ? "没有错误" : `${errors} 个错误`}，${warnings === 0 ? "没有警告" : `${warnings} 条警告`}`,
  dataSkipped: "未读取数据文件：数值的含义取决于指标，请先修正指标文件",
  strict: "--strict：警告按错误处理",
};

const zhList: ListLabels = {
  columns: {
    id: "编号",
    title: "指标",
    kind: "类型",
    owner: "责任单位",
    target: "目标",
    deadline: "期限",
    schedule: "序时进度",
    tolerance: "容差",
  },
  kind: { progress: "进度", level: "区间", milestone: "节点任务" },
  from: (date) => `自 ${date}`,
  warnFrom: (date, days) => `${date} 起临近期限（${days} 天）`,
  step: "阶梯",
  sum: "按期累加",
  count: (targets) => `${targets} 项指标`,
};

const zhExplain: ExplainLabels = {
  colon: "：",
  comma: "，",
  paren: (text) => `（${text}）`,
  definedAt: "定义于",
  statusAsOf: (asOf) => `截至 ${asOf} 的状态`,
  why: "判定依据",
  rulesIntro: "按以下顺序逐条判断，第一条成立的规则决定状态",
  yes: "是",
  no: "否",
  rule: {
    "no-data": "没有实际值 → 无数据",
    achieved: "实际值达到目标 → 绿灯",
    missed: "已到截止日期 → 红灯",
    "on-track": "不低于序时进度 → 绿灯",
    behind: "滞后不超过容差 → 黄灯",
    "off-track": "其他 → 红灯",
    within: "在区间内 → 绿灯",
    near: "超出不超过容差 → 黄灯",
    outside: "其他 → 红灯",
    done: "已完成 → 绿灯",
    overdue: "未完成且已到期限 → 红灯",
    "due-soon": "未完成且距期限不超过 warn_days 天 → 黄灯",
    pending: "其他 → 绿灯",
  },
  decided: (status, reason) => `→ ${status}，${reason}`,
  noActual: (asOf) => `${asOf} 及以前没有数据`,
  actual: (value, date) => `实际值为 ${value}（${date}）`,
  summed: (value, rows, date) => `实际值为 ${value}，即截至 ${date} 的 ${rows} 行数据之和`,
  reached: (actual, target, holds) =>
    holds ? `${actual} 已达到 ${target}` : `${actual} 尚未达到 ${target}`,
  deadline: (asOf, deadline, holds) =>
    holds ? `${asOf} 不早于截止日期 ${deadline}` : `${asOf} 早于截止日期 ${deadline}`,
  onSchedule: (actual, expected, behindBy, aheadBy) =>
    behindBy !== null
      ? `${actual}，比序时进度 ${expected} 落后 ${behindBy}`
      : aheadBy !== null
        ? `${actual}，比序时进度 ${expected} 超前 ${aheadBy}`
        : `${actual}，等于序时进度 ${expected}`,
  withinTolerance: (behindBy, tolerance, share, holds) =>
    `滞后 ${behindBy} ${holds ? "≤" : ">"} 容差 ${tolerance}${share === null ? "" : `（${share}）`}`,
  withinBounds: (actual, bounds, holds) => `${actual} ${holds ? "在" : "不在"} ${bounds} 内`,
  spanShare: (percent, span) => `跨度 ${span} 的 ${percent}`,
  boundShare: (percent, bound) => `边界 ${bound} 的 ${percent}`,
  nearBound: (actual, bound, distance, tolerance, holds) =>
    `${actual} 超出边界 ${bound} ${distance}，${holds ? "≤" : ">"} 容差 ${tolerance}`,
  done: (holds) => (holds ? "已完成" : "未完成"),
  dueSoon: (daysLeft, warnDays, holds) =>
    `距期限 ${daysLeft} 天 ${holds ? "≤" : ">"} warn_days ${warnDays}`,
  stale: (observedOn, asOf) =>
    `数据未更新：最近一行（${observedOn}）早于 ${asOf} 所在月份，仍按其计算`,
  schedule: "序时进度",
  point: {
    baseline: "基数（开始日前一天结束时）",
    milestone: "节点",
    deadline: "截止",
    next: "← 下一节点",
  },
  share: "进度比例",
  interpolation: { linear: "节点之间按日线性", step: "阶梯：取最近节点的值" },
  aggregate: { last: "每行为累计值", sum: "每行为当期值，累加" },
  tolerance: (amount, share) =>
    `滞后不超过 ${amount}${share === null ? "" : `（${share}）`} 时为黄灯`,
  bounds: (bounds, tolerance, stretch) =>
    `在 ${bounds} 内为绿灯；超出不超过 ${tolerance} 为黄灯${stretch === null ? "" : `；达到 ${stretch} 加 ★`}`,
  due: (deadline, warnFrom, days) =>
    `期限 ${deadline}；未完成时自 ${warnFrom} 起为黄灯（warn_days ${days}）`,
  rows: (asOf) => `截至 ${asOf} 的数据`,
  rowColumns: {
    date: "日期",
    value: "数值",
    sum: "累计",
    expected: "序时进度",
    status: "当时状态",
    place: "来源行",
  },
  noRows: "没有数据",
  laterRows: (count, asOf) => `另有 ${count} 行晚于 ${asOf}，未计入`,
  chart: "走势图",
  legend: {
    expected: "· 序时进度",
    bounds: "· 区间边界",
    actual: "● 实际值",
    projection: "○ 预测",
    asOf: "┬ 统计日",
  },
  noChart: "无（节点任务只有完成与未完成）",
  forecast: {
    title: "按当前速度的预测（仅供参考，不影响状态）",
    rate: (perMonth, since) => `自 ${since} 以来平均每月 ${perMonth}`,
    point: (date, projected, expected, isDeadline) =>
      `${date}（${isDeadline ? "截止" : "下一节点"}）：预测 ${projected}，序时进度 ${expected}`,
    reaches: (date) => `按此速度将于 ${date} 达到目标`,
    neverReaches: "按此速度无法达到目标",
    none: {
      "not-progress": "无预测：只有进度类指标有可外推的速度",
      "no-data": "无预测：尚无实际值",
      achieved: "无预测：目标已达到",
      "past-deadline": "无预测：已过截止日期",
      "no-history": "无预测：最近一行不晚于开始日期",
    },
    note: "预测不会改变任何状态。",
  },
};

const zhInit: InitLabels = {
  created: (dir) => `已在 ${dir} 创建 kpi 数据仓库：`,
  next: "下一步：",
};

/** Option names, argument names, format names and `today`/`none` are what is typed: kept as they are. */
const zhHelp: HelpLabels = {
  program: "对照实际值检查指标：YAML 文件写指标，CSV 文件写实际值，每项指标亮一盏灯。",
  commands: {
    check: "对照数据评估每项指标并输出结果",
    report: "进展情况通报：红灯黄灯在前，全部指标按板块列出，另有责任单位、临近期限和变化情况",
    rank: "按指标状态为责任单位排名（统计日取季末即为该季度的排名）",
    validate: "检查指标文件和数据文件，不作评估",
    list: "列出全部指标，序时进度换算为具体日期和数值",
    schema: "输出指标文件的 JSON Schema，供编辑器使用",
    init: "新建数据仓库：示例指标、数据模板、CI 配置和 README",
    explain: "查看单项指标的数据行、序时进度、判定规则和走势图",
  },
  arguments: {
    data: "数据文件或文件夹（追加到 --data）",
    paths: "要检查的文件或文件夹：YAML 文件为指标文件，其他文件为数据文件，文件夹两者都查",
    dir: "在此文件夹中创建",
    id: "指标编号",
  },
  options: {
    targets: "指标文件或文件夹",
    data: "数据文件或文件夹（默认：data）",
    encoding: "按此编码读取数据文件（默认：UTF-8，不是 UTF-8 时按 GB18030）",
    asOf: "统计日：日期、月份、季度或 today（默认：数据中的最新日期）",
    output: "将输出写入文件（原子写入），而不是标准输出",
    outputSchema: "将 Schema 写入文件（原子写入），而不是标准输出",
    lang: "标签语言：en 或 zh（默认依次取 KPI_LANG、LANG，否则为 en）",
    format: "输出格式",
    failOn: "使退出码为 1 的状态，以逗号分隔；或 none",
    charts: "markdown：为每项红灯或黄灯指标加一张 Mermaid 走势图（HTML 页面总有走势图）",
    by: "owner：加上责任单位排名",
    strict: "警告（未知编号、空值）也使退出码为 2",
    force: "覆盖已存在的文件",
    forecast: "加上按当前速度的预测（不影响状态）",
    help: "显示命令帮助",
    version: "显示版本号",
  },
  helpCommand: "显示命令帮助",
  usage: (usage) => `用法：${usage}`,
  headings: {
    arguments: "参数：",
    options: "选项：",
    globalOptions: "全局选项：",
    commands: "命令：",
  },
  choices: (values) => `可选值：${values.join("、")}`,
  defaultValue: (value) => `默认：${Array.isArray(value) ? value.join("、") : String(value)}`,
  details: (description, details) => `${description}（${details.join("；")}）`,
};

export const zh: Labels = {
  status: { green: "绿灯", yellow: "黄灯", red: "红灯", grey: "无数据" },
  reason: {
    "no-data": "无数据",
    achieved: "已完成",
    missed: "未完成",
    "on-track": "按序时推进",
    behind: "滞后",
    "off-track": "严重滞后",
    within: "在区间内",
    near: "接近边界",
    outside: "超出区间",
    done: "已完成",
    overdue: "逾期",
    "due-soon": "临近期限",
    pending: "推进中",
  },
  columns: {
    status: "状态",
    id: "编号",
    title: "指标",
    owner: "责任单位",
    actual: "实际值",
    expected: "序时进度",
    target: "目标",
    progress: "完成率",
    note: "说明",
  },
  stale: "数据未更新",
  staleSince: (date) => `数据未更新（${date}）`,
  noteSeparator: "，",
  star: "达到争先值",
  leftOut: (width, columns) => `为适应 ${width} 列宽度，未显示：${columns}`,
  asOf: "截至",
  targets: "项指标",
  within: (min, max) =>
    min !== null && max !== null ? `${min}–${max}` : min !== null ? `≥ ${min}` : `≤ ${max}`,
  dueBy: "期限",
  yes: "已完成",
  no: "未完成",
  warnings: (count) => `${count} 条警告`,
  errors: (count) => `${count} 个错误`,
  validate: zhValidate,
  list: zhList,
  explain: zhExplain,
  init: zhInit,
  help: zhHelp,
  bounds: "目标区间",
  statusReason: (status, reason) => (status === reason ? status : `${status}：${reason}`),
  nameSeparator: "、",
  listSeparator: "；",
  warningPrefix: "警告：",
  problemCounts: (errors, warnings) =>
    `${errors} 个错误${warnings > 0 ? `、${warnings} 条警告` : ""}；未生成报告`,
  internalError: (detail) =>
    `内部错误：${detail}\n这是 kpi 的缺陷，不是您文件的问题；请连同所运行的命令一起报告。`,
  message: (english) => translateToChinese(english),
  report: {
    title: (asOf) => `指标进展情况通报（截至 ${asOf}）`,
    attention: "亮灯警示：红灯和黄灯指标",
    noAttention: "没有红灯或黄灯指标。",
    bySection: "全部指标（按板块）",
    noSection: "其他",
    byOwner: "各责任单位",
    noOwner: "未明确责任单位",
    dueSoon: (days, until) => `${days} 天内临近期限的节点（至 ${until}）`,
    noneDue: "本期没有临近期限的节点。",
    changes: (since) => `较上月末（${since}）的变化`,
    noChanges: "没有指标的状态发生变化。",
    change: {
      "newly-red": "新亮红灯",
      "newly-yellow": "新亮黄灯",
      improved: "红灯转黄灯",
      recovered: "转为绿灯",
      reported: "首次报送数据",
    },
    columns: {
      target: "指标",
      behindBy: "滞后量",
      nextMilestone: "下一节点",
      daysLeft: "剩余天数",
      pace: "每月需完成",
      due: "期限",
      needed: "应达到",
      change: "变化",
      was: "上月末",
      now: "本期",
    },
    perMonth: (amount) => `每月 ${amount}`,
    overdueDays: (days) => `逾期 ${days} 天`,
    charts: "走势图",
    chartCaption: (expected) => `柱：实际值；线：${expected}`,
    month: (year, month) => `${year}年${month}月`,
    legend: [
      "**序时进度**：按计划截至统计日应达到的数值；**滞后量**：实际值落后于序时进度的差额（区间类指标为超出边界的幅度）。",
      "**每月需完成**：达到下一节点每月还需完成的量 =（节点值 − 实际值）÷ 距该节点的剩余月末数。",
      "**得分**（责任单位排名）：各项指标绿灯计 100 分、黄灯 60 分、红灯 0 分，取平均值；无数据的指标不计，得分相同者并列。",
    ],
  },
  rank: {
    title: (asOf) => `责任单位排名（截至 ${asOf}）`,
    columns: { place: "名次", owner: "责任单位", score: "得分", targets: "指标数" },
    noScore: "–",
    legend:
      "得分：各项指标绿灯 100 分、黄灯 60 分、红灯 0 分的平均值（无数据的指标不计）；得分相同者并列。",
  },
  html: {
    lang: "zh-CN",
    nav: {
      attention: "亮灯警示",
      targets: "全部指标",
      owners: "责任单位",
      due: "临近期限",
      changes: "变化情况",
      notes: "说明",
    },
    notes: "数据说明",
    controls: "筛选和排序",
    owner: "责任单位",
    allOwners: "全部责任单位",
    status: "状态",
    sort: "排序",
    sortBy: { order: "按文件顺序", status: "红灯在前", progress: "完成率从低到高" },
    shown: "显示 {shown} / {total} 项指标",
    source: "原文",
    expectedShare: "序时应达",
    chart: {
      title: (target) => `${target}：序时进度与各月实际值`,
      milestone: "节点",
      asOf: "截至",
      target: "目标",
      noData: "暂无数据",
      offScale: (value) => `${value}（超出图表范围）`,
      legend: {
        expected: "序时进度",
        milestone: "节点",
        actual: "各月末实际值",
        asOf: "统计日",
        target: "目标值",
      },
    },
    footer: "由 kpi 根据指标文件和数据文件生成。本页面为单个独立文件，可离线打开，不访问网络。",
  },
};

/**
 * Chinese wording of the input and usage messages. The messages are made in English where the
 * problem is found (the core knows no language); this one table matches each fixed template and
 * rewords it, keeping its values, places and option names. A message no template matches (a new
 * one, or commander's own) stays in English rather than being lost.
 */
const ZH_MESSAGES: readonly (readonly [RegExp, (...parts: string[]) => string])[] = [
  // Data files (SPEC section 3).
  [/^date (".*") is not a calendar date$/, (value) => `日期 ${value} 不是有效的日历日期`],
  [
    /^date (".*") is not a date \(.*\)$/,
    (value) =>
      `日期 ${value} 无法识别（可用格式：2022-03-31、2022/3/31、2022年3月31日、2022-03 或 2022-Q1）`,
  ],
  [/^value (".*") is not a number$/, (value) => `数值 ${value} 不是数字`],
  [
    /^value (".*") has a % sign but the unit of (.+) is not %$/,
    (value, id) => `数值 ${value} 带有 % 号，但 ${id} 的单位不是 %`,
  ],
  [
    /^value (".*") is not done \/ not done \(.*\)$/,
    (value) =>
      `数值 ${value} 不是“完成/未完成”（完成：1 true yes done y 是 完成 已完成；未完成：0 false no n 否 未完成）`,
  ],
  [
    /^the row has (\d+) fields but the header has (\d+)(?:;.*)?$/,
    (fields, header) =>
      `该行有 ${fields} 个字段，但表头只有 ${header} 个；带千位分隔符的数值须加引号（"1,200"）`,
  ],
  [/^the target is empty$/, () => "指标编号为空"],
  [
    /^no value for (.+) on (\S+): the row is skipped$/,
    (id, date) => `${id} 在 ${date} 没有数值：该行已跳过`,
  ],
  [/^the file has no header row \((.*)\)$/, (columns) => `文件没有表头行（${columns}）`],
  [
    /^no target has the id "(.*?)"(?: \((\d+) rows\))?: its rows are ignored$/,
    (id, rows) => `没有编号为 "${id}" 的指标${rows ? `（${rows} 行）` : ""}：这些行已忽略`,
  ],
  [/^(\d+) more errors in this file$/, (count) => `本文件另有 ${count} 个错误`],
  [/^(\d+) more warnings in this file$/, (count) => `本文件另有 ${count} 条警告`],
  [
    /^two columns mean (\w+): (".*") and (".*")$/,
    (column, a, b) => `有两列都表示 ${column}：${a} 和 ${b}`,
  ],
  [
    /^the header has no (\w+) column \(one of: (.*)\)$/,
    (column, names) => `表头缺少 ${column} 列（可用列名：${names}）`,
  ],
  [
    /^(.+) on (\d{4}-\d{2}-\d{2}) is (.+) here but (.+) at (.+)$/,
    (id, date, here, there, place) =>
      `${id} 在 ${date} 的数值此处为 ${here}，但在 ${place} 为 ${there}`,
  ],
  [/^a quoted field is not closed:.*$/, () => '引号字段没有闭合：以 " 开头的字段必须以 " 结尾'],
  [
    /^a closing quote is followed by .*$/,
    () => '闭合引号后面跟了逗号或行尾以外的内容（引号字段内的引号请写作 ""）',
  ],
  [/^the CSV cannot be read \((.*)\)$/, (code) => `无法读取 CSV（${code}）`],
  [
    /^the file is not valid UTF-8 \(try --encoding gb18030\)$/,
    () => "文件不是有效的 UTF-8（可尝试 --encoding gb18030）",
  ],
  [/^cannot read the file: (.*)$/, (code) => `无法读取文件：${code}`],
  [/^no data file \(\.csv\) in this folder$/, () => "此文件夹中没有数据文件（.csv）"],
  [
    /^no target file \(\.yaml, \.yml\) in this folder$/,
    () => "此文件夹中没有指标文件（.yaml、.yml）",
  ],
  // Target files (SPEC section 2).
  [
    /^duplicate id (".*"), first defined at (.+)$/,
    (id, place) => `编号 ${id} 重复，首次定义于 ${place}`,
  ],
  [/^duplicate key (".*")$/, (key) => `键 ${key} 重复`],
  [/^invalid YAML: (.*)$/, (detail) => `YAML 格式错误：${detail}`],
  [/^empty target file:.*$/, () => "指标文件为空：应为包含指标列表（targets）的映射"],
  [/^cannot expand the file's aliases: (.*)$/, (detail) => `无法展开文件中的别名：${detail}`],
  [/^unknown key (".*?")$/, (key) => `未知的键 ${key}`],
  [
    /^unknown key (".*?"): (\w+) targets have no (\S+) \((.+) targets do\)$/,
    (key, kind, field, others) =>
      `未知的键 ${key}：${kind} 类指标没有 ${field}（${others.replaceAll(" and ", "、")} 类指标才有）`,
  ],
  [
    /^no target has the id (".*?"); kpi list shows them all$/,
    (id) => `没有编号为 ${id} 的指标；kpi list 可列出全部指标`,
  ],
  [/^no target has the id (".*?")$/, (id) => `没有编号为 ${id} 的指标`],
  [/^the id cannot have a default:.*$/, () => "id 不能设默认值：每个指标须有自己的编号"],
  [/^(\S+) is required when the file has no year$/, (key) => `文件没有 year 时须填写 ${key}`],
  [
    /^deadline (\S+) is before start (\S+)$/,
    (deadline, start) => `截止日期 ${deadline} 早于开始日期 ${start}`,
  ],
  [
    /^target equals baseline \((.*)\): there is no way to go$/,
    (baseline) => `目标值等于基数（${baseline}）：无法判断推进方向`,
  ],
  [
    /^(schedule\[\d+\]) needs progress \("30%"\) or value$/,
    (name) => `${name} 须有 progress（如 "30%"）或 value`,
  ],
  [
    /^(schedule\[\d+\]) has both progress and value: give one$/,
    (name) => `${name} 同时有 progress 和 value：只能填一个`,
  ],
  [
    /^(.+) on (\S+) is outside the period (\S+) to (\S+) \(.*\)$/,
    (name, by, start, deadline) =>
      `${milestoneName(name)}（${by}）不在期间 ${start} 至 ${deadline} 内（截止日期总是最后一个节点）`,
  ],
  [
    /^(.+) on (\S+) is out of order:.*$/,
    (name, by) => `${milestoneName(name)}（${by}）顺序不对：节点须按日期先后排列`,
  ],
  [
    /^(.+) value (\S+) must lie between the previous value (\S+) and the target (\S+)$/,
    (name, value, previous, target) =>
      `${milestoneName(name)}的数值 ${value} 须介于前一节点值 ${previous} 与目标值 ${target} 之间`,
  ],
  [/^a level target needs min, max or both$/, () => "区间类指标须有 min、max 或两者"],
  [/^max (\S+) is below min (\S+)$/, (max, min) => `max ${max} 小于 min ${min}`],
  [
    /^stretch (\S+) must be a better value than the bound: at or below max (\S+)$/,
    (stretch, max) => `stretch ${stretch} 须优于边界：不大于 max ${max}`,
  ],
  [
    /^stretch (\S+) must be a better value than the bound: at or above min (\S+)$/,
    (stretch, min) => `stretch ${stretch} 须优于边界：不小于 min ${min}`,
  ],
  [/^(\S+) (\S+) is not a calendar date$/, (key, value) => `${key} ${value} 不是有效的日历日期`],
  // Options and paths.
  [/^--as-of (".*") is not a calendar date$/, (value) => `--as-of ${value} 不是有效的日历日期`],
  [
    /^--as-of (".*") is not a date \(.*\)$/,
    (value) => `--as-of ${value} 不是日期（可用 2022-03-31、2022-03、2022-Q1 或 today）`,
  ],
  [/^--lang must be en or zh, got (.*)$/, (value) => `--lang 必须是 en 或 zh，实际为 ${value}`],
  [
    /^--fail-on must be none or a comma list of (.*), got (.*)$/,
    (statuses, value) => `--fail-on 必须是 none 或以逗号分隔的状态（${statuses}），实际为 ${value}`,
  ],
  [/^no such file or folder: (.*)$/, (paths) => `文件或文件夹不存在：${paths}`],
  [/^unknown encoding (".*")$/, (name) => `未知的编码 ${name}`],
  [
    /^cannot (write|append to) (.*): (.*)$/,
    (_verb, path, why) => `无法写入 ${path}：${writeReason(why)}`,
  ],
  // The schema's generic forms last: `owner must be …, got 3`, `target is required`.
  [
    /^(.*?) ?must be (.+?)(?:, got (.+))?$/,
    (label, what, got) =>
      `${fieldName(label)} 必须是${ZH_EXPECTED[what] ?? ` ${what}`}${got ? `，实际为 ${got}` : ""}`,
  ],
  [/^(\S+) is required$/, (label) => `缺少必填字段 ${fieldName(label)}`],
];

/** The `what` of the schema's "must be …" messages. */
const ZH_EXPECTED: Readonly<Record<string, string>> = {
  "a non-empty text": "非空文本",
  "a number": "数字",
  "a date YYYY-MM-DD": "日期（YYYY-MM-DD）",
  'a percentage like "30%"': '百分比（如 "30%"）',
  'a number ≥ 0 or a percentage like "10%"': '不小于 0 的数或百分比（如 "10%"）',
  'a milestone { by: DATE, progress: "30%" } or { by: DATE, value: N }':
    '节点 { by: 日期, progress: "30%" } 或 { by: 日期, value: 数值 }',
  "an id": "编号",
  "letters, digits, '.', '_' and '-', starting with a letter or digit":
    "由字母、数字、“.”、“_”和“-”组成，并以字母或数字开头",
  "a name or a non-empty list of names": "一个名称或非空的名称列表",
  "q30-h60-q85, h50-q85, linear or a list of milestones": "q30-h60-q85、h50-q85、linear 或节点列表",
  "linear or step": " linear 或 step",
  "last or sum": " last 或 sum",
  "a whole number of days ≥ 0": "不小于 0 的整数天数",
  "a year like 2022": "年份（如 2022）",
  "a mapping of target fields": "指标字段的映射",
  "a non-empty list of targets": "非空的指标列表",
  "a mapping with year, defaults and targets": "包含 year、defaults 和 targets 的映射",
  "progress, level, milestone": " progress、level 或 milestone",
};

function fieldName(label: string): string {
  return label === "the file" || label === "" ? "文件" : label;
}

function milestoneName(name: string): string {
  return name === "preset milestone" ? "预设节点" : name;
}

function writeReason(why: string): string {
  const nothingWritten = "; nothing was written";
  if (why.endsWith(nothingWritten))
    return `${writeReason(why.slice(0, -nothingWritten.length))}；未写入任何文件`;
  const reasons: Record<string, string> = {
    "its folder does not exist": "所在文件夹不存在",
    "permission denied": "没有权限",
    "it is a folder": "这是一个文件夹",
    "a part of its path is a file, not a folder": "路径中有一段是文件，而不是文件夹",
    "the disk is full": "磁盘已满",
  };
  return reasons[why] ?? why;
}

/** A "did you mean" hint that any message may end with; translated apart from the message. */
const DID_YOU_MEAN = /^(.*) \(did you mean (".*")\?\)$/s;

function translateToChinese(english: string): string {
  const hint = DID_YOU_MEAN.exec(english);
  if (hint) return `${translateToChinese(hint[1] as string)}（是否应为 ${hint[2]}？）`;
  for (const [pattern, translate] of ZH_MESSAGES) {
    const match = pattern.exec(english);
    if (match) return translate(...match.slice(1).map((part) => part ?? ""));
  }
  return english;
}
