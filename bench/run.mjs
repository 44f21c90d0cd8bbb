// `npm run bench`: every benchmark, each in its own Node process, then bench/results.md and
// bench/results.json. A part that cannot run (a tool missing, an install refused) is reported
// as skipped with its reason; it never stops the others.
//
//   node bench/run.mjs [--quick] [--only validation,browser,client,roundtrips,startup,serde-wasm-bindgen,exports]
//
// --quick (or BENCH_QUICK=1) makes short runs for development; the numbers are not for reporting.
import { execFileSync, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { renderSection } from "./lib/part.mjs";
import { settings } from "./lib/measure.mjs";

const ROOT = new URL("../", import.meta.url).pathname;
const HERE = new URL("./", import.meta.url).pathname;
const PARTS = [
  { id: "validation", script: "validation.mjs", title: "1. Validation throughput (Node)", timeoutS: 600 },
  { id: "browser", script: "browser.mjs", title: "1b. Validation throughput (headless Chromium)", timeoutS: 600 },
  { id: "client", script: "client.mjs", title: "2. Client-side cost per request", timeoutS: 900 },
  { id: "roundtrips", script: "roundtrips.mjs", title: "3. Round trips against the emulator (Node)", timeoutS: 600 },
  { id: "startup", script: "startup.mjs", title: "4. Bundle size and start-up time", timeoutS: 600 },
  // Builds its own module (target/compare/): needs no pkg/.
  { id: "serde-wasm-bindgen", script: "serde-wasm-bindgen.mjs", title: "5. serde-wasm-bindgen against the JSON route", timeoutS: 1200, ownBuild: true },
  { id: "exports", script: "exports.mjs", title: "6. Cost of each export", timeoutS: 600 },
];

const args = process.argv.slice(2);
const quick = settings().quick;
const onlyArg = args.find((a) => a.startsWith("--only"));
const only = onlyArg ? (onlyArg.includes("=") ? onlyArg.split("=")[1] : args[args.indexOf(onlyArg) + 1]).split(",") : null;
const log = (line) => console.error(`[bench] ${line}`);

/** Paths of this machine and registry hosts stay out of the committed results. */
function sanitize(text) {
  const home = os.homedir();
  let out = String(text).split(ROOT).join("./").split(os.tmpdir()).join("$TMPDIR");
  if (home && home !== "/") out = out.split(home).join("~");
  return out.replace(/\bhttps?:\/\/(?!127\.0\.0\.1|localhost)[^\s/"')]+/g, "<host>");
}

function tryRun(cmd, cmdArgs, opts = {}) {
  try {
    return execFileSync(cmd, cmdArgs, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], ...opts }).trim();
  } catch {
    return null;
  }
}

/** Installs the devDependencies with npm if any of them does not resolve (a fresh clone). */
function ensureNodeDependencies() {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  const require = createRequire(join(ROOT, "package.json"));
  const missing = Object.keys(pkg.devDependencies ?? {}).filter((name) => {
    try {
      require.resolve(`${name}/package.json`);
      return false;
    } catch {
      return !existsSync(join(ROOT, "node_modules", name, "package.json"));
    }
  });
  if (missing.length === 0) return null;
  log(`installing missing devDependencies (${missing.join(", ")}) with npm install`);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  try {
    execFileSync(npm, ["install", "--no-audit", "--no-fund"], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"], timeout: 600_000 });
    return null;
  } catch (error) {
    return `npm install failed (${error.message.split("\n")[0]}); parts that need ${missing.join(", ")} are skipped`;
  }
}

function machine() {
  const cpus = os.cpus();
  const python = tryRun(process.env.PYTHON ?? "python3", ["--version"]);
  return {
    cpu: cpus[0]?.model?.trim() ?? "unknown",
    cores: os.availableParallelism?.() ?? cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    python: python ? python.replace(/^Python\s*/, "") : "not found",
    loadAverageAtStart: os.loadavg().map((n) => Number(n.toFixed(2))),
    date: new Date().toISOString(),
    commit: tryRun("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT }) ?? "unknown",
    pkgBuilt: existsSync(join(ROOT, "pkg/eipkit_bg.wasm")) ? statSync(join(ROOT, "pkg/eipkit_bg.wasm")).mtime.toISOString() : null,
  };
}

/** Runs one part in its own process; resolves to its result or { skipped }. */
function runPart(part, tmp) {
  const out = join(tmp, `${part.id}.json`);
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [join(HERE, part.script), "--json", out, ...(quick ? ["--quick"] : [])], {
      cwd: ROOT,
      stdio: ["ignore", "inherit", "pipe"],
      env: { ...process.env, ...(quick ? { BENCH_QUICK: "1" } : {}) },
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
      process.stderr.write(chunk);
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), part.timeoutS * 1000);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      const seconds = (Date.now() - started) / 1000;
      if (code === 0 && existsSync(out)) {
        resolve({ ...JSON.parse(readFileSync(out, "utf8")), seconds });
      } else {
        const why = signal ? `killed by ${signal}${signal === "SIGKILL" ? ` after ${part.timeoutS} s` : ""}` : `exit status ${code}`;
        const tail = stderr.trim().split("\n").filter(Boolean).slice(-3).join(" / ");
        resolve({ skipped: `${part.title} failed (${why}): ${tail || "no output"}`, seconds });
      }
    });
  });
}

const started = Date.now();
const problems = [];
const dependencyProblem = ensureNodeDependencies();
if (dependencyProblem) problems.push(dependencyProblem);
const info = machine();
const parts = {};
const tmp = mkdtempSync(join(os.tmpdir(), "eipkit-bench-"));
try {
  if (!info.pkgBuilt) problems.push("pkg/ is not built (run `npm run build` first): every part but part 5 needs the package");
  for (const part of PARTS) {
    if (only && !only.includes(part.id)) continue;
    if (!info.pkgBuilt && !part.ownBuild) continue;
    log(`${part.title} ...`);
    parts[part.id] = await runPart(part, tmp);
    log(`${part.title}: ${parts[part.id].skipped ? "SKIPPED" : "done"} in ${parts[part.id].seconds.toFixed(0)} s`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
const s = settings();
const totalS = (Date.now() - started) / 1000;

// --- results.md ------------------------------------------------------------------------------
const md = [
  "# eipkit benchmarks",
  "",
  `Generated by \`npm run bench\` (bench/run.mjs)${quick ? " in **quick mode** (short runs; not for reporting)" : ""}. See bench/README.md for what is measured and the caveats.`,
  "",
  "| machine | |",
  "| --- | --- |",
  `| CPU | ${info.cpu} |`,
  `| cores | ${info.cores} |`,
  `| memory | ${info.memoryGiB} GiB |`,
  `| OS | ${info.os} |`,
  `| Node | ${info.node} |`,
  `| Python | ${info.python} |`,
  `| load average at start (1, 5, 15 min) | ${info.loadAverageAtStart.join(", ")} |`,
  `| date | ${info.date} |`,
  `| commit | ${info.commit} (pkg/ built ${info.pkgBuilt ?? "never"}) |`,
  `| timing | warm-up ${s.warmupMs} ms, ${s.runs} runs of ${s.runMs} ms, median; start-up: median of ${s.samples} samples; whole run ${totalS.toFixed(0)} s |`,
  "",
];
for (const part of PARTS) {
  const result = parts[part.id];
  if (!result) continue;
  if (result.skipped) {
    md.push(`### ${part.title}`, "", `Skipped: ${result.skipped}`, "");
    continue;
  }
  for (const section of result.sections) md.push(renderSection(section));
}
if (problems.length) md.push("### Not run", "", ...problems.map((p) => `- ${p}`), "");

const json = { machine: info, settings: s, seconds: totalS, problems, parts };
writeFileSync(join(HERE, "results.md"), sanitize(md.join("\n")));
writeFileSync(join(HERE, "results.json"), `${sanitize(JSON.stringify(json, null, 2))}\n`);
log(`wrote bench/results.md and bench/results.json in ${totalS.toFixed(0)} s`);
