/**
 * `kpi notify` run as a user runs it, posting to a local server on 127.0.0.1 that records every
 * request: each platform's payload, 钉钉's and 飞书's signatures checked as their documents say,
 * messages split under the platform's limit, a 429 then success, an error the platform answers, a
 * server that never answers (a bounded timeout), and the URL never printed.
 */
import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, REPO, runExample } from "../run-kpi.js";

interface Request {
  url: string;
  body: Record<string, unknown>;
}

/** What the server does with the next request: answer (status, body), or never answer. */
type Answer = { status: number; body: unknown } | "silence";

const requests: Request[] = [];
/** Requests that arrived, counted before their bodies are read (a client may give up meanwhile). */
let arrived = 0;
let answers: Answer[] = [];
const server = createServer((request: IncomingMessage, response: ServerResponse) => {
  arrived++;
  let text = "";
  request.setEncoding("utf8");
  request.on("data", (chunk: string) => {
    text += chunk;
  });
  request.on("end", () => {
    requests.push({ url: request.url ?? "", body: JSON.parse(text) });
    const answer = answers.shift() ?? { status: 200, body: { errcode: 0, errmsg: "ok" } };
    if (answer === "silence") return;
    response.writeHead(answer.status, { "content-type": "application/json" });
    response.end(JSON.stringify(answer.body));
  });
});
let base = "";
beforeAll(
  () =>
    new Promise<void>((resolve) =>
      server.listen(0, "127.0.0.1", () => {
        base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        resolve();
      }),
    ),
);
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The built CLI without blocking this process, so that the server answers meanwhile. */
function kpi(args: string[], env: Record<string, string> = {}, cwd = REPO) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: {
        ...process.env,
        NO_COLOR: "1",
        KPI_LANG: "",
        LANG: "C",
        KPI_WEBHOOK: "",
        KPI_WEBHOOK_SECRET: "",
        KPI_NOTIFY_BACKOFF_MS: "10",
        ...env,
      },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const JUNE = ["--as-of", "2022-06-30", "--lang", "zh"];

function reset(next: Answer[] = []) {
  requests.length = 0;
  arrived = 0;
  answers = next;
}

describe("kpi notify", () => {
  it("posts 企业微信 its markdown message, the one --dry-run prints", async () => {
    reset();
    const dry = runExample(["notify", "--to", "wecom", "--dry-run", ...JUNE]);
    expect(dry.code).toBe(0);
    const payload = JSON.parse(dry.stdout);
    expect(payload.msgtype).toBe("markdown");
    expect(payload.markdown.content).toMatch(
      /^\*\*XX县人民政府督查室 · 县政府重点工作月度亮晒（截至 2022-06-30）\*\*\n🔴 4 红灯/,
    );
    expect(payload.markdown.content).toContain("- 科技局：请尽快报送 研发投入强度 2022-05-31 数据");
    const run = await kpi([
      "notify",
      "--to",
      "wecom",
      "--webhook",
      `${base}/wecom?key=s3cr3t`,
      ...JUNE,
    ]);
    expect(run).toEqual({ code: 0, stdout: "已向 wecom 发送 1 条消息\n", stderr: "" });
    expect(requests).toEqual([{ url: "/wecom?key=s3cr3t", body: payload }]);
  });

  it("signs 钉钉's URL with KPI_WEBHOOK_SECRET: timestamp, and base64 HMAC-SHA256 of it and the secret", async () => {
    reset();
    const secret = "SEC0123456789abcdef";
    const run = await kpi(["notify", "--to", "dingtalk", ...JUNE], {
      KPI_WEBHOOK: `${base}/robot/send?access_token=t0ken`,
      KPI_WEBHOOK_SECRET: secret,
    });
    expect(run.code).toBe(0);
    const url = new URL(requests[0]?.url ?? "", base);
    expect(url.searchParams.get("access_token")).toBe("t0ken");
    const timestamp = url.searchParams.get("timestamp") ?? "";
    expect(timestamp).toMatch(/^\d{13}$/);
    expect(url.searchParams.get("sign")).toBe(
      createHmac("sha256", secret).update(`${timestamp}\n${secret}`).digest("base64"),
    );
    expect(requests[0]?.body).toMatchObject({
      msgtype: "markdown",
      markdown: { title: "XX县人民政府督查室 · 县政府重点工作月度亮晒（截至 2022-06-30）" },
    });
  });

  it("signs 飞书's body: timestamp in seconds, base64 HMAC-SHA256 keyed by it and the secret", async () => {
    reset([{ status: 200, body: { code: 0, msg: "success" } }]);
    const secret = "feishu-secret";
    const run = await kpi(["notify", "--to", "feishu", "--webhook", `${base}/hook/x`, ...JUNE], {
      KPI_WEBHOOK_SECRET: secret,
    });
    expect(run.code).toBe(0);
    const body = requests[0]?.body as {
      timestamp: string;
      sign: string;
      msg_type: string;
      card: unknown;
    };
    expect(body.msg_type).toBe("interactive");
    expect(body.card).toMatchObject({ elements: [{ tag: "markdown" }] });
    expect(body.sign).toBe(
      createHmac("sha256", `${body.timestamp}\n${secret}`).update("").digest("base64"),
    );
  });

  it("writes Slack's bold with one asterisk", async () => {
    const dry = runExample(["notify", "--to", "slack", "--dry-run", ...JUNE]);
    expect(JSON.parse(dry.stdout).text).toMatch(
      /^\*XX县人民政府督查室 · 县政府重点工作月度亮晒（截至 2022-06-30）\*\n/,
    );
  });

  it("shows a title's markup as text on every platform: no title can @ the whole group", () => {
    const folder = mkdtempSync(join(tmpdir(), "kpi-notify-"));
    const title = "<at id=all></at> <!channel> <@U1> 标题 & [链](http://e.com)";
    writeFileSync(
      join(folder, "t.yaml"),
      `year: 2022\ntargets:\n  - { id: s1, title: "${title}", target: 120, schedule: linear }\n`,
    );
    writeFileSync(join(folder, "d.csv"), "target,date,value\ns1,2022-04-30,1\n");
    const texts = {
      slack: (payload: { text: string }) => payload.text,
      feishu: (payload: { card: { elements: { content: string }[] } }) =>
        payload.card.elements[0]?.content ?? "",
      wecom: (payload: { markdown: { content: string } }) => payload.markdown.content,
      dingtalk: (payload: { markdown: { text: string } }) => payload.markdown.text,
    };
    const shown = {
      // Slack and 飞书 read entities; 企业微信 and 钉钉 get full-width brackets.
      slack:
        "&lt;at id=all&gt;&lt;/at&gt; &lt;!channel&gt; &lt;@U1&gt; 标题 &amp; [链]\u200b(http://e.com)",
      feishu:
        "&lt;at id=all&gt;&lt;/at&gt; &lt;!channel&gt; &lt;@U1&gt; 标题 &amp; [链]\u200b(http://e.com)",
      wecom: "＜at id=all＞＜/at＞ ＜!channel＞ ＜@U1＞ 标题 & [链]\u200b(http://e.com)",
      dingtalk: "＜at id=all＞＜/at＞ ＜!channel＞ ＜@U1＞ 标题 & [链]\u200b(http://e.com)",
    };
    for (const platform of ["slack", "feishu", "wecom", "dingtalk"] as const) {
      const dry = runExample([
        "notify",
        "--to",
        platform,
        "--dry-run",
        "-t",
        join(folder, "t.yaml"),
        "-d",
        join(folder, "d.csv"),
        "--as-of",
        "2022-05-31",
      ]);
      expect(dry.code).toBe(0);
      const text = texts[platform](JSON.parse(dry.stdout.split("\n")[0] as string));
      expect(text).toContain(`${shown[platform]}：`);
      expect(text).not.toContain(title);
    }
  });

  it("splits a long digest into messages within the platform's limit, none lost", async () => {
    const folder = mkdtempSync(join(tmpdir(), "kpi-notify-"));
    const targets = Array.from(
      { length: 120 },
      (_, index) =>
        `  - { id: m${index}, kind: milestone, deadline: 2022-01-31, title: 第${index}项重点工程项目的竣工验收和移交使用 }`,
    );
    writeFileSync(join(folder, "t.yaml"), `year: 2022\ntargets:\n${targets.join("\n")}\n`);
    writeFileSync(join(folder, "d.csv"), "target,date,value\nm0,2022-01-31,否\n");
    const dry = runExample([
      "notify",
      "--to",
      "wecom",
      "--dry-run",
      "-t",
      join(folder, "t.yaml"),
      "-d",
      join(folder, "d.csv"),
      ...JUNE,
    ]);
    const contents = dry.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line).markdown.content as string);
    expect(contents.length).toBeGreaterThan(2);
    for (const content of contents) expect(Buffer.byteLength(content)).toBeLessThanOrEqual(4096);
    expect(contents[1]).toMatch(/^（续，第 2 条，共 \d+ 条）\n/);
    for (let index = 0; index < 120; index++)
      expect(contents.filter((content) => content.includes(`第${index}项重点`)).length).toBe(1);
  });

  describe("@-mentions the owners that are late or red, from kpi.yaml's contacts", () => {
    // On 2022-06-30 科技局 owes its May report (the chase list) and 征迁安置攻坚工作专班's target
    // is red; 发改局 has contacts but is neither, so it is not mentioned.
    const folder = mkdtempSync(join(tmpdir(), "kpi-contacts-"));
    const config = join(folder, "kpi.yaml");
    writeFileSync(
      config,
      `${readFileSync(join(REPO, "kpi.yaml"), "utf8")}
contacts:
  科技局:
    wecom: { user_ids: [zhangsan], mobiles: [13800000001] }
    dingtalk: { mobiles: ["13800000001"], user_ids: [manager4711] }
    feishu: { user_ids: [ou_7d8a6e6df7621556ce0d21922b676706] }
    slack: { user_ids: [U012AB3CD] }
  征迁安置攻坚工作专班:
    wecom: { mobiles: ["13800000002"] }
    dingtalk: { mobiles: ["13800000002"] }
  发改局:
    slack: { user_ids: [U0NOTLATE] }
`,
    );
    const post = async (platform: string) => {
      reset();
      const run = await kpi([
        "notify",
        "--to",
        platform,
        "--webhook",
        `${base}/${platform}`,
        "--config",
        config,
        ...JUNE,
      ]);
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
      return requests.map((request) => request.body);
    };

    it("企业微信: <@userid> in the markdown, the mobiles in a text message's mentioned_mobile_list", async () => {
      const [markdown, text, ...more] = await post("wecom");
      expect(more).toEqual([]);
      expect((markdown as { markdown: { content: string } }).markdown.content).toMatch(
        /\n\*\*请以下单位关注\*\*\n- 科技局 <@zhangsan>$/,
      );
      expect(text).toEqual({
        msgtype: "text",
        text: {
          content: "请科技局、征迁安置攻坚工作专班关注上述消息（逾期未报或有红灯指标）",
          mentioned_mobile_list: ["13800000001", "13800000002"],
        },
      });
    });

    it("钉钉: @mobile and @userId in the text, and the same in at.atMobiles and at.atUserIds", async () => {
      const [message, ...more] = await post("dingtalk");
      expect(more).toEqual([]);
      expect(message).toMatchObject({
        msgtype: "markdown",
        at: {
          atMobiles: ["13800000001", "13800000002"],
          atUserIds: ["manager4711"],
          isAtAll: false,
        },
      });
      expect((message as { markdown: { text: string } }).markdown.text).toMatch(
        /\n- 科技局 @13800000001 @manager4711\n- 征迁安置攻坚工作专班 @13800000002$/,
      );
    });

    it("飞书: <at id=open_id></at> in the card's markdown", async () => {
      const [message] = await post("feishu");
      const card = (message as { card: { elements: { content: string }[] } }).card;
      expect(card.elements[0]?.content).toMatch(
        /\n- 科技局 <at id=ou_7d8a6e6df7621556ce0d21922b676706><\/at>$/,
      );
    });

    it("Slack: <@U…> in the text; an owner neither late nor red is not mentioned", async () => {
      const [message] = await post("slack");
      const { text } = message as { text: string };
      expect(text).toMatch(/\n\*请以下单位关注\*\n- 科技局 <@U012AB3CD>$/);
      expect(text).not.toContain("U0NOTLATE");
    });

    it("an owner under contacts that no target has is an error at its key, with did you mean", async () => {
      const typo = join(folder, "typo.yaml");
      writeFileSync(
        typo,
        `${readFileSync(join(REPO, "kpi.yaml"), "utf8")}
contacts:
  科技委:
    slack: { user_ids: [U1] }
`,
      );
      const run = await kpi(["notify", "--to", "slack", "--dry-run", "--config", typo, ...JUNE]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /typo\.yaml:\d+:3: contacts 中的责任单位 "科技委" 不是任何指标的责任单位，也不在 owners 中（是否应为 "科技局"？）/,
      );
    });
  });

  it("retries after a 429, with backoff, and posts", async () => {
    reset([{ status: 429, body: { errcode: 45009, errmsg: "api freq out of limit" } }]);
    const run = await kpi(["notify", "--to", "wecom", "--webhook", `${base}/w`, ...JUNE]);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
    expect(requests.length).toBe(2);
  });

  it("fails with exit 4 on an error the platform answers, without retrying it or printing the URL", async () => {
    reset([{ status: 200, body: { errcode: 310000, errmsg: "keywords not in content" } }]);
    const run = await kpi([
      "notify",
      "--to",
      "dingtalk",
      "--webhook",
      `${base}/robot/send?access_token=s3cr3t`,
      ...JUNE,
    ]);
    expect(run).toEqual({
      code: 4,
      stdout: "",
      stderr:
        "kpi: 向 dingtalk 发送失败，已尝试 1 次（error 310000: keywords not in content）；1 条消息中已发出 0 条\n",
    });
    expect(requests.length).toBe(1);
  });

  it("gives up on a server that never answers, after a bounded number of timed-out attempts", async () => {
    reset(["silence", "silence", "silence"]);
    const run = await kpi(
      ["notify", "--to", "wecom", "--webhook", `${base}/w?key=s3cr3t`, "--as-of", "2022-06-30"],
      {
        KPI_NOTIFY_TIMEOUT_MS: "200",
      },
    );
    expect(run).toEqual({
      code: 4,
      stdout: "",
      stderr:
        "kpi: the post to wecom failed after 3 attempts (no answer within 200 ms); 0 of 1 message was posted\n",
    });
    expect(arrived).toBe(3);
  });

  it("needs a webhook, from --webhook or KPI_WEBHOOK: exit 2", async () => {
    const run = await kpi(["notify", "--to", "wecom", "--as-of", "2022-06-30"]);
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "kpi: no webhook: give its URL with --webhook or in KPI_WEBHOOK (a secret, never in a file of the repository)\n",
    });
  });
});
