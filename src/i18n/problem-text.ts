/** A problem in words: the one function that formats problems for people, in any language. */
import { formatPlace, type Problem } from "../core/problems.js";
import { en } from "./en.js";
import type { Labels } from "./labels.js";

/**
 * `file:line:col: message`, or the message alone for a problem of no place, with a warning's
 * prefix, in the labels' language (English by default). Control characters of the input (an
 * escape sequence in an id or a key) are shown as `\u001b`, never sent to the terminal, where
 * they could recolour, move or hide what it shows; so are characters that show nothing (`\u200b`).
 */
export function formatProblem(problem: Problem, labels: Labels = en): string {
  const words = labels.messages[problem.code] as (params: Problem["params"]) => string;
  const prefix = problem.severity === "warning" ? labels.warningPrefix : "";
  const place = problem.place === null ? "" : `${formatPlace(problem.place)}: `;
  // Words of one line are escaped whole, as they are shown (a value quoted as JSON keeps its
  // `\u0000`); words of several lines have their values escaped one by one, so that their own
  // line breaks stay.
  const oneLine = !words(
    mapTexts(problem.params, (text) => text.replace(controlCharacters(), " ")),
  ).includes("\n");
  if (oneLine) return showControls(`${place}${prefix}${words(problem.params)}`);
  return `${showControls(place)}${prefix}${words(mapTexts(problem.params, showControls))}`;
}

/** A problem's words alone, without its place or a warning's prefix (the JSON's `message`). */
export function problemWords(problem: Problem, labels: Labels = en): string {
  const words = labels.messages[problem.code] as (params: Problem["params"]) => string;
  return words(problem.params);
}

/** A value with `change` made to every text it holds. */
function mapTexts<T>(value: T, change: (text: string) => string): T {
  const map = (inner: unknown): unknown => {
    if (typeof inner === "string") return change(inner);
    if (Array.isArray(inner)) return inner.map(map);
    if (inner !== null && typeof inner === "object")
      return Object.fromEntries(Object.entries(inner).map(([key, item]) => [key, map(item)]));
    return inner;
  };
  return map(value) as T;
}

function showControls(text: string): string {
  return text.replace(controlCharacters(), (char) => {
    const code = char.codePointAt(0) as number;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/**
 * Controls, and the characters that show nothing (a zero-width space, a bidirectional mark): an
 * id that holds one and the id without it would look the same in a message. Made when a first
 * problem is shown: a pattern of Unicode properties takes a millisecond to build.
 */
function controlCharacters(): RegExp {
  controlPattern ??=
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
    /[\u0000-\u001f\u007f-\u009f\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
  return controlPattern;
}

let controlPattern: RegExp | undefined;
