//! One HTTP attempt through the runtime's `fetch` (gloo-net), or the caller's own `fetch`: a
//! per-attempt timeout and the caller's `AbortSignal` both abort the same controller, and the
//! flags say which fired, so a failure is reported as the right kind.

use crate::timers::{AbortListener, Timer};
use eipkit_core::http::{Request, Response};
use gloo_net::http::RequestBuilder;
use js_sys::{Function, Promise, Reflect, Uint8Array};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal};

/// Why an attempt produced no response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DispatchError {
    Network(String),
    Timeout(u32),
    Aborted,
}

/// How requests leave: the global `fetch`, or the one given in the client's options.
#[derive(Clone, Default)]
pub struct Transport {
    fetch: Option<Function>,
}

impl Transport {
    pub fn new(fetch: Option<Function>) -> Transport {
        Transport { fetch }
    }

    pub async fn send(
        &self,
        request: &Request,
        timeout_ms: u32,
        signal: Option<&AbortSignal>,
    ) -> Result<Response, DispatchError> {
        if signal.is_some_and(AbortSignal::aborted) {
            return Err(DispatchError::Aborted);
        }
        let controller = AbortController::new().map_err(|e| DispatchError::Network(describe(&e)))?;
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
        result.map_err(|message| {
            if timed_out.get() {
                DispatchError::Timeout(timeout_ms)
            } else if signal.is_some_and(AbortSignal::aborted) {
                DispatchError::Aborted
            } else {
                DispatchError::Network(message)
            }
        })
    }

    async fn exchange(&self, request: &Request, signal: &AbortSignal) -> Result<Response, String> {
        let mut builder = RequestBuilder::new(&request.url()).method(method(request)).abort_signal(Some(signal));
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        let built = if request.body.is_empty() {
            builder.build()
        } else {
            builder.body(Uint8Array::from(request.body.as_slice()))
        }
        .map_err(|e| e.to_string())?;
        let response = match &self.fetch {
            None => built.send().await.map_err(|e| e.to_string())?,
            Some(fetch) => {
                let raw: web_sys::Request = built.into();
                let answer = fetch.call1(&JsValue::UNDEFINED, &raw).map_err(|e| describe(&e))?;
                let answer = JsFuture::from(Promise::resolve(&answer)).await.map_err(|e| describe(&e))?;
                let answer: web_sys::Response =
                    answer.dyn_into().map_err(|_| "the fetch function did not resolve to a Response".to_owned())?;
                gloo_net::http::Response::from(answer)
            }
        };
        let headers = response.headers().entries().collect();
        let body = response.binary().await.map_err(|e| e.to_string())?;
        Ok(Response::new(response.status(), headers, body))
    }
}

fn method(request: &Request) -> gloo_net::http::Method {
    use eipkit_core::http::Method;
    match request.method {
        Method::Get => gloo_net::http::Method::GET,
        Method::Post => gloo_net::http::Method::POST,
        Method::Put => gloo_net::http::Method::PUT,
        Method::Delete => gloo_net::http::Method::DELETE,
    }
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
