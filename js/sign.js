// signRequest's way into the wasm signer (src/signing.rs). The common case, a plain object whose
// fields are strings (and a real Date or none), goes in as those strings: a JSON snapshot of it,
// its parse and an answer object built from wasm were most of the call (README, Performance).
// Each field of the request is read once, own enumerable keys only, as the snapshot reads them
// (a header that is not a plain string is read again by the snapshot). Anything else goes the
// careful way, a snapshot, where the same rules make it issues and never a throw.

const getTime = Date.prototype.getTime;

const isPlain = (value) => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/** `\0name\0value…` for a plain object of strings none of which holds a NUL; else undefined. */
function headerText(headers) {
  if (headers === undefined) return "";
  if (typeof headers !== "object" || headers === null || !isPlain(headers)) return undefined;
  let text = "";
  for (const name of Object.keys(headers)) {
    const value = headers[name];
    if (typeof value !== "string" || name.includes("\0") || value.includes("\0")) return undefined;
    text += `\0${name}\0${value}`;
  }
  return text;
}

/** A string field that can travel NUL-separated. */
const sendable = (value) => typeof value === "string" && !value.includes("\0");

/** The headers to add, `{ "X-Sdk-Date", "Authorization", … }`, from the signer's answer. */
function headersOf(text) {
  const parts = text.split("\0");
  const headers = {};
  for (let i = 0; i + 1 < parts.length; i += 2) headers[parts[i]] = parts[i + 1];
  return headers;
}

/** Signs `request` with the module's bindings; throws what the signer throws. */
export function sign(wasm, request) {
  let method, url, headers, body, ak, sk, date;
  try {
    if (typeof request !== "object" || request === null || !isPlain(request)) return headersOf(wasm.signRequest(request));
    for (const key of Object.keys(request)) {
      switch (key) {
        case "method": method = request.method; break;
        case "url": url = request.url; break;
        case "headers": headers = request.headers; break;
        case "body": body = request.body; break;
        case "ak": ak = request.ak; break;
        case "sk": sk = request.sk; break;
        case "date": date = request.date; break;
      }
    }
  } catch {
    // A getter or a proxy trap threw: the snapshot names the field.
    return headersOf(wasm.signRequest(request));
  }
  let text, ms;
  try {
    text = headerText(headers);
    ms = date === undefined ? undefined : getTime.call(date);
  } catch {
    text = undefined; // not a plain object of strings, or not a real Date
  }
  const strings = sendable(method) && sendable(url) && sendable(ak) && sendable(sk);
  if (strings && text !== undefined && (body === undefined || typeof body === "string")) {
    return headersOf(wasm.signStrings(`${method}\0${url}\0${ak}\0${sk}${text}`, body ?? "", ms));
  }
  // What was read, read no more: the snapshot sees the values this call already has.
  return headersOf(wasm.signRequest({ method, url, headers, body, ak, sk, date }));
}
