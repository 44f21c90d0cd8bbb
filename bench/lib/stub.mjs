// An injected fetch that times itself, so a part can report a call's time inside the stub (the
// stub's cost, not eipkit's) apart from the rest.
import { performance } from "node:perf_hooks";
import { benchAsync } from "./measure.mjs";

/** Wraps `answer(request) → Response` as a fetch counting its requests and the time inside it. */
export function timedFetch(answer) {
  const stub = async (request) => {
    const t0 = performance.now();
    const response = await answer(request);
    stub.insideMs += performance.now() - t0;
    stub.requests++;
    return response;
  };
  stub.insideMs = 0;
  stub.requests = 0;
  return stub;
}

/**
 * Times `call` with benchAsync after a warm-up pass; adds the calls made, the stub's requests
 * and time inside it over the timed runs, and the elapsed time.
 */
export async function benchWithStub(s, stub, call) {
  await benchAsync(call, { ...s, runs: 1, runMs: s.warmupMs }); // warm-up pass
  let calls = 0;
  stub.insideMs = 0;
  stub.requests = 0;
  const t0 = performance.now();
  const result = await benchAsync(() => (calls++, call()), { ...s, warmupMs: 0 });
  return { ...result, calls, requests: stub.requests, insideMs: stub.insideMs, elapsedMs: performance.now() - t0 };
}
