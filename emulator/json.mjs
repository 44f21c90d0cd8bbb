// A strict RFC 8259 JSON parser that also remembers which numbers were written as
// non-integers (`5.0`, `1e2`). JSON.parse turns `5.0` into 5, so a server built on it cannot
// tell that a client sent a float where the API wants an integer; a Java/Go server with typed
// fields can. The emulator wants to catch that client bug (e.g. a Rust f64 serialised as "5.0").

const MAX_DEPTH = 64;
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const ESCAPES = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * @param {string} text
 * @returns {{ value: unknown, floats: Set<string> }} `floats` holds the dotted paths
 *   (`bandwidth.size`, `list[2]`) of numbers whose literal had a fraction or an exponent.
 * @throws {SyntaxError} with the offending position in the message
 */
export function parseJson(text) {
  const floats = new Set();
  let i = 0;

  const fail = (what) => {
    throw new SyntaxError(`${what} at position ${i}`);
  };
  const skipWs = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };

  function value(path, depth) {
    if (depth > MAX_DEPTH) fail('nesting too deep');
    skipWs();
    const c = text[i];
    if (c === '{') return object(path, depth);
    if (c === '[') return array(path, depth);
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) return number(path);
    for (const [word, v] of [['true', true], ['false', false], ['null', null]]) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    return fail(c === undefined ? 'unexpected end of input' : `unexpected character ${JSON.stringify(c)}`);
  }

  function object(path, depth) {
    const out = {};
    i++; // {
    skipWs();
    if (text[i] === '}') {
      i++;
      return out;
    }
    for (;;) {
      skipWs();
      if (text[i] !== '"') fail('expected a string key');
      const key = string();
      skipWs();
      if (text[i] !== ':') fail('expected ":"');
      i++;
      const v = value(path ? `${path}.${key}` : key, depth + 1);
      // defineProperty so that a "__proto__" key is an ordinary own property, as with JSON.parse.
      Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      skipWs();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return out;
      }
      fail('expected "," or "}"');
    }
  }

  function array(path, depth) {
    const out = [];
    i++; // [
    skipWs();
    if (text[i] === ']') {
      i++;
      return out;
    }
    for (;;) {
      out.push(value(`${path}[${out.length}]`, depth + 1));
      skipWs();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return out;
      }
      fail('expected "," or "]"');
    }
  }

  function string() {
    i++; // opening quote
    let out = '';
    for (;;) {
      const c = text[i];
      if (c === undefined) fail('unterminated string');
      if (c === '"') {
        i++;
        return out;
      }
      if (c < ' ') fail('control character in string');
      if (c !== '\\') {
        out += c;
        i++;
        continue;
      }
      const e = text[i + 1];
      if (e === 'u') {
        const hex = text.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
        out += String.fromCharCode(parseInt(hex, 16));
        i += 6;
      } else if (e in ESCAPES) {
        out += ESCAPES[e];
        i += 2;
      } else {
        fail('bad escape');
      }
    }
  }

  function number(path) {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) fail('bad number');
    i = NUMBER.lastIndex;
    if (m[1] !== undefined || m[2] !== undefined) floats.add(path);
    return Number(m[0]);
  }

  const result = value('', 0);
  skipWs();
  if (i < text.length) fail('unexpected data after the JSON value');
  return { value: result, floats };
}
