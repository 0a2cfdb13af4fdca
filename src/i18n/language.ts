/** Which language a run speaks, and its labels. */
import { en } from "./en.js";
import { LANGUAGES, type Labels, type Language } from "./labels.js";
import { zh } from "./zh.js";

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
  const fromEnv = (env.KPI_LANG || env.LANG) ?? "";
  return fromEnv.toLowerCase().startsWith("zh") ? "zh" : "en";
}
