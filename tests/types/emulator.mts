// A consumer of every export of "eipkit/emulator", type-checked strictly against
// emulator/index.d.ts (tests/package/types.test.mjs). Each `@ts-expect-error` line must be an error.
import { DEFAULTS, connectEmulator, spawnEmulator, startEmulator, type LoggedRequest } from "eipkit/emulator";

const emu = await startEmulator({ port: 0, seed: "empty", transitionMs: 20, quiet: true, credentials: [{ ak: "AK", sk: "SK" }] });
const url: string = emu.url;
emu.state.settle(Date.now());
const eips: number = emu.state.eips.size;

const control = connectEmulator(url, { fetch: globalThis.fetch });
await control.reset({ seed: "demo", holdStatuses: ["BINDING"] });
await control.config({ defaultPageSize: 10 });
await control.fault({ type: "retryAfter", seconds: 2 }, { operation: "listPorts" }, 3);
await control.fault({ type: "status", status: 503, body: { code: "VPC.0500", message: "down" } });
const logged: LoggedRequest[] = await control.requests("createPublicip");
console.log(eips, logged[0]?.auth, await control.state(), await control.control("POST", "tokens/expire"));
await emu.close();

const child = await spawnEmulator({ seed: "demo", timeoutMs: 5000 });
const pid: number = child.pid;
console.log(pid, DEFAULTS.projectId);
await child.close();

// @ts-expect-error: not a seed
await startEmulator({ seed: "full" });
// @ts-expect-error: not a fault type
await control.fault({ type: "explode" });
// @ts-expect-error: a retryAfter fault needs its seconds
await control.fault({ type: "retryAfter" });
// @ts-expect-error: the child process takes the CLI's options only
await spawnEmulator({ projectId: "x" });
// @ts-expect-error: config cannot change the seed (reset does)
await control.config({ seed: "empty" });
