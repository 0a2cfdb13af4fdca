/** Chinese labels. */
import type { Scores } from "../core/project.js";
import {
  type DiffLabels,
  type ExplainLabels,
  type HelpLabels,
  type InitLabels,
  type Labels,
  type ListLabels,
  movementMark,
  type NotifyLabels,
  type ValidateLabels,
} from "./labels.js";
import { chineseMessages } from "./zh-messages.js";

/** The labels, made when a run first speaks Chinese (labelsFor): an English run never makes them. */
export function chineseLabels(): Labels {
  /** 责任单位得分的算法（SPEC 6），含所用分值。 */
  function zhScoreRule(scores: Scores): string {
    const penalty = scores.latePenalty === 0 ? "" : `，逾期报送扣 ${scores.latePenalty} 分`;
    return `各项指标得分按权重加权平均（Σ 权重 × 得分 ÷ Σ 权重），绿灯 ${scores.green} 分、黄灯 ${scores.yellow} 分（逾期完成同黄灯）、红灯 ${scores.red} 分、应报未报 ${scores.missing} 分${penalty}；尚未到报送期的指标不计，得分相同者并列。`;
  }

  const zhValidate: ValidateLabels = {
    summary: (project, targets, rows, warnings) =>
      `${project === null ? "" : `${project}、`}${targets} 项指标、${rows} 行数据：${zhValidate.counts(0, warnings)}`,
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
    kind: { progress: "进度", level: "区间", milestone: "节点任务", growth: "增速" },
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
      late: "已过报送期限且最近一行早于该期 → 无数据",
      "no-base": "没有上年同期数或同期数不大于 0 → 无数据",
      "no-reference": "所引用的指标当期没有实际值或未按时报送 → 无数据",
      "awaiting-result": "已过截止日期、未到结果公布日期且尚无结果 → 无数据",
      breach: "超出区间，但此前 breach_after 期并非每期都超出 → 黄灯",
      growth:
        "截止日期前：达到边界 → 绿灯，差距不超过容差 → 黄灯，否则 → 红灯；截止日期起：达到边界 → 绿灯，否则 → 红灯",
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
    reportDue: (missingReport, dueBy, observedOn) =>
      missingReport === null
        ? `最近一行（${observedOn}）按时报送`
        : `应报 ${missingReport} 数据，截止 ${dueBy}；最近一行为 ${observedOn}`,
    judgedAt: (judgedAt, late) =>
      late ? `按应报的 ${judgedAt} 期判定` : `按最近一行的日期 ${judgedAt} 判定`,
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
    growthBounds: (bound, afterSlack, tolerance, input) =>
      `增速目标 ${bound}，放宽后边界 ${afterSlack}；截止日期前差距不超过 ${tolerance} 个百分点为黄灯；${input === "value" ? "增速由累计值与上年同期数计算" : "每行为公布的累计增速"}`,
    growthFact: (growth, afterSlack, shortfall, tolerance, final) =>
      final
        ? `累计增速 ${growth}，边界 ${afterSlack}：差 ${shortfall} 个百分点（最终结果）`
        : `累计增速 ${growth}，边界 ${afterSlack}：差 ${shortfall} 个百分点，容差 ${tolerance}`,
    noBase: (value, base, from, on) =>
      base === null
        ? `累计值 ${value}，没有上年同期数`
        : `累计值 ${value}，上年同期 ${base}（${from === "row" ? `${on} 的数据行` : "同期列"}）`,
    referenceFact: (ref, on, value, late, resolved) =>
      value === null
        ? `${ref} 在 ${on} 及以前没有实际值`
        : late
          ? `${ref} 未按时报送`
          : `${ref} 在 ${on} 为 ${value}，故为 ${resolved}`,
    awaiting: (deadline, resultBy) => `已过截止日期 ${deadline}，结果应于 ${resultBy} 前公布`,
    breach: (outside, needed, holds) =>
      `此前 ${needed} 期中有 ${outside} 期超出${holds ? "" : "：每期都超出"}`,
    due: (deadline, warnFrom, days) =>
      `期限 ${deadline}；未完成时自 ${warnFrom} 起为黄灯（warn_days ${days}）`,
    rows: (asOf) => `截至 ${asOf} 的数据`,
    rowColumns: {
      date: "日期",
      value: "数值",
      sum: "累计",
      expected: "序时进度",
      growth: "累计增速",
      status: "当时状态",
      place: "来源行",
      note: "备注",
    },
    noRows: "没有数据",
    laterRows: (count, asOf) => `另有 ${count} 行晚于 ${asOf}，未计入`,
    notes: "数据提示（更正、需核实的数值）",
    unreportedRows: (count, asOf) => `另有 ${count} 行在 ${asOf} 之后才报送，未计入`,
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

  const zhNotify: NotifyLabels = {
    title: "重点工作亮灯情况",
    heading: (title, asOf) => `${title}（截至 ${asOf}）`,
    attention: "红灯和黄灯指标",
    chase: "请尽快报送",
    continued: (index, count) => `（续，第 ${index} 条，共 ${count} 条）`,
    mentions: "请以下单位关注",
    mentionText: (owners) => `请${owners.join("、")}关注上述消息（逾期未报或有红灯指标）`,
    posted: (count, platform) => `已向 ${platform} 发送 ${count} 条消息`,
  };

  const zhDiff: DiffLabels = {
    title: (base, head) => `从 ${base} 到 ${head} 的变化`,
    kinds: {
      newlyRed: "新转红灯",
      newlyYellow: "新转黄灯",
      recovered: "恢复绿灯",
      firstData: "首次有数据",
      statusChanged: "状态变化",
      valueChanged: "数值变化",
      lateAppeared: "新增逾期未报",
      lateCleared: "已补报",
      added: "新增指标",
      removed: "删除指标",
    },
    columns: { change: "变化", id: "编号", title: "指标", before: "之前", after: "之后" },
    none: "没有指标发生变化。",
    unchanged: (count) => `${count} 项指标没有变化`,
    owes: (report) => `欠报 ${report} 的数据`,
    onTime: "无欠报",
  };

  const zhInit: InitLabels = {
    created: (dir) => `已在 ${dir} 创建 kpi 数据仓库：`,
    upgraded: (dir, version) => `已将 ${dir} 中的 kpi 升级为 ${version}：`,
    next: "下一步：",
  };

  /** Option names, argument names, format names and `today`/`none` are what is typed: kept as they are. */
  const zhHelp: HelpLabels = {
    program: "对照实际值检查指标：YAML 文件写指标，CSV 文件写实际值，每项指标亮一盏灯。",
    commands: {
      check: "对照数据评估每项指标并输出结果",
      report: "进展情况通报：红灯黄灯在前，全部指标按板块列出，另有责任单位、临近期限和变化情况",
      rank: "按指标加权得分为责任单位排名：一月一亮晒、一季一评比、全年总排名",
      validate: "检查指标文件和数据文件，不作评估",
      list: "列出全部指标，序时进度换算为具体日期和数值",
      schema: "输出指标文件（或 kpi.yaml）的 JSON Schema，供编辑器使用",
      init: "新建数据仓库：示例指标、数据模板、CI 配置和 README",
      explain: "查看单项指标的数据行、序时进度、判定规则和走势图",
      diff: "两次运行结果之间的变化：新转红灯黄灯、恢复绿灯、逾期未报……",
      notify: "把本月亮灯情况和催报清单发到群聊机器人（企业微信、钉钉、飞书、Slack）",
      template: "生成某单位某期的数据填报表（.xlsx 或 .csv），填好后 kpi check 可直接读取",
    },
    arguments: {
      data: "数据文件或文件夹（追加到 --data）",
      paths: "要检查的文件或文件夹：YAML 文件为指标文件，其他文件为数据文件，文件夹两者都查",
      dir: "在此文件夹中创建",
      id: "指标编号",
      base: "之前的结果：kpi check --format json 的输出文件",
      head: "之后的结果，格式同上（默认：按当前输入运行一次 kpi check）",
    },
    options: {
      targets: "指标文件或文件夹",
      data: "数据文件或文件夹（默认：data）",
      encoding: "按此编码读取数据文件（默认：UTF-8，不是 UTF-8 时按 GB18030）",
      allowUnknown: "编号未知的行只作警告，不作错误（或 kpi.yaml 的 allow_unknown: true）",
      asOf: "统计日：日期、月份、季度或 today（默认：kpi.yaml 的 as_of，否则为今天）",
      output: "将输出写入文件（原子写入），而不是标准输出",
      outputSchema: "将 Schema 写入文件（原子写入），而不是标准输出",
      project: "输出项目文件 kpi.yaml 的 Schema，而不是指标文件的",
      lang: "标签语言：en 或 zh（默认依次取 KPI_LANG、kpi.yaml 的 lang、LANG，否则为 en）",
      config: "项目文件（默认：kpi.yaml，如有）",
      format: "输出格式",
      failOn: "使退出码为 1 的状态（late 表示应报未报），以逗号分隔；或 none",
      charts: "markdown：为每项红灯或黄灯指标加一张 Mermaid 走势图（HTML 页面总有走势图）",
      by: "owner：加上责任单位排名",
      issue: "docx：通报的期数，数字（7 即“第 7 期”）或照印的期数文字；默认取 kpi.yaml 的 issue",
      period: "month：统计日的得分；quarter、year：统计日所在季度或年度各月末得分的平均值",
      templatePeriod: "填报的期间：月份（2022-07）、季度（2022年三季度）或日期；日期列取其最后一天",
      owner: "填报单位（kpi.yaml 的 owners 或指标文件中的责任单位）",
      all: "为每个责任单位各生成一个文件，写入 -o 指定的文件夹",
      outputTemplate: "写入的文件（.xlsx 或 .csv）；使用 --all 时为文件夹",
      strict: "警告按错误处理，退出码为 2（更正仍为警告）",
      force: "覆盖已存在的文件",
      to: "群聊平台：wecom（企业微信）、dingtalk（钉钉）、feishu（飞书）或 slack",
      webhook: "机器人地址（默认取 KPI_WEBHOOK；它是密钥，不要写进仓库中的文件）",
      dryRun: "只打印要发送的内容，不发送",
      upgrade: "只把仓库中的 kpi 副本（.kpi/）换成当前版本",
      ci: "为哪种持续集成写工作流：github（运行 .kpi/ 中的 kpi），或 none（不写）",
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

  const zh: Labels = {
    status: { green: "绿灯", yellow: "黄灯", red: "红灯", grey: "无数据" },
    reason: {
      "no-data": "无数据",
      achieved: "已完成",
      "achieved-late": "超期完成",
      missed: "未完成",
      "on-track": "按序时推进",
      behind: "滞后",
      "off-track": "严重滞后",
      within: "在区间内",
      near: "接近边界",
      outside: "超出区间",
      done: "已完成",
      "done-late": "超期完成",
      overdue: "逾期",
      "due-soon": "临近期限",
      pending: "推进中",
      late: "未按时报送",
      "no-base": "无同期数",
      "no-reference": "无参照值",
      "awaiting-result": "待公布结果",
      breach: "超出（未连续）",
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
    late: (missingReport, dueBy) => `未按时报送：应报 ${missingReport} 数据，截止 ${dueBy}`,
    noteSeparator: "，",
    star: "达到争先值",
    leftOut: (width, columns) => `为适应 ${width} 列宽度，未显示：${columns}`,
    asOf: "截至",
    targets: "项指标",
    summaryPunctuation: { comma: "，", colon: "：", join: "" },
    growth: (rate) => `累计增长 ${rate}`,
    growthBound: (side, rate, about) =>
      `${side === "min" ? "≥" : "≤"} ${rate}${about === null ? "" : `（左右 ${about}）`}`,
    growthLine: (growth, bound) => `${growth}，目标 ${bound}`,
    growthExpected: (bound) => `边界 ${bound}`,
    points: (points) => `${points} 个百分点`,
    growthBoundTerm: "边界",
    growthReason: { "on-track": "达到目标", behind: "未达目标（容差内）", "off-track": "未达目标" },
    about: (value, about) => `${value}（左右 ${about}）`,
    reference: (id, plus, times) =>
      `${id} 的实际值${plus === null ? "" : ` + ${plus}`}${times === null ? "" : ` × ${times}`}`,
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
    diff: zhDiff,
    notify: zhNotify,
    help: zhHelp,
    bounds: "目标区间",
    statusReason: (status, reason) => (status === reason ? status : `${status}：${reason}`),
    nameSeparator: "、",
    departmentNote: (note) => `备注：${note}`,
    listSeparator: "；",
    warningPrefix: "警告：",
    problemCounts: (errors, warnings) =>
      `${errors} 个错误${warnings > 0 ? `、${warnings} 条警告` : ""}；未生成报告`,
    internalError: (detail) =>
      `内部错误：${detail}\n这是 kpi 的缺陷，不是您文件的问题；请连同所运行的命令一起报告。`,
    messages: chineseMessages(),
    report: {
      title: (asOf) => `指标进展情况通报（截至 ${asOf}）`,
      namedTitle: (title, asOf) => `${title}（截至 ${asOf}）`,
      followUp: "督办清单：连续红灯指标",
      noFollowUp: "没有连续两期及以上亮红灯的指标。",
      redRunning: (length, counts) =>
        counts === "months" ? `连续 ${length} 个月红灯` : `连续 ${length} 期红灯`,
      chase: "催报：逾期未报送",
      noChase: "应报送的数据均已报送。",
      chaseMessage: (owner, target, report, dueBy, daysOverdue) =>
        `${owner === null ? "" : `${owner}：`}请尽快报送 ${target} ${report} 数据（应于 ${dueBy} 前报送，已逾期 ${daysOverdue} 天）`,
      year: (year) => `${year} 年各月末亮灯情况`,
      yearLegend: (key) => `${key}：每格为该月末的状态，只用截至当日的数据`,
      noMonthEnd: (year) => `${year} 年尚无已结束的月份。`,
      monthShort: (month) => `${month}月`,
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
      dataNotes: "数据提示：更正与需核实的数值",
      change: {
        "newly-red": "新亮红灯",
        "newly-yellow": "新亮黄灯",
        improved: "红灯转黄灯",
        recovered: "转为绿灯",
        reported: "首次报送数据",
      },
      columns: {
        target: "指标",
        running: "连续红灯",
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
      ],
      scoreNote: (scores) => `**得分**（责任单位排名）：${zhScoreRule(scores)}`,
    },
    rank: {
      title: ({ period, asOf, year, quarter }) =>
        period === "month"
          ? `一月一亮晒：责任单位排名（截至 ${asOf}）`
          : period === "quarter"
            ? `一季一评比：${year}年第${"一二三四"[quarter - 1] ?? quarter}季度责任单位排名（截至 ${asOf}）`
            : `全年总排名：${year}年责任单位排名（截至 ${asOf}）`,
      columns: {
        place: "名次",
        owner: "责任单位",
        score: "得分",
        previous: "上期名次",
        movement: "升降",
        targets: "指标数",
      },
      noScore: "–",
      movement: (movement) => movementMark(movement, "新"),
      latePenalty: (points) => `迟报扣 ${points} 分`,
      legend: (scores) => `得分：${zhScoreRule(scores)}`,
      periodNote: (period, days, previousAsOf) => {
        if (period === "month") return `上期名次：上月末（${previousAsOf}）的名次。`;
        const name = period === "quarter" ? "季度" : "年度";
        const [first = "", last = first] = [days[0], days[days.length - 1]];
        const mean =
          days.length === 1
            ? `${first} 的得分`
            : `${first} 至 ${last} 共 ${days.length} 个月末得分的平均值（无得分的月末不计）`;
        return `${name}得分：${mean}；上期：截至 ${previousAsOf} 的上一${name}。`;
      },
    },
    notice: {
      defaultTitle: (year, month) => `${year}年${month}月重点工作进展情况通报`,
      issue: (issue) => `第 ${issue} 期`,
      date: (year, month, day) => `${year}年${month}月${day}日`,
      opening: (asOf) => `现将截至${asOf}各项重点工作指标进展情况通报如下。`,
      headings: {
        overview: "一、总体情况",
        attention: "二、红灯和黄灯指标",
        ranking: "三、各单位得分排名",
        notes: "四、说明",
      },
      overview: (asOf, counts) =>
        `截至${asOf}，纳入监测的 ${counts.total} 项指标中，绿灯 ${counts.green} 项，黄灯 ${counts.yellow} 项，红灯 ${counts.red} 项，无数据 ${counts.grey} 项。`,
      sectionColumn: "板块",
      totalColumn: "指标数",
      totalRow: "合计",
      attentionLead: (red, yellow) =>
        red + yellow === 0
          ? "本期没有红灯或黄灯指标。"
          : `红灯指标 ${red} 项、黄灯指标 ${yellow} 项，具体如下（红灯在前）：`,
      followUpLead: (count) => `其中连续两期及以上亮红灯、列入督办清单的指标 ${count} 项：`,
      rankingLead: (period) => `${period}如下：`,
      chaseLead: (count) => `逾期未报送数据 ${count} 项，请以下单位尽快报送：`,
      paceColumn: "每月需完成",
      statusNote:
        "绿灯：按序时推进或已完成；黄灯：略有滞后，仍在容差以内；红灯：严重滞后、未完成或超出区间；无数据：尚未报送数据。",
      madeBy: "本通报由 kpi 根据指标文件和各单位报送的数据生成。",
    },
    workbook: {
      sheets: { summary: "总表", ranking: "排名" },
      title: (title, office, asOf) =>
        `${office === null ? "" : `${office} `}${title}（截至 ${asOf}）`,
      ownerTitle: (owner, asOf) => `${owner}指标进展情况（截至 ${asOf}）`,
      columns: { section: "板块", unit: "单位", observedOn: "数据日期", remark: "备注" },
      font: "等线",
    },
    template: {
      columns: {
        id: "编号",
        title: "指标名称",
        unit: "单位",
        date: "日期",
        previous: "上期数值",
        expected: "序时进度",
        value: "数值",
        note: "备注",
        base: "同期",
      },
      instruction: (owner, period, date) =>
        `${owner} ${period} 数据填报表：请在“数值”列填写截至 ${date} 的数值，需要说明的写在“备注”列；其他各列请勿改动。`,
      valuePrompt: (unit, measure) => ({
        title: "数值",
        text: `${{ total: "填写截至本期末的累计数", period: "填写本期数（不是累计数）", rate: "填写累计增速（%）", level: "填写本期末的数值" }[measure]}${unit === null || measure === "rate" ? "" : `，单位：${unit}`}；只填数字。`,
      }),
      basePrompt: (unit) => ({
        title: "上年同期",
        text: `填写上年同期的累计数${unit === null ? "" : `，单位：${unit}`}；只填数字。`,
      }),
      milestonePrompt: { title: "是否完成", text: "选择“是”或“否”。" },
      valueError: { title: "不是数字", text: "请只填写数字，单位不必填写。" },
      milestoneError: { title: "请选择", text: "请选择“是”或“否”。" },
      done: "是",
      notDone: "否",
    },
    html: {
      lang: "zh-CN",
      nav: {
        followUp: "督办清单",
        chase: "催报",
        year: "全年一览",
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
        growthTitle: (target) => `${target}：各月累计增速与边界`,
        bound: (bound) => `边界 ${bound}`,
        growthPoint: (day, growth) => `${day}：${growth}`,
        legend: {
          expected: "序时进度",
          milestone: "节点",
          actual: "各月末实际值",
          asOf: "统计日",
          target: "目标值",
          bound: "增速指标的边界（计入左右）",
        },
      },
      footer: "由 kpi 根据指标文件和数据文件生成。本页面为单个独立文件，可离线打开，不访问网络。",
    },
  };
  return zh;
}
