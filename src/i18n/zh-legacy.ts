/**
 * TEMPORARY: the Chinese of messages still made in English (the `legacy.message` code), until
 * every place that makes one gives a code instead. Then this file goes.
 */
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

/** A legacy English message in Chinese, by the templates above; unknown ones stay English. */
export function translateLegacy(english: string): string {
  const hint = DID_YOU_MEAN.exec(english);
  if (hint) return `${translateLegacy(hint[1] as string)}（是否应为 ${hint[2]}？）`;
  for (const [pattern, translate] of ZH_MESSAGES) {
    const match = pattern.exec(english);
    if (match) return translate(...match.slice(1).map((part) => part ?? ""));
  }
  return english;
}
