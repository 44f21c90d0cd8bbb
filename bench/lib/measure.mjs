// Timing helpers: warm up, then several timed runs, and the median run is the result. Each run
// calls the function in batches for at least `runMs`; ops/s = calls / elapsed time of the run.
import { performance } from "node:perf_hooks";

/** Settings for a full run, and for a quick one (BENCH_QUICK=1 or --quick: development only). */
export function settings() {
  const quick = process.env.BENCH_QUICK === "1" || process.argv.includes("--quick");
  return quick
    ? { quick, warmupMs: 100, runMs: 100, runs: 3, samples: 3 }
    : { quick, warmupMs: 300, runMs: 300, runs: 7, samples: 15 };
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function summarise(opsPerRun) {
  const ops = median(opsPerRun);
  return {
    opsPerSec: ops,
    usPerOp: 1e6 / ops,
    runs: opsPerRun.length,
    // Spread of the runs around the median, in percent (a rough stability indicator).
    spreadPct: (100 * (Math.max(...opsPerRun) - Math.min(...opsPerRun))) / ops,
  };
}

// Results are kept in a sink so the calls cannot be optimised away.
export let sink = 0;
const keep = (value) => {
  sink = (sink + (value === undefined || value === null ? 1 : typeof value === "object" ? 2 : 3)) | 0;
};

/** A synchronous function: calls per second over `runs` runs of `runMs` each, after `warmupMs`. */
export function benchSync(fn, { warmupMs, runMs, runs }) {
  let batch = 1;
  const warmupEnd = performance.now() + warmupMs;
  while (performance.now() < warmupEnd) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) keep(fn());
    // Aim for batches of about 1 ms so the clock is read rarely.
    if (performance.now() - t0 < 1) batch = Math.min(batch * 2, 1 << 20);
  }
  const opsPerRun = [];
  for (let r = 0; r < runs; r++) {
    let calls = 0;
    const start = performance.now();
    let now = start;
    while (now - start < runMs) {
      for (let i = 0; i < batch; i++) keep(fn());
      calls += batch;
      now = performance.now();
    }
    opsPerRun.push((calls * 1000) / (now - start));
  }
  return summarise(opsPerRun);
}

/** An async function, awaited one call at a time (sequential), as benchSync. */
export async function benchAsync(fn, { warmupMs, runMs, runs }) {
  const warmupEnd = performance.now() + warmupMs;
  while (performance.now() < warmupEnd) keep(await fn());
  const opsPerRun = [];
  for (let r = 0; r < runs; r++) {
    let calls = 0;
    const start = performance.now();
    let now = start;
    while (now - start < runMs) {
      keep(await fn());
      calls++;
      now = performance.now();
    }
    opsPerRun.push((calls * 1000) / (now - start));
  }
  return summarise(opsPerRun);
}

/** Formats a number with a sensible number of significant digits. */
export function fmt(n, digits = 3) {
  if (n === undefined || n === null || Number.isNaN(n)) return "–";
  if (n >= 100) return Math.round(n).toLocaleString("en-US");
  return Number(n.toPrecision(digits)).toString();
}
