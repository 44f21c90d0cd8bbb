// The snapshot's fast path (plain JSON data straight through JSON.stringify) writes exactly what
// the careful copy writes, for every value it takes; everything else goes the careful way.
import { test } from "node:test";
import assert from "node:assert/strict";
import { snapshot, carefully } from "../../js/snapshot.js";

const PLAIN = [
  { publicip: { type: "5_bgp", alias: "web" }, bandwidth: { share_type: "PER", name: "bw", size: 5 } },
  { a: -0, b: 1e21, c: 5e-324, d: Number.MAX_SAFE_INTEGER + 2, e: "", f: "名字", g: "\u2028\"\\", h: null, i: true },
  { list: [1, "two", null, false, { x: 1 }], empty: [], nested: { deeper: { deepest: 1 } } },
  JSON.parse('{"__proto__": {"polluted": true}, "constructor": "x"}'),
  Object.assign(Object.create(null), { bare: 1 }),
  { skipped: undefined, kept: 1 },
  "a string", 42, true, null, [],
];
const NOT_PLAIN = [
  undefined, NaN, Infinity, 10n, Symbol("s"), () => 1, new Date(0), new Map(), /x/, new Uint8Array(2),
  { nan: NaN }, { big: 1n }, { fn() {} }, { date: new Date(0) }, { toJSON: () => "sneaky" },
  { lone: "\ud800" }, [1, , 3], [undefined], new Array(300).fill(1),
  { a: { b: { c: { d: 1 } } } }, // deeper than any field
  new (class Body { constructor() { this.x = 1; } })(),
  { get throws() { throw new Error("no"); } },
  new Proxy({}, { ownKeys() { throw new Error("trap"); } }),
];

test("plain data: the fast path writes what the careful copy writes", () => {
  for (const value of PLAIN) assert.equal(snapshot(value), carefully(value), JSON.stringify(value));
});

test("anything else goes the careful way, with the same result as before", () => {
  for (const value of NOT_PLAIN) assert.equal(snapshot(value), carefully(value), String(typeof value));
});

test("a proxy that answers differently the second time still gets a snapshot, never a throw", () => {
  let reads = 0;
  const shifty = new Proxy({ type: "5_bgp" }, { get: (t, k) => (reads++ === 0 ? t[k] : 10n) });
  assert.doesNotThrow(() => JSON.parse(snapshot({ publicip: shifty })));
});
