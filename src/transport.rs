//! One HTTP attempt through the runtime's `fetch`, or the caller's own `fetch` (the answer read
//! through gloo-net's `Response`): a per-attempt timeout and the caller's `AbortSignal` both
//! abort the same controller, and the flags say which fired, so a failure is reported as the
//! right kind of the core's error. Redirects are never followed (`redirect: "manual"`; the core
//! refuses a 3xx), and an answer is read chunk by chunk up to `maxResponseBytes`, never
//! buffered whole first.

use crate::timers::{AbortListener, Timer};
use eipkit_core::Error;
use eipkit_core::http::{Request, Response};
use js_sys::{Function, Promise, Reflect, Uint8Array};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal};

/// How requests leave: the global `fetch`, or the one given in the client's options; and how
/// much of an answer is read at most.
#[derive(Clone)]
pub struct Transport {
    fetch: Option<Function>,
    max_response_bytes: u64,
}

impl Transport {
    pub fn new(fetch: Option<Function>, max_response_bytes: u64) -> Transport {
        Transport { fetch, max_response_bytes }
    }

    pub async fn send(
        &self,
        request: &Request,
        timeout_ms: u32,
        signal: Option<&AbortSignal>,
    ) -> Result<Response, Error> {
        if signal.is_some_and(AbortSignal::aborted) {
            return Err(Error::Aborted);
        }
        let controller = AbortController::new().map_err(|e| Error::Network(describe(&e)))?;
        let timed_out = Rc::new(Cell::new(false));
        // Both guards live until the body has been read, and are dropped (cleared) on every path.
        let _timer = {
            let (controller, timed_out) = (controller.clone(), timed_out.clone());
            Timer::new(timeout_ms, move || {
                timed_out.set(true);
                controller.abort();
            })
        };
        let _listener = signal.map(|signal| {
            let controller = controller.clone();
            AbortListener::new(signal, move || controller.abort())
        });
        let result = self.exchange(request, &controller.signal()).await;
        result.map_err(|error| match error {
            Error::Network(_) if timed_out.get() => Error::attempt_timeout(timeout_ms),
            Error::Network(_) if signal.is_some_and(AbortSignal::aborted) => Error::Aborted,
            other => other,
        })
    }

    async fn exchange(&self, request: &Request, signal: &AbortSignal) -> Result<Response, Error> {
        let (status, headers, raw) = self.fetch(request, signal).await.map_err(Error::Network)?;
        // A browser hides a redirect it was told not to follow: status 0, no headers.
        if raw.type_() == web_sys::ResponseType::Opaqueredirect {
            return Err(Error::redirect(0, None, None));
        }
        let head = Response::new(status, headers, Vec::new());
        let body = read_body(&raw, self.max_response_bytes).await;
        let too_long = || Error::too_long(status, self.max_response_bytes, head.request_id());
        match body {
            Ok(Some(body)) => Ok(Response { body, ..head }),
            Ok(None) => Err(too_long()),
            Err(message) => Err(Error::Network(message)),
        }
    }

    async fn fetch(
        &self,
        request: &Request,
        signal: &AbortSignal,
    ) -> Result<(u16, Vec<(String, String)>, web_sys::Response), String> {
        // Headers through the catching `Headers.append` (a value fetch refuses is an error here,
        // not an exception thrown through wasm).
        let headers = web_sys::Headers::new().map_err(|e| describe(&e))?;
        for (name, value) in &request.headers {
            headers.append(name, value).map_err(|e| describe(&e))?;
        }
        let init = web_sys::RequestInit::new();
        init.set_method(method(request));
        init.set_headers(&headers);
        init.set_redirect(web_sys::RequestRedirect::Manual);
        init.set_signal(Some(signal));
        if !request.body.is_empty() {
            init.set_body(&Uint8Array::from(request.body.as_slice()));
        }
        let url = request.url();
        let answer = match &self.fetch {
            // The runtime's fetch is given the URL and options, so it builds the one `Request`
            // itself: given a `Request` (as gloo-net's `send` does), Node's builds a second one
            // from it, 2.5 times the cost of one (bench/README.md, "Building a request").
            None => global_fetch(&url, &init).map_err(|e| describe(&e))?,
            // The caller's fetch gets a `Request`, as documented.
            Some(fetch) => {
                let built = web_sys::Request::new_with_str_and_init(&url, &init).map_err(|e| describe(&e))?;
                fetch.call1(&JsValue::UNDEFINED, &built).map_err(|e| describe(&e))?
            }
        };
        let answer = JsFuture::from(settle(&answer)).await.map_err(|e| describe(&e))?;
        // A real Response: `instanceof` is not enough (an object made from Response.prototype
        // passes it, then throws from every getter).
        let real = Reflect::get(&answer, &"status".into()).is_ok_and(|s| s.as_f64().is_some())
            && Reflect::get(&answer, &"headers".into()).is_ok_and(|h| h.is_object());
        let answer = answer
            .dyn_into::<web_sys::Response>()
            .ok()
            .filter(|_| real)
            .ok_or_else(|| "the fetch function did not resolve to a Response".to_owned())?;
        let response = gloo_net::http::Response::from(answer);
        let (status, headers) = (response.status(), response.headers().entries().collect());
        Ok((status, headers, response.into()))
    }
}

#[wasm_bindgen]
extern "C" {
    /// The runtime's `fetch(url, init)`; a synchronous throw (a URL or option it refuses) is caught.
    #[wasm_bindgen(js_name = fetch, catch)]
    fn global_fetch(url: &str, init: &web_sys::RequestInit) -> Result<JsValue, JsValue>;
}

#[wasm_bindgen(module = "/js/body.js")]
extern "C" {
    /// The body, or `null` as soon as it is longer than `max` bytes (the rest is never read).
    #[wasm_bindgen(js_name = readBody, catch)]
    fn read_body_js(response: &web_sys::Response, max: f64) -> Result<Promise, JsValue>;
}

/// The body up to `max` bytes: `None` when it is longer.
async fn read_body(raw: &web_sys::Response, max: u64) -> Result<Option<Vec<u8>>, String> {
    let read = read_body_js(raw, max as f64).map_err(|e| describe(&e))?;
    let body = JsFuture::from(read).await.map_err(|e| describe(&e))?;
    Ok(body.dyn_into::<Uint8Array>().ok().map(|bytes| bytes.to_vec()))
}

fn method(request: &Request) -> &'static str {
    use eipkit_core::http::Method;
    match request.method {
        Method::Get => "GET",
        Method::Post => "POST",
        Method::Put => "PUT",
        Method::Delete => "DELETE",
    }
}

/// A promise for whatever a caller's function returned: `new Promise(resolve => resolve(x))`
/// adopts a thenable inside the promise machinery, so a hostile one (a throwing `then` or
/// `constructor`) becomes a rejection rather than an exception thrown through wasm.
pub fn settle(value: &JsValue) -> Promise {
    Promise::new(&mut |resolve, _reject| {
        let _ = resolve.call1(&JsValue::UNDEFINED, value);
    })
}

/// A thrown JS value as one line: its message, and its cause's (Node puts ECONNRESET there).
pub fn describe(error: &JsValue) -> String {
    let text =
        |v: &JsValue| Reflect::get(v, &"message".into()).ok().and_then(|m| m.as_string()).or_else(|| v.as_string());
    let message = text(error).unwrap_or_else(|| "unknown error".to_owned());
    let cause = Reflect::get(error, &"cause".into()).ok().filter(|c| c.is_object()).and_then(|c| text(&c));
    match cause {
        Some(cause) if !cause.is_empty() => format!("{message} ({cause})"),
        _ => message,
    }
}
