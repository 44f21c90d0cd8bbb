// A client for the control API (/__emulator/...) of a running emulator, wherever it runs:
// startEmulator(), spawnEmulator() or the eipkit-emulator CLI.

/**
 * The control API of the emulator at `url`. Each method resolves to the control API's JSON
 * answer and rejects with an Error naming the call when the emulator refuses it.
 * @param {string} url the emulator's URL, e.g. "http://127.0.0.1:8787"
 * @param {{ fetch?: typeof globalThis.fetch }} [options] the fetch to send with (default: the global one)
 */
export function connectEmulator(url, { fetch = globalThis.fetch } = {}) {
  const control = async (method, path, body) => {
    const res = await fetch(`${url}/__emulator/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = res.status === 204 ? null : await res.json();
    if (!res.ok) throw new Error(`emulator: ${method} /__emulator/${path} answered ${res.status}: ${answer?.error ?? ''}`);
    return answer;
  };
  return {
    url,
    control,
    state: () => control('GET', 'state'),
    reset: (settings = {}) => control('POST', 'reset', settings),
    config: (settings) => control('POST', 'config', settings),
    fault: (fault, match = {}, times = 1) => control('POST', 'faults', { fault, match, times }),
    requests: async (operation) => (await control('GET', 'requests')).filter((r) => !operation || r.operation === operation),
  };
}
