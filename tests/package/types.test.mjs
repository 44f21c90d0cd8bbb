// The TypeScript declarations: a strict consumer of every export type-checks, wrong field names
// and types are compile errors (tests/types/consumer.mts; emulator.mts for eipkit/emulator,
// proxy.mts for eipkit/proxy, validate.mts for eipkit/validate), the Standard Schemas type as the
// spec's interface and are accepted by Hono's and TanStack Form's types (standard-schema.mts),
// and no public signature uses `any`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

test("a strict consumer of every export type-checks against js/index.d.ts, js/proxy.d.ts and emulator/index.d.ts, and so do Standard Schema consumers", () => {
  try {
    execFileSync(`${root}node_modules/.bin/tsc`, ["-p", "tests/types/tsconfig.json"], { cwd: root, encoding: "utf8" });
  } catch (error) {
    assert.fail(`tsc reported:\n${error.stdout}${error.stderr}`);
  }
});

test("no `any` in the public declarations", () => {
  for (const file of ["js/index.d.ts", "js/proxy.d.ts", "emulator/index.d.ts"]) {
    assert.doesNotMatch(readFileSync(`${root}${file}`, "utf8"), /\bany\b/, file);
  }
});
