/** Every human label kpi prints, in each language. JSON keys and values never go through here. */
import type { Reason, Status } from "./model.js";

export const LANGUAGES = ["en", "zh"] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Labels {
  status: Record<Status, string>;
  reason: Record<Reason, string>;
  columns: {
    status: string;
    id: string;
    title: string;
    owner: string;
    actual: string;
    expected: string;
    target: string;
    progress: string;
    note: string;
  };
  stale: string;
  star: string;
  asOf: string;
  targets: string;
  within: (min: number | null, max: number | null) => string;
  dueBy: string;
  yes: string;
  no: string;
  warnings: (count: number) => string;
  errors: (count: number) => string;
}

const en: Labels = {
  status: { green: "green", yellow: "yellow", red: "red", grey: "grey" },
  reason: {
    "no-data": "no data",
    achieved: "achieved",
    missed: "missed",
    "on-track": "on track",
    behind: "behind",
    "off-track": "off track",
    within: "within bounds",
    near: "near the bound",
    outside: "outside bounds",
    done: "done",
    overdue: "overdue",
    "due-soon": "due soon",
    pending: "pending",
  },
  columns: {
    status: "Status",
    id: "ID",
    title: "Title",
    owner: "Owner",
    actual: "Actual",
    expected: "Expected",
    target: "Target",
    progress: "Progress",
    note: "Note",
  },
  stale: "stale",
  star: "stretch met",
  asOf: "as of",
  targets: "targets",
  within: (min, max) =>
    min !== null && max !== null ? `${min}–${max}` : min !== null ? `≥ ${min}` : `≤ ${max}`,
  dueBy: "due",
  yes: "done",
  no: "not done",
  warnings: (count) => `${count} warning${count === 1 ? "" : "s"}`,
  errors: (count) => `${count} error${count === 1 ? "" : "s"}`,
};

const zh: Labels = {
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
  star: "达到争先值",
  asOf: "截至",
  targets: "项指标",
  within: (min, max) =>
    min !== null && max !== null ? `${min}–${max}` : min !== null ? `≥ ${min}` : `≤ ${max}`,
  dueBy: "期限",
  yes: "已完成",
  no: "未完成",
  warnings: (count) => `${count} 条警告`,
  errors: (count) => `${count} 个错误`,
};

const LABELS: Record<Language, Labels> = { en, zh };

export function labelsFor(language: Language): Labels {
  return LABELS[language];
}

/**
 * The language: `--lang`, else `KPI_LANG`, else a `zh*` `LANG`, else English. The environment
 * is passed in, so the choice is testable and never read deep inside.
 */
export function resolveLanguage(
  option: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Language | null {
  if (option !== undefined)
    return (LANGUAGES as readonly string[]).includes(option) ? (option as Language) : null;
  const fromEnv = env.KPI_LANG ?? env.LANG ?? "";
  return fromEnv.toLowerCase().startsWith("zh") ? "zh" : "en";
}
