/**
 * `kpi notify`: the month's digest and the chase list (催报) as group-chat messages, in each
 * platform's own format and within its size limit: the lines are split into as many messages as
 * it takes, never cut inside a line (a line longer than a whole message is cut with "…").
 * Pure: the command signs and posts them.
 */
import { formatDay } from "../core/dates.js";
import type { ReportModel } from "../core/report-model.js";
import type { Labels } from "../i18n/labels.js";
import { chaseMessage, describeResult, formatCounts, STATUS_EMOJI } from "./format.js";

export const PLATFORMS = ["wecom", "dingtalk", "feishu", "slack"] as const;
export type Platform = (typeof PLATFORMS)[number];

/**
 * Each platform's limit on a message's text, in UTF-8 bytes, with room for the payload around it:
 * 企业微信 markdown 4,096 bytes, 钉钉 markdown 20,000 bytes, 飞书 a request body of 20 KB, Slack
 * 40,000 characters (counted here as bytes, which is stricter).
 */
export const TEXT_LIMITS: Record<Platform, number> = {
  wecom: 4096,
  dingtalk: 20000,
  feishu: 18000,
  slack: 39000,
};

const bytes = (text: string) => Buffer.byteLength(text, "utf8");

/** The digest as lines of markdown: the heading, the counts, red and yellow targets, the chase list. */
export function digestLines(
  model: ReportModel,
  labels: Labels,
): { title: string; lines: string[] } {
  const words = labels.notify;
  const heading = [model.office, model.title ?? words.title].filter(Boolean).join(" · ");
  const title = words.heading(heading, formatDay(model.asOf));
  const lines = [`**${title}**`, formatCounts(model.summary, labels)];
  if (model.attention.length > 0) {
    lines.push("", `**${words.attention}**`);
    for (const { result } of model.attention)
      lines.push(
        `- ${STATUS_EMOJI[result.status]} ${result.target.title}：${describeResult(result, labels)}`,
      );
  }
  if (model.chase.length > 0) {
    lines.push("", `**${words.chase}**`);
    for (const group of model.chase)
      for (const item of group.items) lines.push(`- ${chaseMessage(item, group.owner, labels)}`);
  }
  return { title, lines };
}

/** The lines in messages of at most `limit` bytes each, each after the first marked as continued. */
export function splitMessages(lines: readonly string[], limit: number, labels: Labels): string[] {
  const messages: string[][] = [[]];
  let size = 0;
  const room = limit - bytes(labels.notify.continued(99, 99)) - 2;
  for (const whole of lines) {
    let line = whole;
    if (bytes(line) > room) {
      // Cut at a character, never inside one.
      let cut = "";
      for (const character of line) {
        if (bytes(cut + character) > room - bytes("…")) break;
        cut += character;
      }
      line = `${cut}…`;
    }
    const current = messages.at(-1) as string[];
    if (current.length > 0 && size + bytes(line) + 1 > room) {
      messages.push([line]);
      size = bytes(line);
    } else {
      current.push(line);
      size += bytes(line) + 1;
    }
  }
  return messages.map((message, index) =>
    [
      index === 0 ? "" : `${labels.notify.continued(index + 1, messages.length)}\n`,
      message.join("\n"),
    ].join(""),
  );
}

/** One message's payload, as the platform's webhook takes it. */
export function payload(platform: Platform, title: string, text: string): unknown {
  switch (platform) {
    case "wecom":
      return { msgtype: "markdown", markdown: { content: text } };
    case "dingtalk":
      return { msgtype: "markdown", markdown: { title, text } };
    case "feishu":
      return {
        msg_type: "interactive",
        card: {
          header: { title: { tag: "plain_text", content: title } },
          elements: [{ tag: "markdown", content: text }],
        },
      };
    case "slack":
      // Slack's mrkdwn bolds with one asterisk.
      return { text: text.replace(/\*\*(.+?)\*\*/g, "*$1*") };
  }
}

/** Every payload of the digest for a platform, in the order they are posted. */
export function digestPayloads(model: ReportModel, platform: Platform, labels: Labels): unknown[] {
  const { title, lines } = digestLines(model, labels);
  return splitMessages(lines, TEXT_LIMITS[platform], labels).map((text) =>
    payload(platform, title, text),
  );
}
