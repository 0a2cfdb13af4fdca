/**
 * What belongs to the office rather than to a target (SPEC section 7, the project file `kpi.yaml`):
 * the settings as the core uses them, with the defaults that hold when the file, or a key, is absent.
 */
import type { Day } from "./dates.js";
import { defaultAsOf, type ObservationsById } from "./evaluate.js";
import type { Place } from "./problems.js";

/** The group chats `kpi notify` posts to: 企业微信, 钉钉, 飞书, Slack. */
export const PLATFORMS = ["wecom", "dingtalk", "feishu", "slack"] as const;
export type Platform = (typeof PLATFORMS)[number];

/**
 * How one owner is @-mentioned on one platform, as its robot's webhook takes it: member ids
 * (企业微信 userid, 钉钉 userId, 飞书 open_id, Slack member ID) and mobile numbers (企业微信, 钉钉).
 */
export interface ContactIds {
  userIds: readonly string[];
  mobiles: readonly string[];
}

/** An owner's entry under `contacts:` in kpi.yaml, with its place (an unknown owner is an error there). */
export interface Contact {
  owner: string;
  place: Place;
  ids: Readonly<Partial<Record<Platform, ContactIds>>>;
}

/** The points of a result by its status (SPEC 6); `missing` scores a late grey result. */
export interface Scores {
  green: number;
  yellow: number;
  red: number;
  /** A grey result that is late (a report is due and none came). */
  missing: number;
  /** Taken off a late progress result's points (never below 0). */
  latePenalty: number;
}

export const DEFAULT_SCORES: Readonly<Scores> = {
  green: 100,
  yellow: 60,
  red: 0,
  missing: 0,
  latePenalty: 0,
};

/** The as-of date when `--as-of` is not given: a date, the latest data date (v1), or today. */
export type AsOfSetting = { kind: "date"; day: Day } | { kind: "latest-data" } | { kind: "today" };

export interface ProjectSettings {
  /** Shown on every report and page. */
  office: string | null;
  /** The report's title. */
  title: string | null;
  /** A line shown on every report, page and notice ("示例数据，非官方统计"); null when not given. */
  notice: string | null;
  /** The notice's issue: a number (第 7 期) or its line as printed; null when not given. */
  issue: number | string | null;
  /** Days after a period's end that its report is due. @default 10 */
  dueDays: number;
  /** The official order of the owners: ties and owner lists follow it; null when not given. */
  owners: readonly string[] | null;
  scores: Scores;
  /** A row for an unknown id is a warning, not an error. @default false */
  allowUnknown: boolean;
  /** The labels' language, after `--lang` and `KPI_LANG`. */
  lang: "en" | "zh" | null;
  /** @default today */
  asOf: AsOfSetting;
  /** The IANA time zone that "today" is taken in; null: the machine's. */
  timezone: string | null;
  /** Target fields for every target of every file, under each file's own `defaults`. */
  defaults: Readonly<Record<string, unknown>>;
  /** Whom `kpi notify` @-mentions for each owner, by platform. */
  contacts: readonly Contact[];
}

/** The settings of a run without a project file. */
export const DEFAULT_PROJECT: Readonly<ProjectSettings> = {
  office: null,
  title: null,
  notice: null,
  issue: null,
  dueDays: 10,
  owners: null,
  scores: DEFAULT_SCORES,
  allowUnknown: false,
  lang: null,
  asOf: { kind: "today" },
  timezone: null,
  defaults: {},
  contacts: [],
};

/**
 * The as-of date of a setting (SPEC 4): a date as it is, `latest-data` the latest date of any row
 * of a known target (today when there is none, as in v1), `today` today. `today` is asked only
 * when needed.
 */
export function asOfDate(
  setting: AsOfSetting,
  observations: ObservationsById,
  today: () => Day,
): Day {
  switch (setting.kind) {
    case "date":
      return setting.day;
    case "latest-data":
      return defaultAsOf(observations, today());
    case "today":
      return today();
  }
}

/** The issue's number a text writes (`7`, `07`, `７` for 第 7 期), or null for any other text. */
export function issueNumber(text: string): number | null {
  const digits = text.normalize("NFKC").trim();
  return /^0*[1-9][0-9]{0,8}$/.test(digits) ? Number(digits) : null;
}
