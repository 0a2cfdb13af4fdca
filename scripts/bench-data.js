// Writes a benchmark data set: N targets in one YAML file and M rows of daily data in one CSV,
// in the SPEC's formats. Usage: node scripts/bench-data.js DIR [targets=5000] [rows=1000000] [shape]
// Three shapes:
//   - easy (the default): ASCII titles and owners, no unit, no defaults, values with two decimals;
//   - office: what an office's export looks like: Chinese titles and owners, a unit, the file's
//     `defaults:`, whole numbers (5,000 targets × 200 days is about 22 MB);
//   - growth: the easy shape's targets as growth targets computed from values (SPEC 2.4), each
//     row with last year's figure in a `base` column.
import { createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dir = "bench-data", targetCount = "5000", rowCount = "1000000", shape = "easy"] =
  process.argv.slice(2);
if (!["easy", "office", "growth"].includes(shape)) throw new Error(`unknown shape ${shape}`);
const office = shape === "office";
const growth = shape === "growth";
const targets = Number(targetCount);
const rows = Number(rowCount);
mkdirSync(join(dir, "targets"), { recursive: true });
mkdirSync(join(dir, "data"), { recursive: true });

const OWNERS = [
  "发改局",
  "经信局",
  "商务局",
  "财政局",
  "税务局",
  "自然资源局",
  "住建局",
  "交通运输局",
  "农业农村局",
  "水利局",
  "文旅局",
  "教育局",
  "卫健局",
  "人社局",
  "民政局",
  "生态环境局",
  "应急管理局",
  "市场监管局",
  "统计局",
  "科技局",
];
const SUBJECTS = ["固定资产投资", "新开工项目", "规上工业产值", "社会消费品零售额", "招商引资"];
const UNITS = ["亿元", "个", "万元", "户", "家"];

// The easy shape keeps its five digits (the data set of earlier measurements).
const width = office ? String(targets - 1).length : 5;
const id = (i) => `t.${String(i).padStart(width, "0")}`;
const yaml = office
  ? ["year: 2022", "defaults:", "  section: 经济发展", "targets:"]
  : ["year: 2022", "targets:"];
for (let i = 0; i < targets; i++) {
  if (office)
    yaml.push(
      `  - id: ${id(i)}`,
      `    title: ${SUBJECTS[i % SUBJECTS.length]}第${i + 1}项`,
      `    owner: ${OWNERS[i % OWNERS.length]}`,
      `    unit: ${UNITS[i % UNITS.length]}`,
      `    target: ${1000 + (i % 500)}`,
    );
  else
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
  const value = office
    ? String(Math.floor(dayIndex * 3 + random() * 5))
    : (dayIndex * 3 + random() * 5).toFixed(2);
  // Last year's figure: a little below this year's.
  const base = growth ? `${(dayIndex * 3 * 0.95 + 1 + random() * 5).toFixed(2)},` : "";
  buffer += `${id(target)},${date},${value},${base}\n`;
  if (buffer.length > 1 << 16) {
    out.write(buffer);
    buffer = "";
  }
}
out.end(buffer);
