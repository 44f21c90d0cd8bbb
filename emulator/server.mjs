#!/usr/bin/env node
// CLI (`eipkit-emulator` once the package is installed, `node emulator/server.mjs` in a checkout):
//   eipkit-emulator [--port 8787] [--host 127.0.0.1] [--seed demo|empty]
//                   [--transition-ms 300] [--token-ttl-ms 86400000] [--quiet]
// Prints one line, "eip-emulator listening on <url>", to stdout when ready; request logs go to stderr.

import { parseArgs } from 'node:util';
import { startEmulator } from './index.mjs';

const USAGE = `usage: eipkit-emulator [--port 8787] [--host 127.0.0.1] [--seed demo|empty]
                       [--transition-ms 300] [--token-ttl-ms 86400000] [--quiet]`;

function integerOption(raw, name) {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new Error(`--${name} must be a non-negative integer`);
  return Number(raw);
}

/** @returns {object|null} startEmulator options, or null when only help was asked for */
function readOptions(args) {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      'transition-ms': { type: 'string' },
      'token-ttl-ms': { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return null;
  return {
    port: integerOption(values.port, 'port') ?? 8787,
    host: values.host,
    seed: values.seed,
    transitionMs: integerOption(values['transition-ms'], 'transition-ms'),
    tokenTtlMs: integerOption(values['token-ttl-ms'], 'token-ttl-ms'),
    quiet: values.quiet ?? false,
  };
}

let emulator;
try {
  const options = readOptions(process.argv.slice(2));
  if (options === null) {
    process.stdout.write(USAGE + '\n');
    process.exit(0);
  }
  emulator = await startEmulator(options);
} catch (err) {
  process.stderr.write(`eip-emulator: ${err.message}\n${USAGE}\n`);
  process.exit(2);
}

process.stdout.write(`eip-emulator listening on ${emulator.url}\n`);

const stop = async () => {
  await emulator.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
// Started with an IPC channel (spawnEmulator), it also stops when its parent goes away.
process.once('disconnect', stop);
