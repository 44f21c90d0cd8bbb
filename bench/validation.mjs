// Part 1: validation throughput in Node. eipkit's validators against zod 4 and ajv 8 schemas
// that express the same rules as far as they can (bench/schemas/), on typical valid and invalid
// bodies of each operation. Before timing, every library must agree with eipkit on every body
// (the timed cases and a wider conformance set), so that equal work is compared.
import { spawnSync } from "node:child_process";
import { benchSync } from "./lib/measure.mjs";
import { runPart, attempt } from "./lib/part.mjs";
import { CASES, CONFORMANCE } from "./fixtures.mjs";

runPart(async (s) => {
  const notes = [];
  const libraries = [];
  const mod = await attempt("the validators", () => import("./lib/validators.mjs"));
  if (mod.skipped) {
    return { title: "Validation throughput", sections: [{ heading: "Validation throughput (Node)", notes: [`Skipped: ${mod.skipped}`] }], data: { skipped: mod.skipped } };
  }
  libraries.push(...mod.LIBRARIES);

  // Conformance first: which bodies each schema judges as eipkit does.
  const disagreements = [];
  const all = [...CASES.map((c) => [c.op, c.label, c.body]), ...CONFORMANCE];
  for (const [op, description, body] of all) {
    const reference = libraries[0].outcome(libraries[0].prepare(op)(body)).ok;
    for (const lib of libraries.slice(1)) {
      const { ok } = lib.outcome(lib.prepare(op)(body));
      if (ok !== reference) disagreements.push(`${lib.label} on ${op} "${description}": ${ok ? "accepts" : "rejects"}, eipkit ${reference ? "accepts" : "rejects"}`);
    }
  }

  const whole = await attempt("the whole package's validators", async () => {
    const child = spawnSync(process.execPath, [new URL("./lib/validation-whole-child.mjs", import.meta.url).pathname, ...process.argv.slice(2).filter((a) => a === "--quick")], { encoding: "utf8" });
    if (child.status !== 0) throw new Error(child.stderr.trim().split("\n").pop());
    return JSON.parse(child.stdout.trim().split("\n").pop());
  });
  const data = { cases: [], whole };
  // The ratios compare the module for forms with the other libraries.
  const others = libraries.filter((lib) => !lib.id.startsWith("eipkit"));
  const rows = [];
  for (const c of CASES) {
    const entry = { id: c.id, label: c.label, ok: c.ok, libraries: {} };
    const cells = [c.label];
    for (const lib of libraries) {
      const fn = lib.prepare(c.op);
      const outcome = lib.outcome(fn(c.body));
      if (outcome.ok !== c.ok) throw new Error(`${lib.label} judged "${c.label}" ok=${outcome.ok}`);
      const body = c.body;
      const m = benchSync(() => fn(body), s);
      entry.libraries[lib.id] = { ...m, issues: outcome.issues };
      cells.push(`${m.usPerOp.toFixed(2)} µs · ${Math.round(m.opsPerSec).toLocaleString("en-US")}/s${c.ok ? "" : ` · ${outcome.issues}`}`);
      console.error(`${c.id} ${lib.id}: ${m.usPerOp.toFixed(2)} µs/op (±${m.spreadPct.toFixed(0)}%)`);
    }
    const base = entry.libraries["eipkit-validate"].usPerOp;
    cells.splice(2, 0, whole.skipped ? "–" : `${whole[c.id].toFixed(2)} µs`);
    cells.push(others.map((lib) => `${(base / entry.libraries[lib.id].usPerOp).toFixed(1)}×`).join(" / "));
    rows.push(cells);
    data.cases.push(entry);
  }
  data.conformance = { bodies: all.length, disagreements };
  // eipkit's fixed cost of a call: the smallest valid body (an unbind), no issue to describe.
  const minimal = { publicip: {} };
  const forms = await import("eipkit/validate");
  data.eipkitMinimal = benchSync(() => forms.validateUpdatePublicip(minimal), s);

  notes.push(
    "Each cell: µs per call · calls per second · (invalid bodies) the number of issues or errors returned. Median of " +
      `${s.runs} runs of ${s.runMs} ms after ${s.warmupMs} ms of warm-up.`,
    `"eipkit/validate slower by" divides the time of eipkit/validate (the module for forms) by each other library's (${others.map((l) => l.label).join(" / ")}); above 1× eipkit is slower. ` +
      "The whole package's validators (its column, timed in a process that loads only \"eipkit\": in one process both entries validate with the module for forms) are the same code built for size (opt-level \"z\"), the module for forms' for speed (scripts/build.sh).",
    "eipkit returns every issue with a dotted path, a stable code, structured params and a full message in the chosen locale " +
      "(nearest valid sizes, did-you-mean suggestions for unknown keys, the offending characters), crossing from JS into WebAssembly " +
      "and back for each call. zod returns every issue with a short generic message; ajv (allErrors) returns JSON Schema errors, " +
      "several per failed if/then rule (hence its higher counts).",
    `eipkit's fixed cost per call (the smallest valid body, \`validateUpdatePublicip({ publicip: {} })\`): ${data.eipkitMinimal.usPerOp.toFixed(2)} µs (eipkit/validate), ${whole.skipped ? "–" : whole.minimal.toFixed(2)} µs (eipkit, in its own process).`,
    "No region is passed to eipkit (`options.region` adds a per-region type check that the static schemas cannot vary).",
    disagreements.length === 0
      ? `Conformance: the zod and ajv schemas agree with eipkit's ok/not-ok verdict on all ${all.length} bodies checked (the timed ones and ${CONFORMANCE.length} edge cases in bench/fixtures.mjs).`
      : `Conformance: ${disagreements.length} disagreement(s) with eipkit over ${all.length} bodies: ${disagreements.join("; ")}.`,
  );
  return {
    title: "Validation throughput",
    sections: [
      {
        heading: "1. Validation throughput (Node)",
        columns: ["body", libraries[0].label, "eipkit (whole package)", ...libraries.slice(1).map((l) => l.label), "eipkit/validate slower by"],
        rows,
        notes,
      },
    ],
    data,
  };
});
