/**
 * Which language a run speaks (SPEC 5, 7): --lang, then KPI_LANG, then the project file's lang,
 * then LANG, else English.
 */
import { describe, expect, it } from "vitest";
import { resolveLanguage } from "../../src/i18n/language.js";

describe("resolveLanguage: --lang, KPI_LANG, the project's lang, LANG, else en", () => {
  it.each([
    // [--lang, KPI_LANG, project, LANG] → language
    ["zh", "en", "en", "en_US.UTF-8", "zh"],
    ["en", "zh", "zh", "zh_CN.UTF-8", "en"],
    [undefined, "zh", "en", "en_US.UTF-8", "zh"],
    [undefined, "en_GB", "zh", "zh_CN.UTF-8", "en"],
    [undefined, undefined, "zh", "en_US.UTF-8", "zh"],
    [undefined, undefined, "en", "zh_CN.UTF-8", "en"],
    [undefined, undefined, null, "zh_CN.UTF-8", "zh"],
    [undefined, undefined, null, "zh_TW", "zh"],
    [undefined, undefined, null, "C", "en"],
    [undefined, undefined, null, undefined, "en"],
    // An empty KPI_LANG is no choice.
    [undefined, "", "zh", "en_US.UTF-8", "zh"],
  ] as const)(
    "--lang %s, KPI_LANG %s, lang %s, LANG %s → %s",
    (option, kpiLang, project, lang, expected) => {
      expect(resolveLanguage(option, { KPI_LANG: kpiLang, LANG: lang }, project)).toBe(expected);
    },
  );

  it("a --lang that is neither en nor zh is refused (null), whatever else is set", () => {
    expect(resolveLanguage("fr", { KPI_LANG: "zh" }, "zh")).toBeNull();
  });
});
