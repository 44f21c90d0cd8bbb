// Live JS values enter the wasm module once, as a snapshot: this copies a value into JSON text
// in one pass, so validating a body crosses the JS/wasm boundary once instead of several times
// per field. It never throws, whatever the value:
// - only own enumerable string keys count (as in JSON.stringify); getters and proxy traps run
//   inside `try`, and what throws becomes the marker "unreadable";
// - values JSON cannot hold (NaN, Infinity, BigInt, symbols, functions, dates, maps, ...) become
//   a marker naming them, so the validator reports `received: "NaN"` instead of a silent null;
// - objects deeper than any field of any request are reduced to their kind (cycles and deep
//   nesting cost nothing); lone surrogates are made well formed (U+FFFD), which the charset
//   check then reports.
// A marker is `{ "\u0000eipkit": kind }` (src/snapshot.rs reads it).

const MARK = "\u0000eipkit";
/** The body, an object in it, a field: nothing the API defines is deeper. */
const DEPTH = 3;
/** Longer arrays are reduced to their kind (no option takes a long list). */
const MAX_ITEMS = 256;
const KINDS = {
  Date: "date", Map: "map", Set: "set", WeakMap: "map", WeakSet: "set", RegExp: "regexp", Promise: "promise",
  Error: "error", String: "boxed primitive", Number: "boxed primitive", Boolean: "boxed primitive",
  ArrayBuffer: "binary data", SharedArrayBuffer: "binary data", DataView: "binary data",
};

const mark = (kind) => ({ [MARK]: kind });

/** The answer of a validator for a body without issues (src/validators.rs): made here, cheaply. */
export const valid = () => ({ ok: true, issues: [] });

export function snapshot(value) {
  try {
    // Most inputs are plain JSON data (a form's values, a parsed body): those go through the
    // native JSON.stringify as they are. Only the rest pay for the careful copy.
    if (plain(value, DEPTH)) return JSON.stringify(value);
  } catch {
    // A getter or a proxy trap threw: the careful copy says which field.
  }
  return carefully(value);
}

/** The careful copy alone (exported for tests/js/snapshot.test.mjs, which compares the two). */
export function carefully(value) {
  try {
    return JSON.stringify(value === undefined ? mark("undefined") : copy(value, DEPTH));
  } catch {
    return JSON.stringify(mark("unreadable"));
  }
}

/**
 * Whether JSON.stringify would write `value` exactly as the careful copy does: strings (well
 * formed), finite numbers, booleans, null, and plain objects and short arrays of those, no
 * deeper than `depth`. Allocates nothing but `Object.keys`; may throw (a getter), which means no.
 */
function plain(value, depth) {
  switch (typeof value) {
    case "string":
      return value.isWellFormed();
    case "number":
      return Number.isFinite(value);
    case "boolean":
      return true;
    case "object":
      if (value === null) return true;
      if (depth === 0) return false;
      if (Array.isArray(value)) {
        if (value.length > MAX_ITEMS || Object.getPrototypeOf(value) !== Array.prototype) return false;
        for (let i = 0; i < value.length; i++) if (!(i in value) || !plain(value[i], depth - 1)) return false;
        return true;
      }
      {
        const proto = Object.getPrototypeOf(value);
        if (proto !== Object.prototype && proto !== null) return false;
        for (const key of Object.keys(value)) {
          const item = value[key];
          // An absent (undefined) member is skipped by both; anything else must be plain too.
          if (item !== undefined && !plain(item, depth - 1)) return false;
        }
        return true;
      }
    default:
      return false; // undefined at the top, bigint, symbol, function
  }
}

function copy(value, depth) {
  switch (typeof value) {
    case "string":
      return value.isWellFormed() ? value : value.toWellFormed();
    case "number":
      return Number.isFinite(value) ? value : mark(Number.isNaN(value) ? "NaN" : "Infinity");
    case "boolean":
      return value;
    case "undefined":
      return undefined; // an absent member, as in JSON
    case "bigint":
    case "symbol":
    case "function":
      return mark(typeof value);
    default:
      return value === null ? null : object(value, depth);
  }
}

function object(value, depth) {
  try {
    if (Array.isArray(value)) {
      if (depth === 0 || value.length > MAX_ITEMS) return mark("array");
      return Array.from(value, (item) => copy(item, depth - 1) ?? null);
    }
    const tag = Object.prototype.toString.call(value).slice(8, -1);
    if (KINDS[tag] || tag.endsWith("Array")) return mark(KINDS[tag] ?? "binary data");
    if (depth === 0) return mark("object");
    const out = {};
    for (const key of Object.keys(value)) {
      let item;
      try {
        item = copy(value[key], depth - 1);
      } catch {
        item = mark("unreadable");
      }
      // defineProperty: a key named "__proto__" is data, not the prototype.
      if (item !== undefined) Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    }
    return out;
  } catch {
    return mark("unreadable"); // a revoked proxy, a throwing ownKeys trap
  }
}
