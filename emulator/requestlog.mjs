// The log of API requests received (not control requests, not preflights), for tests that
// want to assert what a client sent: never a token, an Authorization header, a body or a password.

const MAX_ENTRIES = 5000;

export class RequestLog {
  #entries = [];
  #seq = 0;

  /** Records a request as it arrives; the caller fills in `status` (and `fault`) later. */
  start({ method, path, rawQuery, operation, auth }) {
    const entry = {
      seq: ++this.#seq,
      method,
      path,
      query: queryObject(rawQuery),
      operation,
      status: null,
      auth,
      fault: null,
      at: new Date().toISOString(),
    };
    this.#entries.push(entry);
    if (this.#entries.length > MAX_ENTRIES) this.#entries.shift();
    return entry;
  }

  list() {
    return this.#entries.map((e) => ({ ...e, query: { ...e.query } }));
  }

  clear() {
    this.#entries = [];
    this.#seq = 0;
  }
}

/** The query as an object; a repeated key maps to an array of its values. */
function queryObject(rawQuery) {
  const params = new URLSearchParams(rawQuery);
  return Object.fromEntries(
    [...new Set(params.keys())].map((key) => {
      const values = params.getAll(key);
      return [key, values.length === 1 ? values[0] : values];
    }),
  );
}
