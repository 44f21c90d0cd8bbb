// Runs the project's EIP API emulator in its own process, so that the benchmarked client and the
// server do not share an event loop (on 2 cores, one each). Prints its URL as one JSON line;
// exits when its parent closes stdin or sends SIGTERM.
import { startEmulator } from "../../emulator/index.mjs";

const emu = await startEmulator({ quiet: true, transitionMs: 20 });
process.stdout.write(`${JSON.stringify({ url: emu.url })}\n`);
const stop = async () => {
  await emu.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.stdin.on("end", stop);
process.stdin.resume();
