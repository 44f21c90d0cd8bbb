// Part 3: round trips per second through EipClient against the local EIP API emulator (in its
// own process, over loopback HTTP), one at a time and with 8 in flight, and the client's CPU per
// request against the same signed request sent with the bare global fetch (the floor).
import { performance } from "node:perf_hooks";
import { median } from "./lib/measure.mjs";
import { runPart } from "./lib/part.mjs";
import { spawnEmulator } from "eipkit/emulator";
import { AK, SK, PROJECT_ID, SERVER_ID } from "./fixtures.mjs";

/** Runs `call` from `inFlight` concurrent loops for `ms`; counts completions and CPU time. */
async function load(call, inFlight, ms) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const end = t0 + ms;
  let done = 0;
  const lane = async () => {
    while (performance.now() < end) {
      await call();
      done++;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  const elapsed = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return {
    perSec: (done * 1000) / elapsed,
    latencyUs: (1000 * elapsed * inFlight) / done,
    cpuUsPerRequest: (cpu.user + cpu.system) / done,
  };
}

async function measure(call, inFlight, s) {
  await load(call, inFlight, s.warmupMs);
  const runs = [];
  for (let r = 0; r < s.runs; r++) runs.push(await load(call, inFlight, s.runMs));
  const pick = (key) => median(runs.map((r) => r[key]));
  const perSec = pick("perSec");
  return {
    perSec,
    latencyUs: pick("latencyUs"),
    cpuUsPerRequest: pick("cpuUsPerRequest"),
    spreadPct: (100 * (Math.max(...runs.map((r) => r.perSec)) - Math.min(...runs.map((r) => r.perSec)))) / perSec,
    runs: runs.length,
  };
}

runPart(async (s) => {
  const { EipClient, signRequest } = await import("eipkit");
  const emu = await spawnEmulator({ quiet: true, transitionMs: 20 });
  try {
    // The runtime's own fetch, as an application uses it: a wrapper receiving eipkit's `Request`
    // would have to hand it to fetch, which builds a second one from it (bench/README.md).
    const client = new EipClient({ endpoint: emu.url, projectId: PROJECT_ID, auth: { ak: AK, sk: SK }, retries: 0 });
    const { publicip } = await client.createPublicip({ publicip: { type: "5_bgp" }, bandwidth: { share_type: "PER", name: "bench-bw", size: 5 } });

    // Bare fetch of the same URLs with AK/SK headers signed once (the emulator accepts them for 15 minutes).
    const bare = (url) => {
      const headers = signRequest({ method: "GET", url, ak: AK, sk: SK, headers: { "x-project-id": PROJECT_ID } });
      const all = { ...headers, "x-project-id": PROJECT_ID };
      const get = async (init) => {
        const response = await fetch(url, init);
        if (response.status !== 200) throw new Error(`bare fetch: ${response.status} ${await response.text()}`);
        return await response.json();
      };
      const plain = () => get({ headers: all });
      // What any client that can time out an attempt pays: a controller, its signal (which
      // undici's Request follows) and a timer, as eipkit's transport has per attempt.
      plain.timed = async () => {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 30_000);
        try {
          return await get({ headers: all, signal: controller.signal });
        } finally {
          clearTimeout(timer);
        }
      };
      return plain;
    };
    const operations = [
      {
        label: "showPublicip",
        call: () => client.showPublicip(publicip.id),
        bare: bare(`${emu.url}/v1/${PROJECT_ID}/publicips/${publicip.id}`),
      },
      {
        label: "listPorts (one port)",
        call: () => client.listPorts({ device_id: SERVER_ID }),
        bare: bare(`${emu.url}/v1/${PROJECT_ID}/ports?device_id=${SERVER_ID}`),
      },
    ];
    const rows = [];
    const data = {};
    for (const op of operations) {
      await op.bare(); // fails fast if the pre-signed request is refused
      for (const inFlight of [1, 8]) {
        const lib = await measure(op.call, inFlight, s);
        const base = await measure(op.bare, inFlight, s);
        const timed = await measure(op.bare.timed, inFlight, s);
        data[`${op.label} x${inFlight}`] = { eipkit: lib, bareFetch: base, bareFetchWithTimeout: timed };
        const mode = inFlight === 1 ? "sequential" : "8 in flight";
        rows.push([
          `${op.label}, ${mode}`,
          Math.round(lib.perSec).toLocaleString("en-US"),
          `${(lib.latencyUs / 1000).toFixed(2)} ms`,
          `${Math.round(lib.cpuUsPerRequest)} µs`,
          Math.round(base.perSec).toLocaleString("en-US"),
          `${Math.round(base.cpuUsPerRequest)} µs`,
          `${(lib.cpuUsPerRequest / base.cpuUsPerRequest).toFixed(2)}×`,
          `${Math.round(timed.cpuUsPerRequest)} µs`,
          `${(lib.cpuUsPerRequest / timed.cpuUsPerRequest).toFixed(2)}×`,
        ]);
        console.error(`${op.label} x${inFlight}: ${Math.round(lib.perSec)}/s (bare ${Math.round(base.perSec)}/s)`);
      }
    }
    const notes = [
      `Median of ${s.runs} runs of ${s.runMs} ms after ${s.warmupMs} ms of warm-up. AK/SK auth (each request signed), no retries. ` +
        "The emulator runs in its own Node process on the same machine (2 cores: client and server each have about one).",
      "\"client CPU\": CPU time (user + system) of the client process per request: eipkit plus Node's HTTP stack, without the emulator. " +
        "eipkit uses the runtime's global fetch, as an application does.",
      "\"bare fetch\": the same signed GET with the global fetch and `response.json()`, no library: the floor for this machine and emulator. " +
        "\"with a timeout\": the same, with an `AbortController`'s signal and a 30 s timer cleared after the answer, as any client with a per-attempt timeout needs (eipkit's default timeout is 30 s).",
    ];
    return {
      title: "Round trips against the emulator",
      sections: [
        {
          heading: "3. Round trips against the emulator (Node)",
          columns: ["request", "eipkit req/s", "latency", "client CPU per request", "bare fetch req/s", "bare fetch client CPU", "client CPU, eipkit / bare", "bare fetch with a timeout, client CPU", "eipkit / with a timeout"],
          rows,
          notes,
        },
      ],
      data,
    };
  } finally {
    await emu.close();
  }
});
