// Writes a benchmark data set: N targets in one YAML file and M rows of daily data in one CSV,
// in the SPEC's formats. Usage: node scripts/bench-data.js DIR [targets=5000] [rows=1000000] [growth]
// With `growth`, the targets are growth targets computed from values (SPEC 2.4) and each row
// carries last year's figure in a `base` column.
import { createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dir = "bench-data", targetCount = "5000", rowCount = "1000000", kind = ""] =
  process.argv.slice(2);
const growth = kind === "growth";
const targets = Number(targetCount);
const rows = Number(rowCount);
mkdirSync(join(dir, "targets"), { recursive: true });
mkdirSync(join(dir, "data"), { recursive: true });

const id = (i) => `t.${String(i).padStart(5, "0")}`;
const yaml = ["year: 2022", "targets:"];
for (let i = 0; i < targets; i++) {
  yaml.push(
    `  - id: ${id(i)}`,
    `    title: Target ${i}`,
    `    owner: Owner ${i % 40}`,
    ...(growth
      ? ["    kind: growth", `    rate: ${5 + (i % 5)}`, "    input: value"]
      : [`    target: ${1000 + (i % 500)}`]),
  );
}
writeFileSync(join(dir, "targets", "targets.yaml"), `${yaml.join("\n")}\n`);

// Day by day from 2022-01-01, every target once a day: a running total that grows.
const out = createWriteStream(join(dir, "data", "data.csv"));
out.write(growth ? "target,date,value,base,note\n" : "target,date,value,note\n");
let buffer = "";
const start = Date.UTC(2022, 0, 1);
let seed = 42;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
for (let row = 0; row < rows; row++) {
  const target = row % targets;
  const dayIndex = Math.floor(row / targets);
  const date = new Date(start + dayIndex * 86_400_000).toISOString().slice(0, 10);
  const value = (dayIndex * 3 + random() * 5).toFixed(2);
  // Last year's figure: a little below this year's.
  const base = growth ? `${(dayIndex * 3 * 0.95 + 1 + random() * 5).toFixed(2)},` : "";
  buffer += `${id(target)},${date},${value},${base}\n`;
  if (buffer.length > 1 << 16) {
    out.write(buffer);
    buffer = "";
  }
}
out.end(buffer);
