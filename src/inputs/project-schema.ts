/**
 * The zod schema of the project file `kpi.yaml` (SPEC section 7): the shape and types of every key.
 * What relates values to each other or to the calendar (scores.missing ≤ scores.red, a date, a
 * time zone, owners named once) is checked in project-file.ts.
 */
import * as z from "zod/mini";
import type { Expectation } from "../core/problem-codes.js";
// Also sets zod's configuration (jitless), as for target files.
import { describe, REQUIRED } from "./target-schema.js";

/** Every Expectation a key of this schema can fail. */
export const PROJECT_EXPECTATIONS = [
  "text",
  "number",
  "whole-days",
  "target-fields",
  "project-file",
  "owner-list",
  "scores",
  "non-negative-number",
  "boolean",
  "lang",
  "as-of",
  "timezone",
  "issue",
  "contacts",
  "contact",
  "contact-ids",
  "contact-id",
] as const satisfies readonly Expectation[];

function expect(what: (typeof PROJECT_EXPECTATIONS)[number]) {
  return {
    error: (issue: { input?: unknown }) => (issue.input === undefined ? REQUIRED : what),
  };
}

/**
 * The schema, built the first time a file is checked against it: a file of the common keys is
 * checked by hand first (project-file.ts), and a run without a problem in its kpi.yaml never builds
 * it (building zod's schemas is a millisecond of every start).
 */
function buildProjectFileSchema() {
  const text = z.string(expect("text")).check(z.trim(), z.minLength(1, expect("text")));
  const points = (english: string, chinese: string) =>
    z
      .number(expect("number"))
      .check(z.meta(describe(english, chinese)))
      .apply(z.optional);

  const scoresSchema = z
    .strictObject(
      {
        green: points("points of a green result; default 100", "绿灯得分，默认 100"),
        yellow: points(
          "points of a yellow result (and of one achieved or done late); default 60",
          "黄灯得分（逾期完成同黄灯），默认 60",
        ),
        red: points("points of a red result; default 0", "红灯得分，默认 0"),
        missing: points(
          "points of a late grey result (a report is due and none came), at most red; default 0",
          "应报未报（灰灯且逾期）的得分，不得高于红灯，默认 0",
        ),
        late_penalty: z
          .number(expect("non-negative-number"))
          .check(z.gte(0, expect("non-negative-number")))
          .check(
            z.meta(
              describe(
                "points taken off a late progress result (never below 0); default 0",
                "进度指标逾期报送的扣分（扣后不低于 0），默认 0",
              ),
            ),
          )
          .apply(z.optional),
      },
      expect("scores"),
    )
    .check(
      z.meta(
        describe("the points of each status in the owners' scores", "责任单位评分中各状态的得分"),
      ),
    );

  // An id or a mobile number: a text, or a number as YAML reads 13800000000 unquoted.
  const contactId = z.union(
    [
      // Letters, digits and _ . @ + - only: an id is put into the message's markup as it is.
      z
        .string(expect("contact-id"))
        .check(z.trim(), z.regex(/^\s*[\w.@+-]+\s*$/, expect("contact-id"))),
      z.int(expect("contact-id")).check(z.gte(0, expect("contact-id"))),
    ],
    expect("contact-id"),
  );
  const ids = (english: string, chinese: string) =>
    z
      .array(contactId, expect("contact-ids"))
      .check(z.minLength(1, expect("contact-ids")))
      .check(z.meta(describe(english, chinese)))
      .apply(z.optional);
  const userIds = (english: string, chinese: string) =>
    ids(`${english} to @-mention`, `要 @ 的${chinese}`);
  const mobiles = ids("mobile numbers to @-mention", "要 @ 的手机号");
  const platform = (
    shape: Record<string, ReturnType<typeof ids>>,
    english: string,
    chinese: string,
  ) =>
    z
      .strictObject(shape, expect("contact"))
      .check(z.meta(describe(english, chinese)))
      .apply(z.optional);
  const contactSchema = z
    .strictObject(
      {
        wecom: platform(
          { user_ids: userIds("企业微信 userids", "企业微信成员账号（userid）"), mobiles },
          "企业微信: userids (<@userid> in the markdown) or mobiles (mentioned_mobile_list)",
          "企业微信：成员账号（markdown 中的 <@userid>）或手机号（mentioned_mobile_list）",
        ),
        dingtalk: platform(
          { user_ids: userIds("钉钉 userIds", "钉钉用户 ID（userId）"), mobiles },
          "钉钉: userIds (at.atUserIds) or mobiles (at.atMobiles)",
          "钉钉：用户 ID（at.atUserIds）或手机号（at.atMobiles）",
        ),
        feishu: platform(
          { user_ids: userIds("飞书 open_ids (ou_…)", "飞书 open_id（ou_ 开头）") },
          "飞书: open_ids, <at id=…></at> in the card",
          "飞书：open_id，卡片中的 <at id=…></at>",
        ),
        slack: platform(
          { user_ids: userIds("Slack member IDs (U…)", "Slack 成员 ID（U 开头）") },
          "Slack: member IDs, <@U…> in the text",
          "Slack：成员 ID，文本中的 <@U…>",
        ),
      },
      expect("contact"),
    )
    .check(
      z.meta(
        describe(
          "how this owner is @-mentioned on each platform",
          "该责任单位在各平台上被 @ 的方式",
        ),
      ),
    );

  // The keys of `kpi.yaml`, in the order the SPEC lists them.
  return z
    .strictObject(
      {
        office: text
          .check(
            z.meta(
              describe("the office, shown on every report and page", "单位名称，显示在每份报告上"),
            ),
          )
          .apply(z.optional),
        title: text.check(z.meta(describe("the report's title", "报告标题"))).apply(z.optional),
        notice: text
          .check(
            z.meta(
              describe(
                "a line shown on every report, page and notice (示例数据，非官方统计)",
                "显示在每份报告、页面和通报上的提示（如“示例数据，非官方统计”）",
              ),
            ),
          )
          .apply(z.optional),
        issue: z
          .union(
            [
              z.int(expect("issue")).check(z.gte(1, expect("issue"))),
              z.string(expect("issue")).check(z.trim(), z.minLength(1, expect("issue"))),
            ],
            expect("issue"),
          )
          .check(
            z.meta(
              describe(
                "the notice's issue: a number (7: 第 7 期) or the issue line as it is printed; --issue overrides it",
                "通报的期数：数字（7 即“第 7 期”）或照印的期数文字；--issue 优先",
              ),
            ),
          )
          .apply(z.optional),
        due_days: z
          .int(expect("whole-days"))
          .check(z.gte(0, expect("whole-days")))
          .check(
            z.meta(
              describe(
                "days after a period's end that its report is due; default 10",
                "每期数据在期末后多少天内报送，默认 10",
              ),
            ),
          )
          .apply(z.optional),
        owners: z
          .array(text, expect("owner-list"))
          .check(z.minLength(1, expect("owner-list")))
          .check(
            z.meta(
              describe(
                "the owners in the official order: ties and owner lists follow it, and every target's owner must be one of them",
                "责任单位的正式顺序：并列名次和单位列表按此排列，指标的责任单位须在其中",
              ),
            ),
          )
          .apply(z.optional),
        scores: scoresSchema.apply(z.optional),
        allow_unknown: z
          .boolean(expect("boolean"))
          .check(
            z.meta(
              describe(
                "true: a data row for an unknown id is a warning, not an error; default false",
                "为 true 时，数据中未知编号的行只作警告，不作错误；默认 false",
              ),
            ),
          )
          .apply(z.optional),
        lang: z
          .enum(["zh", "en"], expect("lang"))
          .check(
            z.meta(
              describe(
                "the labels' language, after --lang and KPI_LANG, before LANG",
                "标签语言（--lang 与 KPI_LANG 优先，其次为此项，再次为 LANG）",
              ),
            ),
          )
          .apply(z.optional),
        as_of: z
          .string(expect("as-of"))
          .check(
            z.meta(
              describe(
                "the as-of date without --as-of: a date (2022-06-30, 2022-06, 2022-Q2), latest-data (the latest data row's date) or today (the default)",
                "未给 --as-of 时的评估日期：日期（2022-06-30、2022-06、2022-Q2）、latest-data（最新数据的日期）或 today（默认）",
              ),
            ),
          )
          .apply(z.optional),
        timezone: z
          .string(expect("timezone"))
          .check(
            z.meta(
              describe(
                'the IANA time zone of "today", like Asia/Shanghai; default the machine\'s',
                "“今天”所在的 IANA 时区，如 Asia/Shanghai；默认为本机时区",
              ),
            ),
          )
          .apply(z.optional),
        defaults: z
          .record(z.string(), z.unknown(), expect("target-fields"))
          .check(
            z.meta(
              describe(
                "target fields for every target of every file, under each file's own defaults",
                "所有指标文件中所有指标的默认字段（各文件自己的 defaults 优先）",
              ),
            ),
          )
          .apply(z.optional),
        contacts: z
          .record(z.string(), contactSchema, expect("contacts"))
          .check(
            z.meta(
              describe(
                "whom kpi notify @-mentions for an owner that is late or red: owner → platform → user_ids or mobiles",
                "kpi notify 对逾期未报或红灯的责任单位 @ 谁：责任单位 → 平台 → user_ids 或 mobiles",
              ),
            ),
          )
          .apply(z.optional),
      },
      expect("project-file"),
    )
    .check(
      z.meta({
        title: "kpi project file (kpi.yaml)",
        ...describe(
          "what belongs to the office rather than to a target (SPEC section 7); every key is optional",
          "kpi 项目文件：属于督查单位而非单个指标的设置；每个键都可省略",
        ),
      }),
    );
}

let built: ReturnType<typeof buildProjectFileSchema> | undefined;

/** The zod schema of the project file (built once, when first asked for). */
export function projectFileSchema(): ReturnType<typeof buildProjectFileSchema> {
  built ??= buildProjectFileSchema();
  return built;
}

export type ProjectFileInput = z.infer<ReturnType<typeof buildProjectFileSchema>>;

/** The keys of the file, and of its `scores`, for "did you mean" and the list of keys. */
export const PROJECT_KEYS = [
  "office",
  "title",
  "notice",
  "issue",
  "due_days",
  "owners",
  "scores",
  "allow_unknown",
  "lang",
  "as_of",
  "timezone",
  "defaults",
  "contacts",
] as const satisfies readonly (keyof ProjectFileInput)[];
/** The platforms of an owner's `contacts` entry, and the ids each takes. */
export const CONTACT_KEYS: Readonly<Record<string, readonly string[]>> = {
  wecom: ["user_ids", "mobiles"],
  dingtalk: ["user_ids", "mobiles"],
  feishu: ["user_ids"],
  slack: ["user_ids"],
};
export const SCORE_KEYS = [
  "green",
  "yellow",
  "red",
  "missing",
  "late_penalty",
] as const satisfies readonly (keyof NonNullable<ProjectFileInput["scores"]>)[];
