//! The one driver of the core's state machines (`eipkit_core::machine`): it performs what a
//! machine asks — add the credentials and send through the runtime's `fetch`, sleep on a
//! timer, show a progress event — and feeds back the answer, the time and `Math.random()`.
//! Every decision (retry, wait, cleanup) is the machine's; none is made here.

use crate::errors::{Secrets, failure_to_js};
use crate::timers::sleep;
use crate::transport::{Transport, describe, settle};
use eipkit_core::auth::{Auth, authorize};
use eipkit_core::error::{Reported, is_header_value};
use eipkit_core::http::Response;
use eipkit_core::machine::{Event, Machine, Next, Outgoing, Tick};
use eipkit_core::sign::Secret;
use eipkit_core::{Error, ErrorKind, Issue, IssueCode, Locale, Params};
use js_sys::{Function, Object, Promise, Reflect};
use serde_json::Value;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::{JsFuture, future_to_promise};
use web_sys::AbortSignal;

/// How requests are authorized.
pub enum Credential {
    /// Sent as they are (the IAM sign-in carries its password in the body).
    None,
    /// A token, AK/SK or a proxy's session headers.
    Fixed(Auth),
    /// `auth.tokenProvider({ forceRefresh })`, asked before each attempt.
    Provider(Function),
}

/// What one run of a machine needs from its caller (owned: the run outlives the call that
/// started it).
pub struct Driver {
    pub transport: Transport,
    pub credential: Credential,
    pub project_id: String,
    pub signal: Option<AbortSignal>,
    /// The caller's `onProgress`. Its exceptions are its own: they never stop the machine.
    pub on_progress: Option<Function>,
    pub locale: Locale,
    pub secrets: Secrets,
}

/// What becomes of a machine's outcome: its answer (`Ok`) or its failure as an `EipError`'s
/// fields (`Err`), turned into what the promise settles with.
pub type Finish = Box<dyn FnOnce(Result<&Value, JsValue>) -> Result<JsValue, JsValue>>;

impl Driver {
    /// Runs `machine` as a JS promise. Every async export goes through here, so the module
    /// holds one copy of the async machinery, not one per method.
    pub fn spawn(self, mut machine: Box<dyn Machine>, finish: Finish) -> Promise {
        future_to_promise(async move { self.run(&mut *machine, finish).await })
    }

    async fn run(&self, machine: &mut dyn Machine, finish: Finish) -> Result<JsValue, JsValue> {
        loop {
            while let Some(progress) = machine.poll_progress() {
                if let Some(callback) = &self.on_progress {
                    let event = progress.to_json(self.locale, &|text| self.secrets.scrub(text));
                    let _ = callback.call1(&JsValue::UNDEFINED, &crate::to_js(&event));
                }
            }
            let event = match machine.poll() {
                Next::Done(value) => return finish(Ok(value)),
                Next::Failed(failure) => return finish(Err(failure_to_js(failure, self.locale, &self.secrets))),
                Next::Send(outgoing) => {
                    let outgoing = outgoing.clone();
                    Event::Answer(self.send(&outgoing).await)
                }
                Next::Sleep(wait) => {
                    let signal = if wait.abortable { self.signal.as_ref() } else { None };
                    match sleep(wait.ms, signal).await {
                        Ok(()) => Event::Woke,
                        Err(()) => Event::Aborted,
                    }
                }
            };
            machine.handle(event, Tick { now_ms: js_sys::Date::now() as u64, random: js_sys::Math::random() });
        }
    }

    async fn send(&self, outgoing: &Outgoing) -> Result<Response, Error> {
        let mut request = outgoing.request.clone();
        let now = (js_sys::Date::now() / 1000.0) as i64;
        match &self.credential {
            Credential::None => {}
            Credential::Fixed(auth) => authorize(&mut request, auth, &self.project_id, now),
            Credential::Provider(provider) => {
                let token = self.provider_token(provider, outgoing.fresh_token).await?;
                authorize(&mut request, &Auth::Token(token), &self.project_id, now);
            }
        }
        let signal = if outgoing.abortable { self.signal.as_ref() } else { None };
        self.transport.send(&request, outgoing.timeout_ms, signal).await
    }

    /// Asks the provider for a token. Its failure is the call's: an eipkit failure (the IAM
    /// provider's) as it was reported, anything else as the provider's own words.
    async fn provider_token(&self, provider: &Function, fresh: bool) -> Result<Secret, Error> {
        let failed = |detail: String| {
            Error::Credentials(Box::new(Reported {
                kind: ErrorKind::Network,
                operation: None,
                message: format!("the request could not be sent: the token provider failed: {detail}"),
                status: None,
                code: None,
                request_id: None,
                retryable: false,
            }))
        };
        let arg = Object::new();
        let _ = Reflect::set(&arg, &"forceRefresh".into(), &fresh.into());
        let returned = provider.call1(&JsValue::UNDEFINED, &arg).map_err(|e| failed(describe(&e)))?;
        let token = JsFuture::from(settle(&returned))
            .await
            .map_err(|e| reported(&e).unwrap_or_else(|| failed(describe(&e))))?;
        let token = token.as_string().filter(|t| !t.trim().is_empty());
        let Some(token) = token else { return Err(failed("it did not resolve to a token string".to_owned())) };
        self.secrets.add(&token);
        if !is_header_value(&token) {
            let params = Params { format: Some("header_value"), ..Params::default() };
            return Err(Error::Validation(vec![Issue::error("auth.tokenProvider", IssueCode::Format, params)]));
        }
        Ok(Secret::new(token))
    }
}

/// An eipkit failure (marked `__eipkit`) read back from JS, as it was reported.
fn reported(error: &JsValue) -> Option<Error> {
    let get = |key: &str| Reflect::get(error, &key.into()).ok();
    let text = |key: &str| get(key).and_then(|v| v.as_string());
    if !get("__eipkit").is_some_and(|m| m.is_truthy()) {
        return None;
    }
    Some(Error::Credentials(Box::new(Reported {
        kind: text("kind").and_then(|k| ErrorKind::parse(&k)).unwrap_or(ErrorKind::Network),
        operation: text("operation"),
        message: text("message").filter(|m| !m.is_empty()).unwrap_or_else(|| "unreadable error".to_owned()),
        status: get("status").and_then(|s| s.as_f64()).filter(|s| (100.0..600.0).contains(s)).map(|s| s as u16),
        code: text("code"),
        request_id: text("requestId"),
        retryable: get("retryable").is_some_and(|r| r.is_truthy()),
    })))
}
