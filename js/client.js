// The client API over the wasm engine: EipClient, iamTokenProvider and signRequest. Async calls
// await the registered `ready` (engine.js) first; signRequest needs the module ready already.
import { keeps, unregistered } from "./engine.js";
import { EipError } from "./error.js";
import { CLIENT_METHODS } from "./operations.js";
import { sign } from "./sign.js";

let wasm;
let ready = unregistered;

/** For entries, through api.js: the wasm bindings and `ready` (engine.js). */
export default function useClient(bindings, readiness) {
  if (keeps(ready, readiness)) return;
  wasm = bindings;
  ready = readiness;
}

/** Calls `fn`, turning whatever it throws or rejects with into an EipError. */
async function guarded(operation, fn) {
  try {
    return await fn();
  } catch (thrown) {
    throw EipError.from(thrown, operation);
  }
}

// Made by a call marked pure, so that a bundle that never uses EipClient drops it: the static
// block that defines its request methods would otherwise count as a side effect.
export const EipClient = /* @__PURE__ */ (() =>
  class EipClient {
    #options;
    #raw;

    constructor(options) {
      this.#options = options;
      // Where the module is already instantiated, bad options throw here, synchronously.
      if (ready.isReady()) this.#engine();
    }

    #engine() {
      if (!this.#raw) {
        try {
          this.#raw = new wasm.RawClient(this.#options);
        } catch (thrown) {
          throw EipError.from(thrown, "EipClient");
        }
      }
      return this.#raw;
    }

    async #call(operation, ...args) {
      await ready();
      return guarded(operation, () => this.#engine()[operation](...args));
    }

    /** One operation of the core's registry, through the engine's single entry. */
    async #send(method, args, options) {
      await ready();
      return guarded(method, () => this.#engine().call(method, args, options));
    }

    static {
      // The methods that send one request (createPublicip, bindPublicip, listPorts, ...) come
      // from the core's operation registry (js/operations.js, generated); their types are in
      // index.d.ts. A page of a list gets the paging methods below instead.
      for (const { name, arity, pageOf } of CLIENT_METHODS) {
        if (pageOf) continue;
        const { [name]: method } = {
          [name](...args) {
            return this.#send(name, args.slice(0, arity), args[arity]);
          },
        };
        Object.defineProperty(this.prototype, name, { value: method, writable: true, configurable: true });
      }
    }

    /** Polls until the EIP's status is one of `wait.until` → { publicip } */
    waitForPublicip(publicipId, wait, options) { return this.#call("waitForPublicip", publicipId, wait, options); }

    /**
     * The API reference's walkthrough in one call: the server's ports, a port, a new EIP, bound
     * and ACTIVE → { publicip, port, orderId? }. `options.onProgress` gets an event per step.
     * On failure after the EIP exists, what is safe to undo is undone; the EipError's `cleanup`
     * says what was cleaned up and what is left behind.
     */
    bindNewPublicipToServer(input, options) { return this.#call("bindNewPublicipToServer", input, options); }

    /** GET /v1/{project_id}/publicips → { publicips }: one page (`limit`, `marker`, filters). */
    async listPublicips(query, options) {
      return (await this.#send("listPublicips", [query], options)).page;
    }

    /** Every page, in order: `for await (const page of client.listPublicipsPages({ limit: 100 }))`. */
    async *listPublicipsPages(query, options) {
      // The engine answers each page with the (validated) query of the next one, or null.
      let next = query;
      do {
        const answer = await this.#send("listPublicips", [next], options);
        yield answer.page;
        next = answer.next;
      } while (next);
    }

    /** Every EIP, across pages: `for await (const eip of client.listAllPublicips())`. */
    async *listAllPublicips(query, options) {
      for await (const page of this.listPublicipsPages(query, options)) yield* page.publicips;
    }
  })();

/**
 * A token provider for `auth: { tokenProvider }` that signs in to IAM with a password,
 * caches the token and renews it before it expires (one renewal at a time).
 */
export function iamTokenProvider(options) {
  let raw;
  const engine = () => {
    if (!raw) {
      try {
        raw = new wasm.RawIamTokenProvider(options);
      } catch (thrown) {
        throw EipError.from(thrown, "iamToken");
      }
    }
    return raw;
  };
  if (ready.isReady()) engine();
  // The engine reads `{ forceRefresh }` itself, safely, whatever it is given.
  const provider = async (options) => {
    await ready();
    return guarded("iamToken", () => engine().getToken(options));
  };
  provider.invalidate = () => raw?.invalidate();
  Object.defineProperty(provider, "expiresAt", { get: () => (raw?.expiresAt === undefined ? undefined : new Date(raw.expiresAt)) });
  Object.defineProperty(provider, "issued", { get: () => raw?.issued ?? 0 });
  return provider;
}

/** The AK/SK headers (`X-Sdk-Date`, `Authorization`) for a request you send yourself. */
export function signRequest(request) {
  if (!ready.isReady()) throw new EipError({ kind: "validation", message: "eipkit is not initialised: await init() first", operation: "signRequest" });
  try {
    return sign(wasm, request);
  } catch (thrown) {
    throw EipError.from(thrown, "signRequest");
  }
}
