// Part 5 (issue #11): serde-wasm-bindgen against the JSON route, for what the wasm hands to JS
// (validation results, response models) and what it reads from JS (request bodies). Builds the
// crate with its `compare-serde-wasm-bindgen` feature (src/compare.rs: the same work through
// each route) with the stable toolchain into target/compare/, then times each pair in this one
// process, interleaved, with the same helper as the other parts. It needs no `npm run build`.
//
//   node bench/serde-wasm-bindgen.mjs [--quick] [--json FILE]
//
// Also: which hostile inputs each input route takes, and the wasm's size with and without the
// comparison (both wasm-opt -Oz'd when wasm-opt is there).
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import os from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { gzipSync } from "node:zlib";
import { snapshot } from "../js/snapshot.js";
import { benchSync, median } from "./lib/measure.mjs";
import { attempt, runPart } from "./lib/part.mjs";
import { createPrepaidInvalid, createPrepaidValid, createV1Invalid, createV1Valid, publicipList } from "./fixtures.mjs";

const ROOT = new URL("../", import.meta.url).pathname;
const TARGET = join(ROOT, "target/compare");
const WASM = join(TARGET, "wasm32-unknown-unknown/release/eipkit.wasm");
const TITLE = "5. serde-wasm-bindgen against the JSON route";
const FEATURE = "compare-serde-wasm-bindgen";
const SOURCES = ["Cargo.toml", "Cargo.lock", "core/Cargo.toml", "src", "core/src", "js/snapshot.js"];

/** The newest modification time among `paths` (folders: every file under them). */
function newest(paths) {
  let latest = 0;
  for (const path of paths.map((p) => join(ROOT, p))) {
    const files = statSync(path).isDirectory() ? readdirSync(path, { recursive: true }).map((f) => join(path, f)) : [path];
    for (const file of files) latest = Math.max(latest, statSync(file).mtimeMs);
  }
  return latest;
}

const run = (cmd, args) => execFileSync(cmd, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });

/**
 * Builds the crate (with `features`) and its glue into `out`, unless `out` is newer than the
 * sources. The web target, loaded as js/node.js loads the package (the nodejs target's CommonJS
 * glue cannot `require` the ES module snippets, js/snapshot.js among them).
 */
function build(features, out) {
  const glue = join(out, "eipkit_bg.wasm");
  if (existsSync(glue) && statSync(glue).mtimeMs > newest(SOURCES)) return glue;
  console.error(`[serde-wasm-bindgen] building ${features.length ? features.join(" ") : "the default features"} into ${out.replace(ROOT, "")}`);
  try {
    execFileSync("cargo", ["build", "--release", "--target", "wasm32-unknown-unknown", "-p", "eipkit", "--target-dir", TARGET, ...features], {
      cwd: ROOT,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, RUSTUP_TOOLCHAIN: "stable" },
    });
  } catch (error) {
    throw new Error(`cargo build failed (${error.message.split("\n")[0]})`);
  }
  try {
    run("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", out, WASM]);
  } catch (error) {
    throw new Error(`wasm-bindgen failed (${error.code === "ENOENT" ? "not installed: bash scripts/setup.sh installs it" : String(error.stderr || error.message).trim().split("\n")[0]})`);
  }
  return glue;
}

/** wasm-opt -Oz (the package's flags, scripts/build.sh) on a copy; the copy's path, or null without wasm-opt. */
function optimised(wasm) {
  const local = join(ROOT, "node_modules/.bin/wasm-opt");
  const found = existsSync(local) ? local : (process.env.PATH ?? "").split(delimiter).map((d) => join(d, "wasm-opt")).find(existsSync);
  if (!found) return null;
  const out = wasm.replace(/\.wasm$/, ".opt.wasm");
  copyFileSync(wasm, out);
  run(found, ["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue", out, "-o", out]);
  return out;
}

const sizeOf = (file) => {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};

/**
 * Times two functions doing the same work: rounds of one timed run each, the order swapped
 * every round, so that a change of load on the machine falls on both alike; medians of the rounds.
 */
function pair(s, json, swb) {
  for (const fn of [json, swb]) benchSync(fn, { warmupMs: s.warmupMs, runMs: 1, runs: 1 });
  const us = { json: [], swb: [] };
  for (let round = 0; round < s.runs; round++) {
    const order = round % 2 ? [["swb", swb], ["json", json]] : [["json", json], ["swb", swb]];
    for (const [route, fn] of order) us[route].push(benchSync(fn, { warmupMs: 20, runMs: s.runMs, runs: 1 }).usPerOp);
  }
  const spread = (values) => (100 * (Math.max(...values) - Math.min(...values))) / median(values);
  return { jsonUs: median(us.json), swbUs: median(us.swb), jsonSpreadPct: spread(us.json), swbSpreadPct: spread(us.swb), rounds: s.runs };
}

/**
 * Hostile inputs for the input routes: [label, value, the path whose reading the table shows].
 * The last ones break the instance that reads them (each input gets a fresh one).
 */
function hostile() {
  const bandwidth = { share_type: "PER", name: "bw", size: 5 };
  const body = (publicip, band = bandwidth) => ({ publicip: { type: "5_bgp", ...publicip }, bandwidth: band });
  const size = (value) => body({}, { ...bandwidth, size: value });
  const cycle = body({});
  cycle.publicip.self = cycle;
  let deep = {};
  for (let i = 0; i < 100_000; i++) deep = { a: deep };
  return [
    ["a getter that throws", { publicip: { get type() { throw new Error("getter threw"); } }, bandwidth }, "publicip.type"],
    ["a Proxy whose `ownKeys` trap throws", { publicip: new Proxy({}, { ownKeys() { throw new Error("trap threw"); } }), bandwidth }, "publicip"],
    ["`size: NaN`", size(NaN), "bandwidth.size"],
    ["`size: Infinity`", size(Infinity), "bandwidth.size"],
    ["`size: 5n` (a BigInt)", size(5n), "bandwidth.size"],
    ["`size: 2n ** 70n`", size(2n ** 70n), "bandwidth.size"],
    ["`type` a function", { publicip: { type() {} }, bandwidth }, "publicip.type"],
    ["`alias: undefined`", body({ alias: undefined }), "publicip.alias"],
    ["`alias` a Date", body({ alias: new Date(0) }), "publicip.alias"],
    ["`bandwidth` a Map", body({}, new Map(Object.entries(bandwidth))), "bandwidth"],
    ["`alias` with a lone surrogate", body({ alias: "a\uD800" }), "publicip.alias"],
    ["a cycle (`publicip.self` is the body)", cycle, "publicip.self"],
    ["nested 100,000 deep", deep, "a.a.a"],
  ];
}

/** The member at a dotted `path` of JSON `text`, as JSON text ("absent" if there is none). */
const at = (text, path) => {
  const value = path.split(".").reduce((v, key) => (v !== null && typeof v === "object" ? v[key] : undefined), JSON.parse(text));
  return value === undefined ? "absent" : JSON.stringify(value);
};

const cell = (text, max = 90) => {
  const short = text.length > max ? `${text.slice(0, max)}…` : text;
  return `\`${short.replaceAll("`", "'").replaceAll("|", "\\|").replaceAll("\u0000", "\\u0000")}\``;
};

runPart(async (s) => {
  const loadAtStart = os.loadavg().map((n) => Number(n.toFixed(2)));
  const built = await attempt("the comparison build", async () => build(["--features", FEATURE], join(TARGET, "pkg")));
  if (built.skipped) {
    return { title: TITLE, skipped: built.skipped, sections: [{ heading: TITLE, notes: [`Skipped: ${built.skipped}`] }], data: { skipped: built.skipped } };
  }
  const wasm = await import(pathToFileURL(join(TARGET, "pkg/eipkit.js")).href);
  wasm.initSync({ module: readFileSync(built) });

  const answerText = publicipList(10);
  const answer = new wasm.CompareAnswer(answerText);
  const large = new wasm.CompareAnswer(publicipList(100));
  const cases = [
    ["result: create v1, valid (`{ ok: true, issues: [] }`)", () => wasm.compareResultJson("createPublicip", createV1Valid), () => wasm.compareResultSwb("createPublicip", createV1Valid)],
    ["result: create v1, invalid (3 issues)", () => wasm.compareResultJson("createPublicip", createV1Invalid), () => wasm.compareResultSwb("createPublicip", createV1Invalid)],
    ["result: create prepaid v2.0, invalid (4 issues)", () => wasm.compareResultJson("createPrepaidPublicip", createPrepaidInvalid), () => wasm.compareResultSwb("createPrepaidPublicip", createPrepaidInvalid)],
    ["response model: 10 EIPs, typed `PublicipList`", () => answer.typedJson(), () => answer.typedSwb()],
    ["response: the same 10 EIPs as `serde_json::Value` (what the client hands over)", () => answer.wireJson(), () => answer.wireSwb()],
    ["response model: 100 EIPs, typed `PublicipList`", () => large.typedJson(), () => large.typedSwb()],
    ["input: create v1 body → `serde_json::Value`", () => wasm.compareInputJson(createV1Valid), () => wasm.compareInputSwb(createV1Valid)],
    ["input: create prepaid v2.0 body → `serde_json::Value`", () => wasm.compareInputJson(createPrepaidValid), () => wasm.compareInputSwb(createPrepaidValid)],
  ];

  // Equal work first: both routes must give the same JS value (or key count) on every case.
  for (const [label, json, swb] of cases) {
    if (!isDeepStrictEqual(json(), swb())) throw new Error(`the two routes disagree on "${label}"`);
  }
  if (!isDeepStrictEqual(answer.wireJson(), JSON.parse(answerText))) throw new Error("the JSON route does not give the answer back as JSON.parse does");

  const rows = [];
  const data = { loadAverageAtStart: loadAtStart, cases: [] };
  for (const [label, json, swb] of cases) {
    const m = pair(s, json, swb);
    data.cases.push({ label, ...m });
    rows.push([label, m.jsonUs, m.swbUs, `${(m.swbUs / m.jsonUs).toFixed(2)}×`]);
    console.error(`[serde-wasm-bindgen] ${label}: JSON ${m.jsonUs.toFixed(2)} µs, swb ${m.swbUs.toFixed(2)} µs`);
  }
  // What the validators answer today for a valid body (made in JS, src/validators.rs), for reference.
  data.validatorToday = benchSync(() => wasm.validateCreatePublicip(createV1Valid), s);
  data.loadAverageAtEnd = os.loadavg().map((n) => Number(n.toFixed(2)));
  // An answer with an integer JS numbers cannot hold exactly.
  const big = new wasm.CompareAnswer('{"publicips":[],"total":9007199254740993}');
  data.largeInteger = { json: JSON.stringify(big.wireJson()), swb: String(JSON.stringify(big.wireSwb())) };

  // Each hostile input on a fresh instance of the module, then a plain body on that instance:
  // a trap, or a throw through the wasm, can leave an instance broken for every later call.
  const module = new WebAssembly.Module(readFileSync(built));
  let instances = 0;
  const fresh = async () => {
    const instance = await import(`${pathToFileURL(join(TARGET, "pkg/eipkit.js")).href}?instance=${++instances}`);
    instance.initSync({ module });
    return instance;
  };
  const outcome = (fn) => {
    try {
      return { value: fn() };
    } catch (error) {
      // (serde-wasm-bindgen's messages begin with "Error: " already)
      return { error: `${error?.constructor?.name ?? "a value"}: ${String(error?.message ?? error).replace(/^Error: /, "")}` };
    }
  };
  const hostileRows = [];
  const inputs = hostile();
  for (const [label, value, path] of inputs) {
    const instance = await fresh();
    const read = outcome(() => instance.compareInputSwbText(value));
    const after = outcome(() => instance.compareInputSwb(createV1Valid));
    hostileRows.push([
      label,
      `\`${path}\``,
      cell(at(snapshot(value), path)),
      read.error ? `**throws** ${cell(read.error, 70)}` : `reads ${cell(at(read.value, path))}`,
      after.error ? `**broken**: ${cell(after.error, 50)}` : "works",
    ]);
  }
  // A throw through the wasm skips the frames' cleanup: how many throwing reads one instance takes.
  const leaky = await fresh();
  const [, throwing] = inputs[0];
  let throws = 0;
  while (throws < 1_000_000 && outcome(() => leaky.compareInputSwb(throwing)).error === "Error: getter threw") throws++;
  data.throwsUntilBroken = throws;
  data.afterThrows = outcome(() => leaky.compareInputSwb(createV1Valid));
  data.hostile = hostileRows;

  const sizes = await attempt("the wasm size", async () => {
    const base = build([], join(TARGET, "pkg-default"));
    const [a, b] = [optimised(base), optimised(join(TARGET, "pkg/eipkit_bg.wasm"))];
    return { optimised: a !== null, default: sizeOf(a ?? base), compare: sizeOf(b ?? join(TARGET, "pkg/eipkit_bg.wasm")) };
  });
  data.size = sizes;

  const notes = [
    `µs per call, median of ${s.runs} rounds; each round times both routes (${s.runMs} ms each, after a warm-up of ${s.warmupMs} ms per route at the start), in alternating order. Ratio: serde-wasm-bindgen's time over the JSON route's; under 1× serde-wasm-bindgen is faster.`,
    "Both routes are checked to give the same JS value first (deep equality), so equal work is compared. The JSON route is the package's: `to_js` (serde_json::to_string, then JSON.parse) for results, the snapshot (js/snapshot.js's JSON text, parsed with serde_json::from_slice) for inputs; serde-wasm-bindgen uses `Serializer::json_compatible()` and `from_value`.",
    "Result rows include the validation itself (the snapshot and the rule walk, the same in both), as a validator call does; the difference between the columns is the cost of the hand-over alone. The validators do not serialise the valid result at all: they make `{ ok: true, issues: [] }` in JS " +
      `(\`validateCreatePublicip\` on the same body: ${data.validatorToday.usPerOp.toFixed(2)} µs).`,
    `An answer with an integer past 2^53 (\`{"publicips":[],"total":9007199254740993}\`): the JSON route gives \`${data.largeInteger.json}\` (rounded, as \`JSON.parse\` does); serde-wasm-bindgen gives \`${data.largeInteger.swb}\` (its JSON-compatible serializer refuses integers outside the safe range, and the whole answer is lost).`,
    "Input rows read the body into a `serde_json::Value` and return its number of keys: the reading alone, no validation.",
    `The wasm is the stable toolchain's release build (opt-level "z", LTO), not the package's nightly build-std one: the routes are compared with each other, not with results.md's other parts. Load average at the start ${loadAtStart.join(", ")}, at the end of the timing ${data.loadAverageAtEnd.join(", ")} (2 cores: other work moves the figures; the interleaving keeps it off the ratios as far as it can).`,
  ];
  if (sizes.skipped) notes.push(`Size skipped: ${sizes.skipped}.`);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const sizeRows = sizes.skipped
    ? []
    : [
        ["default features (as the package, on stable)", `${kb(sizes.default.raw)} / ${kb(sizes.default.gzip)}`],
        [`with \`${FEATURE}\` (both routes, src/compare.rs)`, `${kb(sizes.compare.raw)} / ${kb(sizes.compare.gzip)}`],
        ["difference", `+${kb(sizes.compare.raw - sizes.default.raw)} / +${kb(sizes.compare.gzip - sizes.default.gzip)}`],
      ];
  return {
    title: TITLE,
    sections: [
      { heading: TITLE, columns: ["case", "JSON route µs", "serde-wasm-bindgen µs", "ratio"], rows, notes },
      {
        heading: "5b. Hostile inputs: what each input route reads",
        columns: ["input", "at", "snapshot (js/snapshot.js: what the validator reads there)", "serde-wasm-bindgen `from_value::<serde_json::Value>`", "that instance afterwards"],
        align: ["l", "l", "l", "l", "l"],
        rows: hostileRows,
        notes: [
          "A marker `{\"\\u0000eipkit\": kind}` is how the snapshot names a value JSON cannot hold; the validator reports it (`received: \"NaN\"`). A throw out of a validator breaks its promise never to throw.",
          "Each input is read by a fresh instance of the module; \"afterwards\" is a plain create body read by that same instance.",
          `The throwing getter, read again and again by one instance: ${data.throwsUntilBroken.toLocaleString("en-US")} throws, then ${data.afterThrows.error ? `the instance is broken (${data.afterThrows.error}), for every later call too` : "still working"}. A throw through the wasm skips the Rust frames' cleanup, so each one leaks their stack (and whatever they had allocated).`,
        ],
      },
      {
        heading: "5c. wasm size with and without the serde-wasm-bindgen code",
        columns: ["build (stable, release)", `wasm raw / gzip -9${sizes.optimised ? ", after wasm-opt -Oz" : ", no wasm-opt found"}`],
        rows: sizeRows,
        notes: sizes.skipped
          ? []
          : ["The difference is all of src/compare.rs: serde-wasm-bindgen, its serializer for three types and its deserializer into a `Value`, the typed answer model and the exports; more than any one use of it would add (serde_json stays either way: the answers are read with it)."],
      },
    ],
    data,
  };
});
