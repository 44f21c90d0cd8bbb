//! `waitForPublicip`: show the EIP until its status is one of `until`. A status that will not
//! turn into a wanted one fails at once; a 404 within the grace period means "not created
//! yet" (a prepaid EIP appears once its order is paid); the deadline is checked before each
//! sleep, so the wait never oversleeps it.

use super::{Attempts, Event, Failure, Machine, Next, Policy, Progress, Sleep, Tick, outcome};
use crate::error::Error;
use crate::operation::{Call, Config, Operation};
use crate::walkthrough::{Verdict, WaitOptions, judge};
use serde_json::{Value, json};
use std::collections::VecDeque;

#[derive(Debug)]
pub struct Wait {
    publicip_id: String,
    options: WaitOptions,
    config: Config,
    policy: Policy,
    started_ms: u64,
    /// The last status seen.
    last: String,
    /// The walkthrough step whose progress this wait reports (none: quiet).
    step: Option<&'static str>,
    events: VecDeque<Progress>,
    state: State,
}

#[derive(Debug)]
enum State {
    Showing(Attempts),
    Sleeping,
    Done(Value),
    Failed(Failure),
}

impl Wait {
    /// The operation, as the JS API names it.
    pub const OPERATION: &str = "waitForPublicip";

    pub fn new(publicip_id: &str, options: WaitOptions, config: &Config, policy: Policy, now_ms: u64) -> Wait {
        let show = Attempts::new(&Call::new(Operation::ShowPublicip, Some(publicip_id), None), config, policy);
        let mut wait = Wait {
            publicip_id: publicip_id.to_owned(),
            options,
            config: config.clone(),
            policy,
            started_ms: now_ms,
            last: "not yet visible".to_owned(),
            step: None,
            events: VecDeque::new(),
            state: State::Showing(show),
        };
        wait.settle(Tick::at(now_ms));
        wait
    }

    /// Reports each new status as a `progress` event of `step`.
    pub fn reporting(mut self, step: &'static str) -> Wait {
        self.step = Some(step);
        self
    }

    /// After the show finished: reached, failed, or sleep and show again.
    fn settle(&mut self, tick: Tick) {
        let State::Showing(show) = &self.state else { return };
        if outcome(show).is_none() {
            return;
        }
        let State::Showing(show) = std::mem::replace(&mut self.state, State::Sleeping) else { return };
        self.state = match show.finish() {
            None => return,
            Some(Ok(shown)) => match self.judge(shown) {
                Ok(state) => state,
                Err(()) => self.pending(tick),
            },
            Some(Err(failure)) => {
                let elapsed = tick.now_ms.saturating_sub(self.started_ms);
                let not_yet =
                    failure.error.status() == Some(404) && elapsed < u64::from(self.options.not_found_grace_ms);
                if not_yet { self.pending(tick) } else { State::Failed(failure) }
            }
        };
    }

    /// The outcome, once finished.
    pub(super) fn finish(self) -> Option<Result<Value, Failure>> {
        match self.state {
            State::Done(value) => Some(Ok(value)),
            State::Failed(failure) => Some(Err(failure)),
            State::Showing(_) | State::Sleeping => None,
        }
    }

    /// The state a shown EIP leads to, or `Err` while it is still pending.
    fn judge(&mut self, shown: Value) -> Result<State, ()> {
        let status = shown.pointer("/publicip/status").and_then(Value::as_str).unwrap_or_default().to_owned();
        if let Some(step) = self.step.filter(|_| status != self.last) {
            let details = json!({ "publicipId": self.publicip_id, "status": status });
            self.events.push_back(Progress::new(step, "progress", details));
        }
        match judge(&status, &self.options.until) {
            Verdict::Reached => Ok(State::Done(shown)),
            Verdict::Failed => {
                let message = format!(
                    "EIP {} reached status {status} while waiting for {}",
                    self.publicip_id,
                    self.options.until.join(" or ")
                );
                Ok(State::Failed(Failure::new(Wait::OPERATION, Error::Status { status, message }, true)))
            }
            Verdict::Pending => {
                self.last = status;
                Err(())
            }
        }
    }

    /// Sleep before the next show, unless that would pass the deadline.
    fn pending(&self, tick: Tick) -> State {
        let elapsed = tick.now_ms.saturating_sub(self.started_ms);
        if elapsed + u64::from(self.options.interval_ms) > u64::from(self.options.timeout_ms) {
            let message = format!(
                "EIP {} did not reach {} within {} ms (last status: {})",
                self.publicip_id,
                self.options.until.join(" or "),
                self.options.timeout_ms,
                self.last
            );
            return State::Failed(Failure::new(Wait::OPERATION, Error::Timeout(message), true));
        }
        State::Sleeping
    }
}

impl Machine for Wait {
    fn poll(&self) -> Next<'_> {
        match &self.state {
            State::Showing(show) => show.poll(),
            State::Sleeping => Next::Sleep(Sleep { ms: self.options.interval_ms, abortable: self.policy.abortable }),
            State::Done(value) => Next::Done(value),
            State::Failed(failure) => Next::Failed(failure),
        }
    }

    fn handle(&mut self, event: Event, tick: Tick) {
        match (&mut self.state, event) {
            (State::Showing(show), event) => {
                show.handle(event, tick);
                self.settle(tick);
            }
            (State::Sleeping, Event::Woke) => {
                let show = Call::new(Operation::ShowPublicip, Some(&self.publicip_id), None);
                self.state = State::Showing(Attempts::new(&show, &self.config, self.policy));
                self.settle(tick);
            }
            (State::Sleeping, Event::Aborted) => {
                self.state = State::Failed(Failure::new(Wait::OPERATION, Error::Aborted, true));
            }
            _ => {}
        }
    }

    fn poll_progress(&mut self) -> Option<Progress> {
        self.events.pop_front()
    }
}
