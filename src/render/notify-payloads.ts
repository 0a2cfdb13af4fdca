/**
 * `kpi notify`: the month's digest and the chase list (催报) as group-chat messages, in each
 * platform's own format and within its size limit: the lines are split into as many messages as
 * it takes, never cut inside a line (a line longer than a whole message is cut with "…").
 * The owners that are late or red are @-mentioned where kpi.yaml's `contacts:` says how, each
 * platform in its robot's own way. Pure: the command signs and posts them.
 */
import { formatDay } from "../core/dates.js";
import type { Contact, ContactIds, Platform } from "../core/project.js";
import type { ReportModel } from "../core/report-model.js";
import type { Labels } from "../i18n/labels.js";
import { chaseMessage, describeResult, formatCounts, STATUS_EMOJI } from "./format.js";

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

/** An owner to @-mention, with its ids on the platform. */
export interface Mention {
  owner: string;
  ids: ContactIds;
}

/**
 * The owners to @-mention on a platform: those that owe a report (the chase list), then those with
 * a red target, each once, when `contacts` gives it ids there.
 */
export function mentionsOf(
  model: ReportModel,
  platform: Platform,
  contacts: readonly Contact[],
): Mention[] {
  const owners: string[] = [];
  for (const group of model.chase) if (group.owner !== null) owners.push(group.owner);
  for (const { result } of model.attention)
    if (result.status === "red") owners.push(...result.target.owner);
  const byOwner = new Map(contacts.map((contact) => [contact.owner, contact.ids[platform]]));
  const mentions: Mention[] = [];
  for (const owner of new Set(owners)) {
    const ids = byOwner.get(owner);
    if (ids !== undefined && ids.userIds.length + ids.mobiles.length > 0)
      mentions.push({ owner, ids });
  }
  return mentions;
}

/**
 * One owner's mention in a message's text, as the platform marks it: 企业微信 `<@userid>` (its
 * mobiles go in a text message of their own: markdown cannot carry them), 钉钉 `@mobile` and
 * `@userId` (with the message's `at`), 飞书's card `<at id=open_id></at>`, Slack `<@U…>`.
 */
function mentionText(platform: Platform, ids: ContactIds): string {
  switch (platform) {
    case "wecom":
      return ids.userIds.map((id) => `<@${id}>`).join(" ");
    case "dingtalk":
      return [...ids.mobiles, ...ids.userIds].map((id) => `@${id}`).join(" ");
    case "feishu":
      return ids.userIds.map((id) => `<at id=${id}></at>`).join(" ");
    case "slack":
      return ids.userIds.map((id) => `<@${id}>`).join(" ");
  }
}

/**
 * Text of the inputs (a title, an owner, a department's note) shown as it is in a platform's
 * markup: what would start a mention or a tag there (`<!channel>`, `<at id=all></at>`, `<@id>`)
 * is written as an entity where the platform reads entities (Slack, 飞书) and as a full-width
 * bracket where it may not (企业微信, 钉钉); a zero-width space keeps `[text](url)` from being a
 * link. A title must not @ the whole group.
 */
export function chatText(platform: Platform, text: string): string {
  const shown =
    platform === "slack" || platform === "feishu"
      ? text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      : text.replace(/</g, "\uff1c").replace(/>/g, "\uff1e");
  return shown.replace(/\]\(/g, "]\u200b(");
}

/** The digest as lines of markdown: the heading, the counts, red and yellow targets, the chase list. */
export function digestLines(
  model: ReportModel,
  labels: Labels,
  platform: Platform,
  mentions: readonly Mention[] = [],
): { title: string; lines: string[] } {
  const words = labels.notify;
  const shown = (text: string) => chatText(platform, text);
  const heading = [model.office, model.title ?? words.title].filter(Boolean).join(" · ");
  const title = words.heading(heading, formatDay(model.asOf));
  const lines = [`**${shown(title)}**`, formatCounts(model.summary, labels)];
  if (model.attention.length > 0) {
    lines.push("", `**${words.attention}**`);
    for (const { result } of model.attention)
      lines.push(
        `- ${STATUS_EMOJI[result.status]} ${shown(result.target.title)}：${shown(describeResult(result, labels))}`,
      );
  }
  if (model.chase.length > 0) {
    lines.push("", `**${words.chase}**`);
    for (const group of model.chase)
      for (const item of group.items)
        lines.push(`- ${shown(chaseMessage(item, group.owner, labels))}`);
  }
  const mentioned = mentions.flatMap(({ owner, ids }) => {
    const text = mentionText(platform, ids);
    return text === "" ? [] : [`- ${shown(owner)} ${text}`];
  });
  if (mentioned.length > 0) lines.push("", `**${words.mentions}**`, ...mentioned);
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
export function payload(
  platform: Platform,
  title: string,
  text: string,
  mentions: readonly Mention[] = [],
): unknown {
  switch (platform) {
    case "wecom":
      return { msgtype: "markdown", markdown: { content: text } };
    case "dingtalk": {
      // 钉钉 notifies whom `at` names, and only where the text says @ them too.
      const named = (id: string) => text.includes(`@${id}`);
      const atMobiles = mentions.flatMap(({ ids }) => ids.mobiles.filter(named));
      const atUserIds = mentions.flatMap(({ ids }) => ids.userIds.filter(named));
      const at =
        atMobiles.length + atUserIds.length === 0
          ? {}
          : { at: { atMobiles, atUserIds, isAtAll: false } };
      return { msgtype: "markdown", markdown: { title, text }, ...at };
    }
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

/**
 * Every payload of the digest for a platform, in the order they are posted; the owners that are
 * late or red @-mentioned as `contacts` says. 企业微信's markdown cannot mention by mobile number:
 * those go last, in a text message with `mentioned_mobile_list`.
 */
export function digestPayloads(
  model: ReportModel,
  platform: Platform,
  labels: Labels,
  contacts: readonly Contact[] = [],
): unknown[] {
  const owners = mentionsOf(model, platform, contacts);
  const { title, lines } = digestLines(model, labels, platform, owners);
  const payloads = splitMessages(lines, TEXT_LIMITS[platform], labels).map((text) =>
    payload(platform, title, text, owners),
  );
  if (platform === "wecom") {
    const byMobile = owners.filter(({ ids }) => ids.mobiles.length > 0);
    if (byMobile.length > 0)
      payloads.push({
        msgtype: "text",
        text: {
          content: labels.notify.mentionText(byMobile.map(({ owner }) => owner)),
          mentioned_mobile_list: byMobile.flatMap(({ ids }) => ids.mobiles),
        },
      });
  }
  return payloads;
}
