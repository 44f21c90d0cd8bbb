//! The decisions between requests, as state machines that never read a clock or a socket (in
//! the style of quinn-proto): a machine says what to do next ([`Machine::poll`]), a driver
//! does it with whatever HTTP client and timers it has, and feeds back what happened
//! ([`Machine::handle`]) with the time and a random number ([`Tick`]).
//!
//! - [`Attempts`]: one call with the retry policy (backoff with jitter, `Retry-After`, one
//!   token renewal on 401, a create never repeated).
//! - [`Wait`]: `waitForPublicip`, polling until a status (deadline, 404 grace, failing statuses).
//! - [`BindNew`]: `bindNewPublicipToServer`, the [000] walkthrough with its cleanup.
//!
//! A driver is one loop, the same for all three:
//!
//! ```no_run
//! # use eipkit_core::machine::{Event, Machine, Next, Tick};
//! # fn drive(machine: &mut dyn Machine, send: impl Fn(&eipkit_core::machine::Outgoing) -> Result<eipkit_core::http::Response, eipkit_core::Error>, tick: impl Fn() -> Tick) {
//! loop {
//!     while let Some(event) = machine.poll_progress() { /* show it */ }
//!     match machine.poll() {
//!         Next::Send(outgoing) => {
//!             let answer = send(outgoing); // add the credentials, send, read the answer
//!             machine.handle(Event::Answer(answer), tick());
//!         }
//!         Next::Sleep(sleep) => {
//!             std::thread::sleep(std::time::Duration::from_millis(sleep.ms.into()));
//!             machine.handle(Event::Woke, tick());
//!         }
//!         Next::Done(value) => break,
//!         Next::Failed(failure) => break,
//!     }
//! }
//! # }
//! ```

// A machine is one value the driver holds; boxing its states would only add allocations.
#![allow(clippy::large_enum_variant)]

mod attempts;
mod backoff;
mod bind_new;
mod cleanup;
mod wait;

pub use attempts::{Attempts, DEFAULT_RETRIES, DEFAULT_TIMEOUT_MS, Policy};
pub use backoff::Backoff;
pub use bind_new::BindNew;
pub use cleanup::{Action, Cleanup};
pub use wait::Wait;

use crate::error::Error;
use crate::http::{Request, Response};
use crate::issue::Issue;
use crate::message::Locale;
use serde_json::{Map, Value, json};

/// What a machine wants done next. `poll` does not change the machine: asked twice, it says
/// the same thing until it is told what happened.
#[derive(Debug)]
pub enum Next<'a> {
    /// Add the credentials, send, and feed back [`Event::Answer`].
    Send(&'a Outgoing),
    /// Wait, then feed back [`Event::Woke`] (or [`Event::Aborted`] if the caller aborted).
    Sleep(Sleep),
    /// Finished: the answer (the service's JSON).
    Done(&'a Value),
    /// Finished: the failure.
    Failed(&'a Failure),
}

/// A request to send, without its credentials: they are added per attempt (an AK/SK
/// signature carries the time it was made).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    pub request: Request,
    /// The operation, as the JS API names it.
    pub operation: &'static str,
    /// Give up on the answer after this long; then feed back [`Error::attempt_timeout`].
    pub timeout_ms: u32,
    /// The caller's abort applies (the cleanup after a failure runs whatever the caller does).
    pub abortable: bool,
    /// Ask the token provider for a new token, not its cached one (after a 401).
    pub fresh_token: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sleep {
    pub ms: u32,
    /// The caller's abort applies.
    pub abortable: bool,
}

/// What happened since the last `poll`.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// The answer to the [`Next::Send`], or why there is none: [`Error::Network`],
    /// [`Error::Timeout`], [`Error::Aborted`], or [`Error::Credentials`] / [`Error::Validation`]
    /// when the credentials could not be had.
    Answer(Result<Response, Error>),
    /// The [`Next::Sleep`] is over.
    Woke,
    /// The caller aborted while the machine slept.
    Aborted,
}

/// When something happened (Unix milliseconds), and a fresh random number in [0, 1) for jitter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tick {
    pub now_ms: u64,
    pub random: f64,
}

impl Tick {
    pub fn at(now_ms: u64) -> Tick {
        Tick { now_ms, random: 0.5 }
    }
}

/// The interface every machine offers its driver.
pub trait Machine {
    /// What to do next.
    fn poll(&self) -> Next<'_>;
    /// What happened; ignored when it does not answer what the machine asked for.
    fn handle(&mut self, event: Event, tick: Tick);
    /// The next progress event, oldest first.
    fn poll_progress(&mut self) -> Option<Progress> {
        None
    }
}

/// A failed call: the error, the operation that failed, whether trying again may help, and
/// (for the walkthrough) what was cleaned up.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub operation: &'static str,
    pub error: Error,
    pub retryable: bool,
    pub cleanup: Option<Cleanup>,
}

impl Failure {
    pub fn new(operation: &'static str, error: Error, safe_to_repeat: bool) -> Failure {
        let retryable = error.is_retryable(safe_to_repeat);
        Failure { operation, error, retryable, cleanup: None }
    }

    /// Input refused before anything was sent.
    pub fn validation(operation: &'static str, issues: Vec<Issue>) -> Failure {
        Failure::new(operation, Error::Validation(issues), false)
    }

    /// The operation that failed: a token provider's own failure names its own (`iamToken`).
    pub fn operation(&self) -> &str {
        match &self.error {
            Error::Credentials(reported) => reported.operation.as_deref().unwrap_or(self.operation),
            _ => self.operation,
        }
    }

    /// The message: the error's, then what the cleanup did and left (`"...(cleaned up: delete
    /// X; left behind: EIP Y)"`). `redact` keeps secrets out of the error's own words.
    pub fn message(&self, locale: Locale, redact: &dyn Fn(&str) -> String) -> String {
        let message = redact(&self.error.message(locale));
        match self.cleanup.as_ref().map(Cleanup::note) {
            Some(note) => format!("{message} ({note})"),
            None => message,
        }
    }

    /// `{ kind, message, code }`, as progress events and cleanup reports show a failure.
    pub fn summary(&self, locale: Locale, redact: &dyn Fn(&str) -> String) -> Value {
        json!({
            "kind": self.error.kind().as_str(),
            "message": self.message(locale, redact),
            "code": self.error.code().map(redact),
        })
    }
}

/// A step of the walkthrough: `{ step, state, ...details }`, `state` being `started`, `done`,
/// `failed` (with `error`) or `progress` (a wait's new status).
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub step: &'static str,
    pub state: &'static str,
    pub details: Map<String, Value>,
    /// Why the step failed (`state: "failed"`).
    pub error: Option<Failure>,
    /// What the cleanup did (`step: "cleanup", state: "done"`).
    pub report: Option<Cleanup>,
}

impl Progress {
    fn new(step: &'static str, state: &'static str, details: Value) -> Progress {
        let details = match details {
            Value::Object(details) => details,
            _ => Map::new(),
        };
        Progress { step, state, details, error: None, report: None }
    }

    /// The event as the JS API hands it to `onProgress`.
    pub fn to_json(&self, locale: Locale, redact: &dyn Fn(&str) -> String) -> Value {
        let mut event = self.details.clone();
        event.insert("step".to_owned(), self.step.into());
        event.insert("state".to_owned(), self.state.into());
        if let Some(error) = &self.error {
            event.insert("error".to_owned(), error.summary(locale, redact));
        }
        if let Some(report) = &self.report {
            event.insert("report".to_owned(), report.to_json(locale, redact));
        }
        Value::Object(event)
    }
}

/// The outcome of a finished machine, if it has finished.
fn outcome(machine: &dyn Machine) -> Option<Result<&Value, &Failure>> {
    match machine.poll() {
        Next::Done(value) => Some(Ok(value)),
        Next::Failed(failure) => Some(Err(failure)),
        Next::Send(_) | Next::Sleep(_) => None,
    }
}
