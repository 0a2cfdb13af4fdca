import { describe, expect, it } from "vitest";
import { closestMatch, editDistance } from "../../src/core/suggest.js";

describe("editDistance: insertions, deletions, substitutions and swaps cost 1", () => {
  it.each([
    ["target", "target", 0],
    ["tagret", "target", 1],
    ["targt", "target", 1],
    ["targets", "target", 1],
    ["tarxet", "target", 1],
    ["", "abc", 3],
    ["kitten", "sitting", 3],
  ])("%s → %s: %i", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe("closestMatch: a likely typo, or nothing", () => {
  const keys = ["id", "title", "target", "baseline", "tolerance", "deadline"];

  it("finds a misspelt key, ignoring case", () => {
    expect(closestMatch("tagret", keys)).toBe("target");
    expect(closestMatch("tolerence", keys)).toBe("tolerance");
    expect(closestMatch("Deadline", keys)).toBe("deadline");
  });

  it("finds the one candidate a word is the start of", () => {
    expect(closestMatch("q30", ["q30-h60-q85", "h50-q85", "linear"])).toBe("q30-h60-q85");
    expect(closestMatch("inv", ["invest.a", "invest.b"])).toBeUndefined();
  });

  it("suggests nothing for a word far from every candidate, or too short to tell", () => {
    expect(closestMatch("colour", keys)).toBeUndefined();
    expect(closestMatch("x", ["y", "id"])).toBeUndefined();
    expect(closestMatch("target", keys)).toBeUndefined();
  });

  it("breaks ties by the candidates' order", () => {
    expect(closestMatch("ab", ["ac", "ad"])).toBe("ac");
    expect(closestMatch("ab", ["ad", "ac"])).toBe("ad");
  });

  it("finds no suggestion when nothing is close", () => {
    expect(closestMatch("colour", keys)).toBeUndefined();
  });
});
