//! One call with the retry policy: send; on a failure that is retryable *and* safe to repeat,
//! wait (backoff with the jitter given, or the service's `Retry-After`) and send again. A 401
//! when the token can be renewed resends once with a fresh token: the service refused the
//! request unprocessed, so that is safe even for a create. A create is otherwise never repeated.

use super::Backoff;
use super::{Event, Failure, Machine, Next, Outgoing, Sleep, Tick};
use crate::error::Error;
use crate::http::{Request, Response};
use crate::operation::{Answer, Call, Config, parse_answer};
use serde_json::Value;

/// The default time one attempt may take.
pub const DEFAULT_TIMEOUT_MS: u32 = 30_000;
/// The default number of extra attempts, for requests that are safe to repeat.
pub const DEFAULT_RETRIES: u32 = 2;

/// How a call is attempted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Extra attempts, for requests that are safe to repeat.
    pub retries: u32,
    /// Per attempt.
    pub timeout_ms: u32,
    pub backoff: Backoff,
    /// The token comes from a provider that can be asked for a fresh one (a 401 then renews once).
    pub renewable_token: bool,
    /// The caller's abort applies.
    pub abortable: bool,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            retries: DEFAULT_RETRIES,
            timeout_ms: DEFAULT_TIMEOUT_MS,
            backoff: Backoff::default(),
            renewable_token: false,
            abortable: true,
        }
    }
}

/// How an answer is read: as an operation's registry entry says, by a function of its own, or
/// passed on as it is (a proxy's).
#[derive(Debug, Clone, Copy)]
enum Parser {
    Answer(&'static Answer),
    Custom(fn(&Response) -> Result<Value, Error>),
    Forward,
}

impl Parser {
    fn parse(self, response: &Response) -> Result<Value, Error> {
        match self {
            Parser::Answer(answer) => parse_answer(answer, response),
            Parser::Custom(parse) => parse(response),
            Parser::Forward => forwarded(response),
        }
    }
}

/// Any answer as `{ status, requestId, contentType, retryAfter, body }`, the service's errors included, so
/// a proxy passes them back as they are; except a redirect (never followed, never passed on)
/// and a 401, which renews a provider's token once and is otherwise the proxy's own failure
/// (its credentials), not the caller's.
fn forwarded(response: &Response) -> Result<Value, Error> {
    if let Some(redirect) = Error::refused_redirect(response) {
        return Err(redirect);
    }
    if response.status == 401 {
        return Err(Error::Service(crate::error::service_error(response)));
    }
    Ok(serde_json::json!({
        "status": response.status,
        "requestId": response.request_id(),
        "contentType": response.header("content-type"),
        // A 429's or 503's wait, for the caller's own retry policy.
        "retryAfter": response.header("retry-after"),
        "body": String::from_utf8_lossy(&response.body),
    }))
}

#[derive(Debug)]
pub struct Attempts {
    outgoing: Outgoing,
    parse: Parser,
    safe_to_repeat: bool,
    policy: Policy,
    /// Retries made so far.
    retries: u32,
    renewed: bool,
    state: State,
}

#[derive(Debug)]
enum State {
    Sending,
    Sleeping(u32),
    Done(Value),
    Failed(Failure),
}

impl Attempts {
    /// One call of an EIP operation, parsed and repeated as its registry entry says. A call
    /// that cannot be built (a bad id) fails at once.
    pub fn new(call: &Call, config: &Config, policy: Policy) -> Attempts {
        let parse = Parser::Answer(&call.operation().spec().answer);
        Attempts::start(call.name(), call.build(config), parse, policy).safe_to_repeat(call.safe_to_repeat())
    }

    /// One call for a proxy: sent as [`Attempts::new`] sends it, and its answer, whatever its
    /// status, passed on as it is (see [`forwarded`]).
    pub fn forward(call: &Call, config: &Config, policy: Policy) -> Attempts {
        Attempts::start(call.name(), call.build(config), Parser::Forward, policy).safe_to_repeat(call.safe_to_repeat())
    }

    /// Any request with its parser (the IAM sign-in uses this). Whether it may be repeated
    /// comes from its method.
    pub fn of(
        operation: &'static str,
        request: Result<Request, Error>,
        parse: fn(&Response) -> Result<Value, Error>,
        policy: Policy,
    ) -> Attempts {
        Attempts::start(operation, request, Parser::Custom(parse), policy)
    }

    fn start(operation: &'static str, request: Result<Request, Error>, parse: Parser, policy: Policy) -> Attempts {
        let (request, state) = match request {
            Ok(request) => (request, State::Sending),
            Err(error) => (placeholder(), State::Failed(Failure::new(operation, error, false))),
        };
        let safe_to_repeat = request.method.is_idempotent();
        let outgoing = Outgoing {
            request,
            operation,
            timeout_ms: policy.timeout_ms,
            abortable: policy.abortable,
            fresh_token: false,
        };
        Attempts { outgoing, parse, safe_to_repeat, policy, retries: 0, renewed: false, state }
    }

    /// Overrides what the method says: a request that is harmless to repeat although it is a
    /// POST (an IAM sign-in), or one that must not be repeated.
    pub fn safe_to_repeat(mut self, safe: bool) -> Attempts {
        self.safe_to_repeat = safe;
        self
    }

    /// How many times the request has been retried (not counting a token renewal).
    pub fn retries(&self) -> u32 {
        self.retries
    }

    /// The outcome, once finished.
    pub(super) fn finish(self) -> Option<Result<Value, Failure>> {
        match self.state {
            State::Done(value) => Some(Ok(value)),
            State::Failed(failure) => Some(Err(failure)),
            State::Sending | State::Sleeping(_) => None,
        }
    }

    fn answered(&mut self, answer: Result<Response, Error>, tick: Tick) {
        let error = match answer {
            Ok(response) => match self.parse.parse(&response) {
                Ok(value) => {
                    self.state = State::Done(value);
                    return;
                }
                Err(Error::Service(e)) if e.status == 401 && self.policy.renewable_token && !self.renewed => {
                    self.renewed = true;
                    self.outgoing.fresh_token = true;
                    return; // still Sending: the same request, with a new token
                }
                Err(error) => error,
            },
            Err(error) => error,
        };
        self.outgoing.fresh_token = false;
        let operation = self.outgoing.operation;
        // Credentials that could not be had are not the request's failure: no retry.
        let repeatable = !matches!(error, Error::Credentials(_)) && error.is_retryable(self.safe_to_repeat);
        let delay = self.policy.backoff.delay_ms(self.retries, tick.random, error.retry_after_ms(tick.now_ms));
        self.state = match delay {
            // Only requests that are safe to repeat are repeated; a create's 429 is reported
            // (retryable: true) for the caller to decide.
            Some(ms) if repeatable && self.safe_to_repeat && self.retries < self.policy.retries => {
                self.retries += 1;
                State::Sleeping(ms)
            }
            _ => State::Failed(Failure::new(operation, error, self.safe_to_repeat)),
        };
    }
}

impl Machine for Attempts {
    fn poll(&self) -> Next<'_> {
        match &self.state {
            State::Sending => Next::Send(&self.outgoing),
            State::Sleeping(ms) => Next::Sleep(Sleep { ms: *ms, abortable: self.policy.abortable }),
            State::Done(value) => Next::Done(value),
            State::Failed(failure) => Next::Failed(failure),
        }
    }

    fn handle(&mut self, event: Event, tick: Tick) {
        match (&self.state, event) {
            (State::Sending, Event::Answer(answer)) => self.answered(answer, tick),
            (State::Sleeping(_), Event::Woke) => self.state = State::Sending,
            (State::Sleeping(_), Event::Aborted) => {
                self.state = State::Failed(Failure::new(self.outgoing.operation, Error::Aborted, self.safe_to_repeat));
            }
            _ => {}
        }
    }
}

/// The request of a call that failed before it was built: never sent.
fn placeholder() -> Request {
    Request {
        method: crate::http::Method::Post,
        scheme: "https",
        authority: String::new(),
        path: String::new(),
        query: Vec::new(),
        headers: Vec::new(),
        body: Vec::new(),
    }
}
