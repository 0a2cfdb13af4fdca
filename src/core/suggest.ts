/**
 * "Did you mean …?": the closest known word to a misspelt one. Pure, and small on purpose: the
 * candidates are a file's keys, a few preset names or the ids of one repository.
 */

/**
 * The optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
 * neighbouring characters each cost 1, so `tagret` is one step from `target`.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  // Three rolling rows: the swap rule looks two rows back.
  let before = new Array<number>(columns).fill(0);
  let previous = Array.from({ length: columns }, (_, j) => j);
  let current = new Array<number>(columns).fill(0);
  for (let i = 1; i < rows; i++) {
    current[0] = i;
    for (let j = 1; j < columns; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, (before[j - 2] as number) + 1);
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[columns - 1] as number;
}

/**
 * The candidate the word most likely misspells, or undefined when none is close: at most one edit
 * per three characters (ignoring case), or the only candidate the word is the start of (`q30` for
 * `q30-h60-q85`). Ties go to the earlier candidate, so the answer never depends on anything but
 * the input order.
 */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const allowed = Math.max(1, Math.floor(lower.length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  const prefixed: string[] = [];
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const other = candidate.toLowerCase();
    if (lower.length >= 3 && other.startsWith(lower)) prefixed.push(candidate);
    // A length difference alone rules a candidate out: no need to compute the distance.
    if (Math.abs(other.length - lower.length) > allowed) continue;
    const distance = editDistance(lower, other);
    // A one-letter word one edit away from another is no evidence of a typo.
    if (distance <= allowed && distance < lower.length && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best ?? (prefixed.length === 1 ? prefixed[0] : undefined);
}
