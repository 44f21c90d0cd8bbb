//! The cleanup after a failed walkthrough, and its report. The plan comes from
//! [`cleanup_plan`](crate::walkthrough::cleanup_plan); this runs it step by step, whatever the
//! caller does (nothing here is abortable): an unbind first lets a bind in progress settle (a
//! `BINDING` EIP cannot be unbound) and is skipped if the EIP never got bound; a release first
//! waits for `DOWN` (a new EIP must leave `PENDING_CREATE`). The first step that fails ends
//! the cleanup, and what it could not undo is named.

use super::{Attempts, Event, Failure, Machine, Policy, Tick, Wait, outcome};
use crate::message::Locale;
use crate::operation::{Call, Config, Operation};
use crate::walkthrough::{LeftBehind, Undo, WaitOptions};
use serde_json::{Value, json};
use std::collections::VecDeque;

/// What the cleanup did, and what it could not undo.
#[derive(Debug, Clone, PartialEq)]
pub struct Cleanup {
    pub actions: Vec<Action>,
    pub left_behind: Vec<LeftBehind>,
}

/// One undo step, done or failed.
#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    /// `unbind` or `delete`.
    pub action: &'static str,
    pub publicip_id: String,
    /// Why it failed; `None` when it succeeded.
    pub error: Option<Failure>,
}

impl Cleanup {
    /// `{ actions: [{ action, publicipId, ok, error? }], leftBehind: [{ publicipId, orderId, reason }] }`.
    pub fn to_json(&self, locale: Locale, redact: &dyn Fn(&str) -> String) -> Value {
        let actions: Vec<Value> = self
            .actions
            .iter()
            .map(|a| {
                let mut action = json!({ "action": a.action, "publicipId": a.publicip_id, "ok": a.error.is_none() });
                if let (Some(error), Some(fields)) = (&a.error, action.as_object_mut()) {
                    fields.insert("error".to_owned(), error.summary(locale, redact));
                }
                action
            })
            .collect();
        let left: Vec<Value> = self
            .left_behind
            .iter()
            .map(|l| json!({ "publicipId": l.publicip_id, "orderId": l.order_id, "reason": l.reason }))
            .collect();
        json!({ "actions": actions, "leftBehind": left })
    }

    /// `cleaned up: delete X; left behind: prepaid order Y (EIP Z)`.
    pub fn note(&self) -> String {
        let done: Vec<String> = self
            .actions
            .iter()
            .filter(|a| a.error.is_none())
            .map(|a| format!("{} {}", a.action, a.publicip_id))
            .collect();
        let named: Vec<String> = self
            .left_behind
            .iter()
            .map(|l| match (&l.order_id, &l.publicip_id) {
                (Some(order), Some(id)) => format!("prepaid order {order} (EIP {id})"),
                (_, Some(id)) => format!("EIP {id}"),
                _ => "a possible EIP".to_owned(),
            })
            .collect();
        let mut note = Vec::new();
        if !done.is_empty() {
            note.push(format!("cleaned up: {}", done.join(", ")));
        }
        if !named.is_empty() {
            note.push(format!("left behind: {}", named.join(", ")));
        }
        note.join("; ")
    }
}

/// The statuses a bind settles in.
const SETTLED: [&str; 4] = ["ACTIVE", "DOWN", "BIND_ERROR", "ERROR"];

/// The undo steps being run.
#[derive(Debug)]
pub(super) struct Undoing {
    steps: VecDeque<Undo>,
    /// The timing of every wait (the walkthrough's own).
    wait: WaitOptions,
    config: Config,
    policy: Policy,
    phase: Phase,
    actions: Vec<Action>,
    left: Vec<LeftBehind>,
}

#[derive(Debug)]
enum Phase {
    /// Before an unbind: until the bind (if any) settled.
    Settle(Wait, String),
    Unbind(Attempts, String),
    /// After an unbind: until `DOWN`.
    Unbound(Wait, String),
    /// Before a release: until `DOWN`.
    Down(Wait, String),
    Release(Attempts, String),
    Finished,
}

impl Undoing {
    pub(super) fn new(
        steps: Vec<Undo>,
        left: Vec<LeftBehind>,
        wait: WaitOptions,
        config: &Config,
        policy: Policy,
        tick: Tick,
    ) -> Undoing {
        let policy = Policy { abortable: false, ..policy };
        let mut undoing = Undoing {
            steps: steps.into(),
            wait,
            config: config.clone(),
            policy,
            phase: Phase::Finished,
            actions: Vec::new(),
            left,
        };
        undoing.next_step(tick);
        undoing
    }

    pub(super) fn current(&self) -> Option<&dyn Machine> {
        match &self.phase {
            Phase::Settle(wait, _) | Phase::Unbound(wait, _) | Phase::Down(wait, _) => Some(wait),
            Phase::Unbind(attempts, _) | Phase::Release(attempts, _) => Some(attempts),
            Phase::Finished => None,
        }
    }

    fn current_mut(&mut self) -> Option<&mut dyn Machine> {
        match &mut self.phase {
            Phase::Settle(wait, _) | Phase::Unbound(wait, _) | Phase::Down(wait, _) => Some(wait),
            Phase::Unbind(attempts, _) | Phase::Release(attempts, _) => Some(attempts),
            Phase::Finished => None,
        }
    }

    /// The report, once every step ran or one failed.
    pub(super) fn report(&self) -> Option<Cleanup> {
        matches!(self.phase, Phase::Finished)
            .then(|| Cleanup { actions: self.actions.clone(), left_behind: self.left.clone() })
    }

    pub(super) fn handle(&mut self, event: Event, tick: Tick) {
        if let Some(machine) = self.current_mut() {
            machine.handle(event, tick);
        }
        while self.current().is_some_and(|m| outcome(m).is_some()) {
            self.advance(tick);
        }
    }

    fn wait_for(&self, id: &str, until: &[&str], tick: Tick) -> Wait {
        let options = WaitOptions { until: until.iter().map(|s| (*s).to_owned()).collect(), ..self.wait.clone() };
        Wait::new(id, options, &self.config, self.policy, tick.now_ms)
    }

    fn next_step(&mut self, tick: Tick) {
        self.phase = match self.steps.pop_front() {
            Some(Undo::Unbind { publicip_id }) => {
                Phase::Settle(self.wait_for(&publicip_id, &SETTLED, tick), publicip_id)
            }
            Some(Undo::Delete { publicip_id }) => {
                Phase::Down(self.wait_for(&publicip_id, &["DOWN"], tick), publicip_id)
            }
            None => Phase::Finished,
        };
        while self.current().is_some_and(|m| outcome(m).is_some()) {
            self.advance(tick);
        }
    }

    /// The current step's machine finished: on to what follows it.
    fn advance(&mut self, tick: Tick) {
        match std::mem::replace(&mut self.phase, Phase::Finished) {
            Phase::Settle(wait, id) => match wait.finish() {
                // Never bound: nothing to undo.
                Some(Ok(shown)) if !is_bound(&shown) => self.next_step(tick),
                // Bound, or its state unknown: unbind.
                _ => self.phase = self.unbind(id),
            },
            Phase::Unbind(attempts, id) => match attempts.finish() {
                Some(Ok(_)) => self.phase = Phase::Unbound(self.wait_for(&id, &["DOWN"], tick), id),
                Some(Err(failure)) => self.failed("unbind", id, failure),
                None => {}
            },
            Phase::Unbound(wait, id) => self.finished_step("unbind", id, wait.finish(), tick),
            Phase::Down(wait, id) => match wait.finish() {
                Some(Ok(_)) => {
                    let release = Attempts::new(
                        &Call::new(Operation::DeletePublicip, Some(&id), None),
                        &self.config,
                        self.policy,
                    );
                    self.phase = Phase::Release(release, id);
                }
                Some(Err(failure)) => self.failed("delete", id, failure),
                None => {}
            },
            Phase::Release(attempts, id) => self.finished_step("delete", id, attempts.finish(), tick),
            Phase::Finished => {}
        }
    }

    fn unbind(&self, id: String) -> Phase {
        match Call::unbind(&id) {
            Ok(call) => Phase::Unbind(Attempts::new(&call, &self.config, self.policy), id),
            Err(issues) => {
                let failed = Attempts::of("unbindPublicip", Err(issues.into()), |_| Ok(Value::Null), self.policy);
                Phase::Unbind(failed, id)
            }
        }
    }

    fn finished_step(&mut self, action: &'static str, id: String, result: Option<Result<Value, Failure>>, tick: Tick) {
        match result {
            Some(Ok(_)) => {
                self.actions.push(Action { action, publicip_id: id, error: None });
                self.next_step(tick);
            }
            Some(Err(failure)) => self.failed(action, id, failure),
            None => {}
        }
    }

    /// A step failed: it is recorded, the EIP is named (once), and the cleanup ends there (a
    /// bound EIP cannot be released: what follows an unbind depends on it).
    fn failed(&mut self, action: &'static str, id: String, failure: Failure) {
        let reason = match action {
            "delete" => "the EIP could not be released: release it yourself",
            _ => "the EIP could not be unbound: unbind and release it yourself",
        };
        // Merge with the prepaid entry if there is one, so each EIP is named once.
        match self.left.iter_mut().find(|l| l.publicip_id.as_ref() == Some(&id)) {
            Some(entry) if entry.order_id.is_none() => entry.reason = reason,
            Some(_) => {}
            None => self.left.push(LeftBehind { publicip_id: Some(id.clone()), order_id: None, reason }),
        }
        self.actions.push(Action { action, publicip_id: id, error: Some(failure) });
        self.steps.clear();
        self.phase = Phase::Finished;
    }
}

/// Whether a shown EIP is (or may be) bound.
fn is_bound(shown: &Value) -> bool {
    shown.pointer("/publicip/port_id").and_then(Value::as_str).is_some_and(|p| !p.is_empty())
        || matches!(shown.pointer("/publicip/status").and_then(Value::as_str), Some("ACTIVE" | "BIND_ERROR"))
}
