/**
 * Rows dated after today (SPEC 4, v2): a warning at each such row. A row for a day that has not
 * come is most often a slip of the year or the month (2032 for 2023, 12 for 02); it is not used
 * while the as-of date is before it, and T is never today's by accident.
 */
import { type Day, formatDay } from "./dates.js";
import type { Target } from "./model.js";
import { MAX_PROBLEMS_PER_FILE, type Place, type Problem, warning } from "./problems.js";
import type { Series } from "./series.js";

/** The warnings of the rows dated after `today`, target by target in date order, capped per file. */
export function futureRowWarnings(
  targets: readonly Target[],
  observations: ReadonlyMap<string, Series>,
  today: Day,
): Problem[] {
  const problems: Problem[] = [];
  const files = new Map<string, { count: number; firstLeftOut: Place | null }>();
  for (const target of targets) {
    const rows = observations.get(target.id);
    if (rows === undefined) continue;
    // Rows are in date order: the ones after today are at the end.
    for (let index = rows.latestOnOrBefore(today) + 1; index < rows.length; index++) {
      const { file, line, sheet } = rows.observation(index);
      const place: Place = { file, line, column: 1, ...(sheet === undefined ? {} : { sheet }) };
      const counted = files.get(file) ?? { count: 0, firstLeftOut: null };
      files.set(file, counted);
      if (++counted.count > MAX_PROBLEMS_PER_FILE) {
        counted.firstLeftOut ??= place;
        continue;
      }
      problems.push(
        warning(place, "data.date-after-today", {
          id: target.id,
          date: formatDay(rows.day(index)),
          today: formatDay(today),
        }),
      );
    }
  }
  for (const { count, firstLeftOut } of files.values()) {
    if (firstLeftOut !== null)
      problems.push(
        warning(firstLeftOut, "data.more-after-today", { count: count - MAX_PROBLEMS_PER_FILE }),
      );
  }
  return problems;
}
