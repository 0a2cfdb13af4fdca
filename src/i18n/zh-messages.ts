/** The Chinese words of every problem kpi reports. Values, keys and option names stay as written. */
import { codePointName } from "../core/invisible-characters.js";
import type {
  Expectation,
  IndentCharacter,
  Shown,
  WriteReason,
  YamlFileRole,
} from "../core/problem-codes.js";
import { formatPlace } from "../core/problems.js";
import { PRESETS } from "../core/schedule.js";
import type { Messages } from "./labels.js";

/** The words, made when a run first speaks Chinese (labelsFor): an English run never makes them. */
export function chineseMessages(): Messages {
  /** `（是否应为 "target"？）`, or nothing. */
  function didYouMean(suggestion: string | null): string {
    return suggestion === null ? "" : `（是否应为 ${JSON.stringify(suggestion)}？）`;
  }

  /** A suggestion for the command line, on a line of its own as commander's English has it. */
  function commandSuggestion(suggestion: string | null): string {
    return suggestion === null ? "" : `\n（是否应为 ${suggestion}？）`;
  }

  /** What a field must be, after `必须是`: a word that starts with a Latin letter gets a space. */
  const EXPECTED: Record<Expectation, string> = {
    text: "非空文本",
    number: "数字",
    date: "日期（YYYY-MM-DD）",
    percentage: '百分比（如 "30%"）',
    tolerance: '不小于 0 的数或百分比（如 "10%"）',
    milestone: '节点 { by: 日期, progress: "30%" } 或 { by: 日期, value: 数值 }',
    id: "编号",
    "id-characters": "由字母、数字、“.”、“_”和“-”组成，并以字母或数字开头",
    names: "一个名称或非空的名称列表",
    schedule: ` ${PRESETS.join("、")} 或节点列表`,
    "schedule-list": ` ${PRESETS.join("、")} 或非空的节点列表`,
    interpolation: " linear 或 step",
    aggregate: " last 或 sum",
    "whole-days": "不小于 0 的整数天数",
    issue: "不小于 1 的整数或文字（如“第 7 期”）",
    frequency: " monthly、quarterly、half-yearly 或 yearly",
    weight: "大于 0 的数",
    "month-day": '月日 "MM-DD"（如 "02-28"）',
    year: "年份（如 2022）",
    "target-fields": "指标字段的映射",
    targets: "非空的指标列表",
    file: "包含 year、defaults 和 targets 的映射",
    kind: " progress、level、milestone 或 growth",
    reference: "引用 { ref: 编号 }（可加 plus: N 或 times: N）",
    "number-or-reference": "数字或引用 { ref: 编号 }",
    bound: " min 或 max",
    "growth-input": " rate 或 value",
    "breach-after": "不小于 2 的整数",
    "project-file": "项目设置的映射（office、title、owners 等）",
    "owner-list": "非空的名称列表",
    scores: "包含 green、yellow、red、missing 和 late_penalty 的映射",
    "non-negative-number": "不小于 0 的数",
    boolean: " true 或 false",
    lang: " en 或 zh",
    "as-of": "日期（2022-03-31、2022-03、2022-Q1）、latest-data 或 today",
    timezone: " IANA 时区名（如 Asia/Shanghai）",
    contacts: "责任单位到其各平台账号的映射",
    contact: "平台（wecom、dingtalk、feishu、slack）到 user_ids 或 mobiles 的映射",
    "contact-ids": "非空的账号或手机号列表",
    "contact-id": "只含字母、数字和 _ . @ + - 的账号或手机号",
    valid: "有效的值",
  };

  /** After `实际为`: a value as written, with a space before it, or its shape in words. */
  function shown(got: Shown): string {
    if ("text" in got) return ` ${got.text}`;
    return { list: "列表", mapping: "映射", "invalid-date": "无效的日期" }[got.shape];
  }

  /** YAML 问题所在的文件。 */
  const FILE_ROLE: Record<YamlFileRole, string> = {
    target: "指标文件",
    project: "项目文件",
  };

  /** 编号中最常见的看不见的字符。 */
  const CHARACTER_NAMES: Readonly<Record<number, string>> = {
    160: "不间断空格",
    173: "软连字符",
    8203: "零宽空格",
    8204: "零宽不连字",
    8205: "零宽连字",
    8206: "从左到右标记",
    8207: "从右到左标记",
    8288: "字连接符",
    12288: "全角空格",
    65279: "字节顺序标记",
  };

  function characterName(codePoint: number): string {
    const name = CHARACTER_NAMES[codePoint];
    return name === undefined ? "" : `（${name}）`;
  }

  const INDENT_CHARACTER: Record<IndentCharacter, string> = {
    tab: "制表符",
    "no-break-space": "不间断空格（U+00A0）",
    "ideographic-space": "全角空格（U+3000）",
  };

  function writeReason(reason: WriteReason): string {
    if (typeof reason === "object") return reason.code ?? reason.system;
    return {
      "folder-missing": "所在文件夹不存在",
      "permission-denied": "没有权限",
      "is-folder": "这是一个文件夹",
      "path-through-file": "路径中有一段是文件，而不是文件夹",
      "disk-full": "磁盘已满",
      "disk-quota": "磁盘配额已用完",
      "file-too-large": "文件已达到允许的最大大小",
      "no-new-file": "所在文件夹中不能新建文件",
      "cannot-replace":
        "无法替换该文件，因为所在文件夹中不能新建文件（kpi 先在旁边写入新内容，再改名替换）",
      "names-folder": "以 / 结尾的路径是文件夹，不是文件",
    }[reason];
  }

  function milestoneName(index: number | null): string {
    return index === null ? "预设节点" : `schedule[${index}]`;
  }

  function quoteFix(key: string | null, value: string): string {
    return key === null ? JSON.stringify(value) : `${key}: ${JSON.stringify(value)}`;
  }

  /** A row's value as a problem shows it: a milestone's done or not done in words. */
  function rowValue(value: number | boolean): string {
    return typeof value === "boolean" ? (value ? "已完成" : "未完成") : String(value);
  }

  const zhMessages: Messages = {
    "path.not-found": ({ paths }) => `文件或文件夹不存在：${paths.join(", ")}`,
    "path.folder-unreadable": ({ code }) => `无法读取文件夹：${code}`,
    "path.no-target-files": ({ extensions }) =>
      `此文件夹中没有指标文件（${extensions.join("、")}）`,
    "path.no-data-files": ({ extensions }) => `此文件夹中没有数据文件（${extensions.join("、")}）`,
    "file.unreadable": ({ code }) => `无法读取文件：${code}`,
    "file.target-too-large": ({ maxBytes, role }) =>
      `文件大于 ${maxBytes / 2 ** 20} MiB，超出了${FILE_ROLE[role]}的大小上限`,
    "file.more-errors": ({ count }) => `本文件另有 ${count} 个错误`,
    "file.more-warnings": ({ count }) => `本文件另有 ${count} 条警告`,

    "yaml.invalid": () => 'YAML 格式错误：请检查此处的缩进、键后的 ": " 和引号',
    "yaml.nested-too-deeply": () => "YAML 格式错误：文件嵌套层数过多",
    "yaml.indent-character": ({ character }) =>
      `YAML 格式错误：该行用${INDENT_CHARACTER[character]}缩进，缩进只能用半角空格`,
    "yaml.full-width-colon": () =>
      'YAML 格式错误："：" 是全角冒号；键后应写半角冒号 ":" 和一个空格',
    "yaml.plain-value-start": ({ character, key, value }) =>
      `YAML 格式错误：不加引号的值不能以 ${JSON.stringify(character)} 开头，请加上引号：${quoteFix(key, value)}`,
    "yaml.colon-in-value": ({ key, value }) =>
      `YAML 格式错误：${key} 的值中有 ": "，会被当作又一个键；请加上引号：${quoteFix(key, value)}`,
    "yaml.bad-indent": () => "YAML 格式错误：此处缩进有误：同一列表或映射的各项须从同一列开始",
    "yaml.multiline-key": () => 'YAML 格式错误：键须写在一行内，后跟 ": "（是否缺少冒号？）',
    "yaml.missing-colon": () => 'YAML 格式错误：键后须有 ":" 和值',
    "yaml.unclosed-quote": ({ quote }) =>
      `YAML 格式错误：引号没有闭合：以 ${quote} 开头的值必须以 ${quote} 结尾`,
    "yaml.unclosed-bracket": ({ bracket }) =>
      `YAML 格式错误："${bracket}" 没有闭合：[ ] 中的列表或 { } 中的映射须以 "${bracket === "[" ? "]" : "}"}" 结尾`,
    "yaml.several-documents": ({ role }) =>
      `YAML 格式错误：文件含有多个文档（有 "---" 行）；${role === "target" ? "一个指标文件" : "项目文件"}只能是一个文档`,
    "yaml.bad-escape": ({ sequence }) =>
      `YAML 格式错误："${sequence}" 不是转义序列：双引号内的反斜杠须写作 "\\\\"（或改用单引号）`,
    "yaml.duplicate-key": ({ key }) => `键 "${key}" 重复`,
    "yaml.unknown-tag": ({ tag, role }) =>
      `未知的标签 ${tag}：${FILE_ROLE[role]}只含普通的值，kpi 不运行其中的任何代码`,
    "yaml.unknown-alias": ({ alias }) =>
      `无法展开文件中的别名：别名 *${alias} 之前没有定义锚点 &${alias}`,
    "yaml.too-many-aliases": ({ max, role }) =>
      `无法展开文件中的别名：展开后超过 ${max} 个节点，远超${FILE_ROLE[role]}所需`,
    "yaml.merge-not-mapping": () =>
      "合并键（<<）的值应为映射、映射的别名（*名称）或由它们组成的列表",
    "yaml.mapping-too-large": ({ keys, max }) => `映射有 ${keys} 个键：kpi 最多读取 ${max} 个`,
    "yaml.list-too-long": ({ items, max, role }) =>
      `列表有 ${items} 项：kpi 在一个列表中最多读取 ${max} 项${role === "target" ? "（更长的指标列表请拆分为多个文件）" : ""}`,

    "target.empty-file": () => "指标文件为空：应为包含指标列表（targets）的映射",
    "target.not-utf8": ({ encoding }) =>
      `文件不是 UTF-8 编码${encoding === null ? "" : `，而是 ${encoding}`}：请另存为 UTF-8`,
    "target.id-invisible-character": ({ id, codePoint }) =>
      `编号 "${id}" 含有看不见的字符 ${codePointName(codePoint)}${characterName(codePoint)}：请删除该字符（或重新输入编号）`,
    "target.duplicate-id": ({ id, first }) => `编号 "${id}" 重复，首次定义于 ${formatPlace(first)}`,
    "target.title-is-other-id": ({ title, first }) =>
      `名称 "${title}" 是 ${formatPlace(first)} 处指标的编号：数据行写 "${title}" 时会算作那个指标；请给本指标换一个名称`,
    "target.unknown-key": ({ key, suggestion }) => `未知的键 "${key}"${didYouMean(suggestion)}`,
    "target.key-of-other-kind": ({ key, kind, owners }) =>
      `未知的键 "${key}"：${kind} 类指标没有 ${key}（${owners.join("、")} 类指标才有）`,
    "target.id-default": () => "id 不能设默认值：每个指标须有自己的编号",
    "target.number-too-large": ({ field, value }) =>
      `${field ?? "文件"} ${value} 过大：数值须在 ±1e15 以内`,
    "target.more-numbers-too-large": ({ count }) => `另有 ${count} 个数值过大`,
    "target.date-not-calendar": ({ field, value }) => `${field} ${value} 不是有效的日历日期`,
    "target.date-needs-year": ({ field }) => `文件没有 year 时须填写 ${field}`,
    "target.deadline-before-start": ({ deadline, start }) =>
      `截止日期 ${deadline} 早于开始日期 ${start}`,
    "target.about-over-span": ({ about, baseline, target }) =>
      `about ${about} 不小于从基数 ${baseline} 到目标 ${target} 的全部幅度：任何数值都会算作完成；“左右”是目标旁的小幅余量（目标 80 时如 2）`,
    "target.about-over-rate": ({ about, rate }) =>
      `about ${about} 不小于增速 ${rate} 本身：边界会到达或越过 0，不变甚至反方向的变化也会算作达到；“左右”是小幅余量（增速 7 时如 0.5）`,
    "target.year-two-digit": ({ year, write }) =>
      `年份 ${year} 只有一两位数：请写完整年份 ${write}`,
    "target.target-equals-baseline": ({ baseline }) =>
      `目标值等于基数（${baseline}）：无法判断推进方向`,
    "target.milestone-needs-amount": ({ index }) =>
      `schedule[${index}] 须有 progress（如 "30%"）或 value`,
    "target.milestone-both-amounts": ({ index }) =>
      `schedule[${index}] 同时有 progress 和 value：只能填一个`,
    "target.milestone-outside-period": ({ index, by, start, deadline }) =>
      `${milestoneName(index)}（${by}）不在期间 ${start} 至 ${deadline} 内（截止日期总是最后一个节点）`,
    "target.milestone-out-of-order": ({ index, by }) =>
      `${milestoneName(index)}（${by}）顺序不对：节点须按日期先后排列`,
    "target.milestone-not-between": ({ index, value, previous, target }) =>
      `${milestoneName(index)}的数值 ${value} 须介于前一节点值 ${previous} 与目标值 ${target} 之间`,
    "target.level-needs-bound": () => "区间类指标须有 min、max 或两者",
    "target.first-report-not-monthly": ({ frequency }) =>
      `first_report 仅用于每月报送的指标，本指标为 ${frequency}`,
    "target.first-report-not-calendar": ({ value }) =>
      `first_report ${JSON.stringify(value)} 不是一年中的日期（MM-DD）`,
    "target.max-below-min": ({ max, min }) => `max ${max} 小于 min ${min}`,
    "target.growth-needs-bound": ({ rate }) =>
      `增速 ${rate} 为负（下降）：请用 bound 写明是上限（bound: max，如“下降3%”）还是下限（bound: min）`,
    "target.result-by-not-after": ({ resultBy, deadline }) =>
      `result_by ${resultBy} 不晚于截止日期 ${deadline}`,
    "target.reference-both": () => "引用只能有 plus 或 times 之一，不能同时有",
    "target.reference-unknown": ({ id, ref, suggestion }) =>
      `${id} 引用了 ${ref}，但没有这个编号的指标${suggestion === null ? "" : `（是否应为 ${JSON.stringify(suggestion)}？）`}`,
    "target.reference-milestone": ({ id, ref }) =>
      `${id} 引用了 ${ref}，它是节点任务指标：其实际值是完成与否，不是数值`,
    "target.reference-cycle": ({ id, ref, cycle }) =>
      `${id} 引用了 ${ref}，引用关系构成循环：${cycle.join(" → ")}`,
    "target.stretch-not-better": ({ stretch, bound, value }) =>
      `stretch ${stretch} 须优于边界：${bound === "max" ? "不大于" : "不小于"} ${bound} ${value}`,

    "schema.required": ({ field }) => (field === null ? "文件缺少内容" : `缺少必填字段 ${field}`),
    "schema.invalid": ({ field, expected, got, suggestion }) =>
      `${field ?? "文件"} 必须是${EXPECTED[expected]}${got === null ? "" : `，实际为${shown(got)}`}${didYouMean(suggestion)}`,

    "project.unknown-key": ({ key, suggestion, known }) =>
      `未知的键 "${key}"${suggestion === null ? `（可用的键：${known.join("、")}）` : didYouMean(suggestion)}`,
    "project.duplicate-owner": ({ owner, first }) =>
      `责任单位 "${owner}" 重复，首次出现于 ${formatPlace(first)}`,
    "project.missing-above-red": ({ missing, red }) =>
      `scores.missing（${missing}）高于 scores.red（${red}）：未报送的得分不能高于红灯`,
    "project.missing-above-late": ({ missing, status, points, latePenalty, late }) =>
      `scores.missing（${missing}）高于逾期报送的${{ green: "绿灯", yellow: "黄灯", red: "红灯" }[status]}结果的得分（${points} 减去 late_penalty ${latePenalty}，为 ${late}）：未报送的得分不能高于已报送的；请调低 missing 或 late_penalty`,
    "project.as-of-not-calendar": ({ value }) =>
      `as_of ${JSON.stringify(value)} 不是有效的日历日期`,
    "project.as-of-invalid": ({ value, suggestion }) =>
      `as_of ${JSON.stringify(value)} 无法识别（可用 2022-03-31、2022-03、2022-Q1 等日期，或 latest-data、today）${didYouMean(suggestion)}`,
    "project.timezone-unknown": ({ value, suggestion }) =>
      `timezone ${JSON.stringify(value)} 不是 IANA 时区名${suggestion === null ? "（如 Asia/Shanghai）" : didYouMean(suggestion)}`,
    "project.unknown-contact": ({ owner, suggestion }) =>
      `contacts 中的责任单位 "${owner}" 不是任何指标的责任单位，也不在 owners 中${suggestion === null ? "" : didYouMean(suggestion)}`,
    "project.not-utf8": ({ encoding }) =>
      `文件不是 UTF-8 编码${encoding === null ? "" : `，而是 ${encoding}`}：请另存为 UTF-8`,

    "owner.several-names": ({ name, names }) =>
      `责任单位 "${name}" 含有多个单位：请写成列表 [${names.join(", ")}]`,
    "owner.invisible-character": ({ name, codePoint }) =>
      `责任单位 "${name}" 含有看不见的字符 ${codePointName(codePoint)}${characterName(codePoint)}：请删除该字符（或重新输入名称）`,
    "owner.not-listed": ({ owner, suggestion, file }) =>
      `责任单位 "${owner}" 不在 ${file} 的 owners 中${didYouMean(suggestion)}`,

    "data.not-utf8": () => "文件不是有效的 UTF-8（可尝试 --encoding gb18030）",
    "data.mixed-encoding": ({ utf8Line }) =>
      `此行不是 UTF-8 编码，而第 ${utf8Line} 行是含中文的 UTF-8：是否从 GBK（GB18030）来源粘贴了单元格？请重新输入此行文字，或将整个文件另存为同一种编码（UTF-8）`,
    "csv.unclosed-quote": () => '引号字段没有闭合：以 " 开头的字段必须以 " 结尾',
    "csv.text-after-quote": () =>
      '闭合引号后面跟了逗号或行尾以外的内容（引号字段内的引号请写作 ""）',
    "csv.unreadable": ({ reason }) => `无法读取 CSV（${reason}）`,

    "data.no-header": ({ columns }) =>
      `文件没有表头行（${columns.join(",")}）：请在表格上方写一行表头`,
    "data.duplicate-column": ({ column, first, second }) =>
      `有两列都表示 ${column}："${first}" 和 "${second}"：请只保留一列`,
    "data.missing-column": ({ missing }) =>
      `表头缺少${missing.map(({ column, names }) => ` ${column} 列（可用列名：${names.join(", ")}）`).join("和")}：请在表头中补上`,
    "data.header-too-low": ({ rowsAbove, max }) =>
      `此行是表头，但其上方有 ${rowsAbove} 行内容：表头必须在前 ${max} 行之内；请删除其上方的标题行`,
    "data.header-separator": ({ separator }) =>
      separator === "pipe"
        ? "此行像是以“|”分隔的表头：请将文件另存为 CSV（逗号分隔）"
        : `此行像是以${separator === "tab" ? "制表符" : "分号"}分隔的表头，但其中还有逗号：请去掉表头中的逗号，或将文件另存为 CSV（逗号分隔）`,
    "data.full-width-commas": () => "此行用全角逗号（，）分隔字段：请改为半角逗号（,）",
    "data.header-encoding": ({ encoding }) =>
      encoding === "UTF-16"
        ? "文件像是没有字节顺序标记（BOM）的 UTF-16：请另存为 UTF-8（CSV UTF-8），或带 BOM 的“Unicode 文本”"
        : "文件像是按 UTF-8 读取的 GB18030（GBK）：请加 --encoding gb18030，或另存为 UTF-8",
    "data.header-not-found": ({ rows, columns, encoding }) =>
      `前 ${rows} 行中没有一行写明这些列：${columns.map(({ column, names }) => `${column}（${names.join(", ")}）`).join("、")}：请在表格上方写一行表头${encoding === null ? "" : `；文件按 ${encoding} 读取：如为其他编码，请用 --encoding 指定`}`,
    "data.text-not-data": ({ rows, columns }) =>
      `未读取：前 ${rows} 行中没有一行写明 ${columns.join("、")} 列（数据文件夹中的 .txt 或 .tsv 文件只有写明这些列时才读取）`,
    "data.file-not-read": ({ extensions }) =>
      `未读取：数据文件夹中只读取 ${extensions.join("、")} 文件；如需读取，请另存为 CSV（UTF-8），或将其移出此文件夹`,
    "data.more-files-not-read": ({ count }) => `此文件夹中另有 ${count} 个文件未读取`,
    "data.legacy-workbook": ({ extension }) =>
      `无法读取 ${extension} 工作簿：请在 Excel 或 WPS 中打开，另存为 .xlsx（Excel 工作簿）或 CSV UTF-8`,
    "data.sheet-not-read": ({ rows, columns }) =>
      `未读取此工作表：前 ${rows} 行中没有一行写明 ${columns.join("、")} 列`,
    "data.workbook-no-header": ({ rows, columns }) =>
      `此工作簿没有一个工作表有表头：各工作表前 ${rows} 行中都没有一行写明这些列：${columns.map(({ column, names }) => `${column}（${names.join(", ")}）`).join("、")}：请在表格上方写一行表头`,
    "data.workbook-unreadable": ({ reason, part, detail }) => {
      const where = part === null ? "" : `（${part}）`;
      switch (reason) {
        case "not-zip":
          return "不是 .xlsx 工作簿（不是 zip 文件）：请在 Excel 或 WPS 中打开，另存为 .xlsx（Excel 工作簿）";
        case "encrypted":
          return "工作簿设有密码，或是改了扩展名的旧版 .xls：请另存为不设密码的 .xlsx";
        case "not-workbook":
          return "是 zip 文件，但不是 Excel 工作簿（没有 xl/workbook.xml）：请另存为 .xlsx（Excel 工作簿）";
        case "corrupt-zip":
          return `工作簿已损坏：zip 结构有误${where}；请用 Excel 或 WPS 重新保存`;
        case "unsupported-zip":
          return `工作簿的压缩或加密方式无法读取${where}：请另存为不设密码的 .xlsx`;
        case "bad-xml":
          return `工作簿已损坏：XML 格式有误或不完整${where}；请用 Excel 或 WPS 重新保存`;
        case "dtd":
          return `工作簿含有 DTD${where}，电子表格软件不会写入：拒绝读取（其中的实体从不展开）`;
        case "entity":
          return `工作簿使用了实体 ${detail ?? ""}${where}，电子表格软件不会写入：拒绝读取`;
        case "bad-cell":
          return `工作簿已损坏：${JSON.stringify(detail ?? "")} 不是工作表范围内的单元格引用${where}`;
        case "bad-string":
          return `工作簿已损坏：单元格 ${detail ?? ""} 引用的共享字符串不存在${where}`;
      }
    },
    "data.too-much-data": ({ rows, files }) =>
      `一次运行的数据过多：超过 ${rows} 行，或有数据行的文件和工作表超过 ${files} 个；自此处起的数据行未读取：请分批检查`,
    "data.workbook-too-large": ({ part, maxBytes }) =>
      part === null
        ? `工作簿大于 ${maxBytes / (1 << 20)} MiB：请拆分，或将表格另存为 CSV`
        : `工作簿的部件 ${part} 解压后超过 ${maxBytes / (1 << 20)} MiB：文件已损坏或是压缩炸弹，拒绝读取`,
    "data.cell-error": ({ value }) => `单元格是错误值 ${value}：请改正公式或直接填写数值`,
    "data.cell-no-value": () =>
      "单元格是没有保存计算结果的公式：请在 Excel 或 WPS 中打开，计算后保存",
    "data.cell-number-not-date": ({ value, date }) =>
      date === null
        ? `日期单元格是数字 ${value}，不是日期：请把单元格格式设为日期，或以文本写日期，YYYY-MM-DD`
        : `日期单元格是数字 ${value}，不是日期（作为日期是 ${date}）：请把单元格格式设为日期，或写 ${date}`,
    "data.row-too-wide": ({ fields, header }) =>
      `该行有 ${fields} 个字段，但表头只有 ${header} 个；带千位分隔符的数值须加引号（"1,200"）`,
    "data.value-split": ({ value, next }) =>
      `数值 ${JSON.stringify(value)} 后面是一个只有数字的字段 ${JSON.stringify(next)}：是否未加引号的千位分隔符或小数逗号？请给数值加引号（"1,200"）或去掉逗号`,
    "data.target-empty": () => "指标编号为空：请填写指标的编号或名称",
    "data.unknown-id": ({ id, rows, suggestion, allowed }) =>
      allowed
        ? `没有编号为 "${id}" 的指标${rows > 1 ? `（${rows} 行）` : ""}：这些行已忽略${didYouMean(suggestion)}`
        : `没有编号或名称为 "${id}" 的指标${rows > 1 ? `（${rows} 行）` : ""}${didYouMean(suggestion)}`,
    "data.title-shared": ({ title, ids }) =>
      `"${title}" 是多个指标的名称（${ids.join("、")}）：请用指标编号`,
    "data.more-unknown-ids": ({ rows, allowed }) =>
      `本文件另有 ${rows} 行的编号没有对应的指标${allowed ? "：这些行已忽略" : ""}`,
    "data.date-not-calendar": ({ value }) => `日期 ${JSON.stringify(value)} 不是有效的日历日期`,
    "data.date-invalid": ({ value }) =>
      `日期 ${JSON.stringify(value)} 无法识别（可用格式：2022-03-31、2022/3/31、2022年3月31日、2022-03 或 2022-Q1）`,
    "data.date-time-of-day": ({ value, date }) =>
      `日期 ${JSON.stringify(value)} 带有时刻：请只写日期，${date}`,
    "data.date-two-digit-year": ({ value, date }) =>
      `日期 ${JSON.stringify(value)} 的年份只有两位：请写完整的四位年份${date === null ? "" : `，${date}`}`,
    "data.date-year-last": ({ value, date }) =>
      date === null
        ? `日期 ${JSON.stringify(value)} 把年份写在最后，月和日分不清：请把年份写在前面，YYYY-MM-DD`
        : `日期 ${JSON.stringify(value)} 把年份写在最后：请把年份写在前面，${date}`,
    "data.date-bare-number": ({ value, date }) =>
      date === null
        ? `日期 ${JSON.stringify(value)} 只是一个数字，不是日期：请写成日期，YYYY-MM-DD`
        : `日期 ${JSON.stringify(value)} 只是一个数字，不是日期（作为电子表格的日期序号是 ${date}）：请写成日期，${date}`,
    "data.date-range-aggregate": ({ value, id, first, last, date, kind, aggregate }) =>
      kind === "growth"
        ? `日期 ${JSON.stringify(value)} 是 ${first} 至 ${last} 月的当期数，而 ${id} 是增速指标，只接受自 1 月起的累计增速（1—N月）：请写 ${date.slice(0, 4)}年1-${last}月，或只写日期 ${date}，并填截至该日的累计增速`
        : kind !== "progress"
          ? `日期 ${JSON.stringify(value)} 是 ${first} 至 ${last} 月的区间，而 ${id} 是 ${kind} 指标，只接受日期，不接受区间：请只写日期，${date}`
          : first === 1
            ? `日期 ${JSON.stringify(value)} 是 1 至 ${last} 月的累计数，只有 aggregate: last 的指标接受累计数；${id} 是逐行相加的（aggregate: ${aggregate}）：请只写日期 ${date}，并填该期的当期数`
            : `日期 ${JSON.stringify(value)} 是 ${first} 至 ${last} 月的当期数，只有 aggregate: sum 的指标接受当期数；${id} 填的是累计数（aggregate: ${aggregate}）：请只写日期 ${date}，并填截至该日的累计数`,
    "data.base-not-number": ({ value }) =>
      `同期值 ${JSON.stringify(value)} 不是数字（应为上年同期数）`,
    "data.base-not-positive": ({ id, date, base }) =>
      `${id} 在 ${date} 的同期值 ${base} 不大于 0：无法计算增速`,
    "data.value-missing": ({ id, date }) => `${id} 在 ${date} 没有数值：该行已跳过`,
    "data.value-not-done": ({ value, done, notDone }) =>
      `数值 ${JSON.stringify(value)} 不是“完成/未完成”：请写其中之一（完成：${done.join(" ")}；未完成：${notDone.join(" ")}）`,
    "data.value-percent-unit": ({ value, id }) =>
      `数值 ${JSON.stringify(value)} 带有 % 号，但 ${id} 的单位不是 %：请去掉 % 号`,
    "data.value-not-number": ({ value }) =>
      `数值 ${JSON.stringify(value)} 不是数字：请写数字（36、-3.5 或 1200）`,
    "data.value-with-word": ({ value, write }) =>
      `数值 ${JSON.stringify(value)} 不是数字：请写 ${write}`,
    "data.value-too-large": ({ value }) =>
      `数值 ${JSON.stringify(value)} 过大：数值须在 ±1e15 以内`,
    "data.conflict": ({ id, date, here, there, first }) =>
      `${id} 在 ${date} 的数值此处为 ${rowValue(here)}，但在 ${formatPlace(first, "line")} 为 ${rowValue(there)}：请删去错误的一行，或在正确一行的备注开头写“更正”`,
    "data.base-conflict": ({ id, date, here, there, first }) =>
      `${id} 在 ${date} 的数值与 ${formatPlace(first, "line")} 相同，但同期数此处${here === null ? "未填" : `为 ${here}`}，该处${there === null ? "未填" : `为 ${there}`}，算出的增速不同：请删去错误的一行，或在正确一行的备注开头写“更正”`,
    "data.range-overlaps": ({ id, from, date, otherDate, other }) =>
      `${id} 此行数值是 ${from} 至 ${date} 的合计，其中 ${otherDate} 已在 ${formatPlace(other, "line")} 填报：累加时这段时间会重复计算；请只填尚未填报的月份，或删去此行所含的行`,
    "data.more-conflicts": ({ count }) => `本文件另有 ${count} 行与之前的行数值不一致`,
    "data.correction": ({ id, date, value, replaced, first }) =>
      `${id} 在 ${date} 的更正值 ${rowValue(value)} 取代了 ${formatPlace(first, "line")} 的 ${rowValue(replaced)}`,
    "data.more-corrections": ({ count }) => `本文件另有 ${count} 行更正`,
    "data.implausible-growth": ({ id, date, value, base, growth }) =>
      `${id} 在 ${date} 的数值 ${value} 与上年同期 ${base} 相比增长 ${growth}%：其中一个的单位是否有误？（两者请按指标的单位填写）`,
    "data.implausible-size": ({ id, date, value, target, unit }) =>
      `${id} 在 ${date} 的数值为 ${value}，而目标为 ${target}：单位是否有误？（与基数之差超过目标与基数之差的 10 倍${unit === null ? "" : `；请按${unit}填写`}）`,
    "data.total-reversed": ({ id, date, previousDate, from, to, direction }) =>
      `${id} 的累计值从 ${from}（${previousDate}）${direction === 1 ? "降到" : "升到"} ${to}（${date}）${direction === 1 ? "" : "，与目标方向相反"}：是否填了当月数而不是累计数？`,
    "data.percent-fraction": ({ id, date, value, write }) =>
      `${id} 在 ${date} 的数值 ${value} 表示 ${value}%；如为 ${write}%，请写 ${write}`,
    "data.more-implausible": ({ count }) => `本文件另有 ${count} 个需核实的数值`,
    "data.date-after-today": ({ id, date, today }) =>
      `${id} 有一行日期为 ${date}，晚于今天（${today}）：统计日早于该日时不使用这一行。年份或月份是否写错？`,
    "data.more-after-today": ({ count }) => `本文件另有 ${count} 行的日期晚于今天`,
    "data.reported-before-date": ({ id, date, reported }) =>
      `${id} 在 ${date} 的报送日期 ${reported} 早于该行日期：两个日期有一个写错了`,

    "option.as-of-not-calendar": ({ value }) =>
      `--as-of ${JSON.stringify(value)} 不是有效的日历日期`,
    "option.as-of-invalid": ({ value }) =>
      `--as-of ${JSON.stringify(value)} 不是日期（可用 2022-03-31、2022-03、2022-Q1 或 today）`,
    "option.lang-invalid": ({ value }) => `--lang 必须是 en 或 zh，实际为 ${JSON.stringify(value)}`,
    "option.issue-invalid": ({ value }) =>
      `--issue 必须是不小于 1 的整数（7 即“第 7 期”）或照印的期数文字，实际为 ${JSON.stringify(value)}`,
    "option.fail-on-invalid": ({ value, statuses }) =>
      `--fail-on 必须是 none 或以逗号分隔的状态（${statuses.join(", ")}），实际为 ${JSON.stringify(value)}`,
    "option.encoding-unknown": ({ encoding }) => `未知的编码 "${encoding}"`,
    "option.config-not-found": ({ path }) => `--config ${path}：文件不存在`,
    "option.unknown-target-id": ({ id, suggestion }) =>
      `没有编号为 ${JSON.stringify(id)} 的指标${suggestion === null ? "；kpi list 可列出全部指标" : didYouMean(suggestion)}`,

    "option.unknown-owner": ({ owner, suggestion, owners }) =>
      `没有责任单位为 ${JSON.stringify(owner)} 的指标${suggestion === null ? `；责任单位有：${owners.join("、")}` : didYouMean(suggestion)}`,
    "option.owner-missing": ({ both }) =>
      both
        ? "--owner 与 --all 只能选一个：--owner 单位名 生成一个单位的填报表，--all 生成每个单位的"
        : "请用 --owner 单位名 生成一个单位的填报表，或用 --all -o 文件夹 生成每个单位的",
    "option.period-missing": () =>
      "请用 --period 给出填报的期间，如 --period 2022-07（或 2022年三季度）",
    "option.period-invalid": ({ value }) =>
      `--period ${JSON.stringify(value)} 不是月份、季度或日期（如 2022-07、2022年三季度、2022-07-31）`,
    "option.all-needs-folder": () =>
      "--all 为每个单位各写一个文件：请用 -o 文件夹 给出写入的文件夹",

    "usage.unknown-command": ({ command, suggestion }) =>
      `错误：未知的命令 '${command}'${commandSuggestion(suggestion)}`,
    "usage.unknown-option": ({ option, suggestion }) =>
      `错误：未知的选项 '${option}'${commandSuggestion(suggestion)}`,
    "usage.missing-argument": ({ argument }) => `错误：缺少必需的参数 '${argument}'`,
    "usage.option-missing-value": ({ option }) => `错误：选项 '${option}' 缺少参数值`,
    "usage.invalid-choice": ({ option, value, choices }) =>
      `错误：选项 '${option}' 的参数值 '${value}' 无效，可选值为 ${choices.join(", ")}。`,
    "usage.too-many-arguments": ({ command, expected, got }) =>
      `错误：${command === null ? "" : `'${command}' 的`}参数过多：应为 ${expected} 个，实际为 ${got} 个。`,
    "usage.invalid": () => "错误：命令行无效（kpi --help 列出全部命令和选项）",

    "output.write-failed": ({ path, reason, nothingWritten }) =>
      `无法写入 ${path}：${writeReason(reason)}${nothingWritten ? "；未写入任何文件" : ""}`,
    "output.append-failed": ({ path, code }) => `无法追加写入 ${path}：${code}`,
    "notify.no-webhook": () =>
      "缺少机器人地址：请用 --webhook 或环境变量 KPI_WEBHOOK 给出（它是密钥，不要写进仓库中的文件）",
    "notify.bad-webhook": () => "机器人地址不是以 http:// 或 https:// 开头的网址",
    "notify.post-failed": ({ platform, attempts, detail, posted, total }) =>
      `向 ${platform} 发送失败，已尝试 ${attempts} 次（${detail}）；${total} 条消息中已发出 ${posted} 条`,
    "diff.not-json": ({ path }) =>
      `${path} 不是 JSON 文件：kpi diff 比较的是 kpi check --format json 的输出`,
    "diff.not-results": ({ path, field }) =>
      `${path} 不是 kpi check --format json 的输出（schemaVersion 2）：${field} 缺失或有误`,
    "output.empty-path": () => '-o 必须是文件名，实际为 ""',
    "output.is-input": ({ path, input }) => `无法写入 ${path}：这是本次读取的输入文件 ${input}`,
    "output.stdout-failed": ({ reason }) => `无法写入标准输出：${writeReason(reason)}`,
    "output.binary-to-terminal": ({ format, extension }) =>
      `--format ${format} 生成的是文件，不能输出到终端：请用 -o 指定文件，如 -o 通报${extension}`,
    "output.template-files-exist": ({ paths }) =>
      `${paths.length === 1 ? "填报表已存在" : `要写入的填报表中已有 ${paths.length} 个存在`}；未写入任何文件（--force 可覆盖；已存在的表可能是填好交回的）：${paths.map((path) => `\n  ${path}`).join("")}`,
    "output.init-files-exist": ({ paths }) =>
      `init 要写入的文件中已有 ${paths.length} 个存在；未写入任何文件（--force 可覆盖）：${paths.map((path) => `\n  ${path}`).join("")}`,
  };
  return zhMessages;
}
