/**
 * Posting `kpi notify`'s messages to a group chat's webhook: each platform's signature (钉钉 and
 * 飞书 with a secret), its answer read for success (they answer HTTP 200 with an error code in the
 * body), and a bounded retry with backoff on 429, 5xx, a platform's "too fast" code, a timeout or a
 * lost connection. The URL is never printed: its token is a password.
 */
import { createHmac } from "node:crypto";
import type { Platform } from "../core/project.js";

export interface PostOptions {
  platform: Platform;
  url: string;
  /** 钉钉's or 飞书's signing secret (KPI_WEBHOOK_SECRET), or null. */
  secret: string | null;
  /** Attempts per message, the first included. */
  attempts: number;
  /** The wait before the second attempt; each later one waits twice as long. */
  backoffMs: number;
  /** How long one request may take. */
  timeoutMs: number;
  /** The clock, for the signatures' timestamps (milliseconds since 1970). */
  now: () => number;
}

export type PostResult =
  | { ok: true; posted: number }
  | { ok: false; posted: number; attempts: number; detail: string };

/** The platforms' codes for "sent too fast, try again later". */
const TOO_FAST = new Set([45009, 130101, 11232]);

/** 钉钉: timestamp and sign in the query; sign = base64(HMAC-SHA256(secret, `${ms}\n${secret}`)). */
export function dingtalkSignedUrl(url: string, secret: string, ms: number): string {
  const sign = createHmac("sha256", secret).update(`${ms}\n${secret}`).digest("base64");
  const signed = new URL(url);
  signed.searchParams.set("timestamp", String(ms));
  signed.searchParams.set("sign", sign);
  return signed.toString();
}

/** 飞书: timestamp (seconds) and sign in the body; sign = base64(HMAC-SHA256(`${s}\n${secret}`, "")). */
export function feishuSignature(secret: string, seconds: number): string {
  return createHmac("sha256", `${seconds}\n${secret}`).update("").digest("base64");
}

/** The request of one message: where to, and its body. */
function request(payload: unknown, options: PostOptions): { url: string; body: string } {
  const { platform, url, secret } = options;
  if (secret === null) return { url, body: JSON.stringify(payload) };
  if (platform === "dingtalk")
    return { url: dingtalkSignedUrl(url, secret, options.now()), body: JSON.stringify(payload) };
  if (platform === "feishu") {
    const timestamp = Math.floor(options.now() / 1000);
    const signed = { timestamp: String(timestamp), sign: feishuSignature(secret, timestamp) };
    return { url, body: JSON.stringify({ ...signed, ...(payload as object) }) };
  }
  return { url, body: JSON.stringify(payload) };
}

/** An answer: taken, worth another try, or refused for good. */
function judge(platform: Platform, status: number, text: string): "ok" | "retry" | string {
  if (status === 429 || status >= 500) return "retry";
  if (status !== 200) return `HTTP ${status}: ${text.slice(0, 200)}`;
  if (platform === "slack") return "ok";
  let json: {
    errcode?: unknown;
    code?: unknown;
    StatusCode?: unknown;
    errmsg?: unknown;
    msg?: unknown;
  };
  try {
    json = JSON.parse(text);
  } catch {
    return `HTTP 200 with an answer that is not JSON: ${text.slice(0, 200)}`;
  }
  const code = json.errcode ?? json.code ?? json.StatusCode ?? 0;
  if (code === 0) return "ok";
  if (typeof code === "number" && TOO_FAST.has(code)) return "retry";
  return `error ${String(code)}: ${String(json.errmsg ?? json.msg ?? "")}`.trim();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Post the messages in order; stop at the first that fails for good. */
export async function postMessages(
  payloads: readonly unknown[],
  options: PostOptions,
): Promise<PostResult> {
  for (const [index, payload] of payloads.entries()) {
    let detail = "";
    let done = false;
    let attempt = 0;
    while (!done && attempt < options.attempts) {
      attempt++;
      if (attempt > 1) await sleep(options.backoffMs * 2 ** (attempt - 2));
      const { url, body } = request(payload, options);
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json; charset=utf-8" },
          body,
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        const verdict = judge(options.platform, response.status, await response.text());
        if (verdict === "ok") done = true;
        else if (verdict === "retry") detail = `HTTP ${response.status}`;
        else return { ok: false, posted: index, attempts: attempt, detail: verdict };
      } catch (cause) {
        const error = cause as Error & {
          cause?: { code?: string; errors?: { code?: string }[] };
        };
        detail =
          error.name === "TimeoutError"
            ? `no answer within ${options.timeoutMs} ms`
            : (error.cause?.code ?? error.cause?.errors?.[0]?.code ?? error.message);
      }
    }
    if (!done) return { ok: false, posted: index, attempts: attempt, detail };
  }
  return { ok: true, posted: payloads.length };
}
