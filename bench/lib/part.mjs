// Each benchmark part is a script that returns { title, sections, data }: `sections` are tables
// ({ heading, columns, rows, notes }) that run.mjs renders into results.md, `data` the raw
// numbers for results.json. Run alone, a part prints its tables; `--json FILE` writes the result.
import { writeFileSync } from "node:fs";
import { settings, fmt } from "./measure.mjs";

export async function runPart(fn) {
  const s = settings();
  const result = await fn(s);
  const at = process.argv.indexOf("--json");
  if (at !== -1 && process.argv[at + 1]) {
    writeFileSync(process.argv[at + 1], JSON.stringify(result, null, 2));
  } else {
    for (const section of result.sections) console.log(renderSection(section));
  }
  // Child processes, sockets or a browser left open must not keep a part alive.
  process.exit(0);
}

/** A section as Markdown: a heading, a table, then notes. */
export function renderSection({ heading, columns, rows, notes = [], align }, level = "###") {
  const out = [];
  if (heading) out.push(`${level} ${heading}`, "");
  if (rows?.length) {
    // `align`: "l" or "r" per column; by default the first column is text, the others numbers.
    const sides = align ?? columns.map((_, i) => (i === 0 ? "l" : "r"));
    out.push(`| ${columns.join(" | ")} |`, `| ${sides.map((side) => (side === "r" ? "---:" : "---")).join(" | ")} |`);
    for (const row of rows) out.push(`| ${row.map((cell) => (typeof cell === "number" ? fmt(cell) : cell ?? "–")).join(" | ")} |`);
    out.push("");
  }
  for (const note of notes) out.push(`- ${note}`);
  if (notes.length) out.push("");
  return out.join("\n");
}

/** Runs `fn`; on failure returns { skipped: reason } instead of throwing. */
export async function attempt(what, fn) {
  try {
    return await fn();
  } catch (error) {
    const reason = `${what}: ${String(error?.message ?? error).split("\n")[0]}`;
    console.error(`skipped ${reason}`);
    return { skipped: reason };
  }
}
