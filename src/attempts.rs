//! The retry loop shared by every call: prepare (build + authorize, signed afresh each time),
//! send, parse; on a failure that is retryable *and* safe to repeat, wait (backoff, jitter,
//! `Retry-After`) and go again. A 401 with a token provider renews the token once and resends:
//! the service refused the request unprocessed, so that is safe even for a create.

use crate::errors::Context;
use crate::timers::sleep;
use crate::transport::{DispatchError, Transport};
use eipkit_core::error::is_retryable;
use eipkit_core::http::{Request, Response};
use eipkit_core::retry::Backoff;
use eipkit_core::{Error, ErrorKind};
use wasm_bindgen::JsValue;
use web_sys::AbortSignal;

pub struct Attempts<'a> {
    pub transport: &'a Transport,
    pub retries: u32,
    pub timeout_ms: u32,
    pub signal: Option<&'a AbortSignal>,
    pub context: &'a Context<'a>,
    /// The credentials come from a provider that can be asked for a fresh token.
    pub renewable_auth: bool,
}

impl Attempts<'_> {
    /// `prepare(renew)` builds and authorizes the request (`renew`: ask for a new token).
    pub async fn run<T>(
        &self,
        mut prepare: impl AsyncFnMut(bool) -> Result<Request, JsValue>,
        parse: impl Fn(&Response) -> Result<T, Error>,
    ) -> Result<T, JsValue> {
        let backoff = Backoff::default();
        let safe = self.context.safe_to_repeat;
        let (mut retry, mut renew) = (0, false);
        loop {
            let request = prepare(renew).await?;
            let (failure, retryable, retry_after) =
                match self.transport.send(&request, self.timeout_ms, self.signal).await {
                    Ok(response) => match parse(&response) {
                        Ok(value) => return Ok(value),
                        Err(Error::Service(e)) if e.status == 401 && self.renewable_auth && !renew => {
                            renew = true;
                            continue;
                        }
                        Err(error) => {
                            let retry_after = match &error {
                                Error::Service(e) => e.retry_after.map(|r| r.delay_ms(js_sys::Date::now() as i64)),
                                _ => None,
                            };
                            (self.context.error(&error), error.is_retryable(safe), retry_after)
                        }
                    },
                    Err(error) => {
                        let kind = match error {
                            DispatchError::Network(_) => ErrorKind::Network,
                            DispatchError::Timeout(_) => ErrorKind::Timeout,
                            DispatchError::Aborted => ErrorKind::Aborted,
                        };
                        (self.context.dispatch(&error), is_retryable(kind, None, safe), None)
                    }
                };
            // Only requests that are safe to repeat are repeated; a create's 429 is reported
            // (retryable: true) for the caller to decide.
            let delay = backoff.delay_ms(retry, js_sys::Math::random(), retry_after);
            match delay {
                Some(ms) if retryable && safe && retry < self.retries => {
                    sleep(ms, self.signal).await.map_err(|()| self.context.dispatch(&DispatchError::Aborted))?;
                    retry += 1;
                }
                _ => return Err(failure),
            }
        }
    }
}
