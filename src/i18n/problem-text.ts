/** A problem in words: the one function that formats problems for people, in any language. */
import { formatPlace, type Problem } from "../core/problems.js";
import { en } from "./en.js";
import type { Labels } from "./labels.js";

/**
 * `file:line:col: message`, or the message alone for a problem of no place, with a warning's
 * prefix, in the labels' language (English by default). Control characters of the input (an
 * escape sequence in an id or a key) are shown as `\u001b`, never sent to the terminal, where
 * they could recolour, move or hide what it shows.
 */
export function formatProblem(problem: Problem, labels: Labels = en): string {
  const shown = escapeControls(problem);
  const message = (labels.messages[shown.code] as (params: Problem["params"]) => string)(
    shown.params,
  );
  const prefix = shown.severity === "warning" ? labels.warningPrefix : "";
  return shown.place === null
    ? `${prefix}${message}`
    : `${formatPlace(shown.place)}: ${prefix}${message}`;
}

/** The problem with every text it holds escaped: only values come from the input, never words. */
function escapeControls(problem: Problem): Problem {
  return escapeValue(problem) as Problem;
}

function escapeValue(value: unknown): unknown {
  if (typeof value === "string") return showControls(value);
  if (Array.isArray(value)) return value.map(escapeValue);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, escapeValue(inner)]),
    );
  return value;
}

function showControls(text: string): string {
  return text.replace(
    CONTROL_CHARACTERS,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;
