/** Which language a run speaks, and its labels. */
import { en } from "./en.js";
import { LANGUAGES, type Labels, type Language } from "./labels.js";
import { chineseLabels } from "./zh.js";

let chinese: Labels | undefined;

/** A language's labels; the Chinese ones are made once, by the first run that needs them. */
export function labelsFor(language: Language): Labels {
  if (language === "en") return en;
  chinese ??= chineseLabels();
  return chinese;
}

/**
 * The language: `--lang`, else `KPI_LANG`, else the project file's `lang`, else a `zh*` `LANG`,
 * else English (SPEC 5, 7). The environment and the project's choice are passed in, so the order
 * is testable and never read deep inside. Null: a `--lang` that is neither en nor zh.
 */
export function resolveLanguage(
  option: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  project: Language | null = null,
): Language | null {
  if (option !== undefined)
    return (LANGUAGES as readonly string[]).includes(option) ? (option as Language) : null;
  if (env.KPI_LANG) return languageOf(env.KPI_LANG);
  return project ?? languageOf(env.LANG ?? "");
}

/** `zh`, `zh_CN.UTF-8`, `zh-Hans`: Chinese; anything else English. */
function languageOf(setting: string): Language {
  return setting.toLowerCase().startsWith("zh") ? "zh" : "en";
}
