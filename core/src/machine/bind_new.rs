//! `bindNewPublicipToServer`, the [000] walkthrough end to end: list the server's ports,
//! choose one, create the EIP, wait for `DOWN`, bind, wait for `ACTIVE`, reporting each step.
//! When a step fails after the EIP exists, what is safe is undone ([`Undoing`]) and what is
//! left is named; a create whose outcome is unknown is named too.

use super::cleanup::{Cleanup, Undoing};
use super::{Attempts, Event, Failure, Machine, Next, Policy, Progress, Tick, Wait, outcome};
use crate::error::{Error, ErrorKind};
use crate::operation::Operation;
use crate::operation::{Call, Config};
use crate::walkthrough::{BindNewInput, Created, WaitOptions, choose_port, cleanup_plan, unknown_create};
use serde_json::{Value, json};
use std::collections::VecDeque;

#[derive(Debug)]
pub struct BindNew {
    input: BindNewInput,
    config: Config,
    policy: Policy,
    /// The cleanup's: the client's own timeout, and never aborted.
    cleanup_policy: Policy,
    /// The port chosen (the wire JSON of the service's answer).
    port: Value,
    port_id: String,
    made: Option<Created>,
    events: VecDeque<Progress>,
    stage: Stage,
}

/// A step that has finished, with its outcome.
enum Finished {
    ListPorts(Result<Value, Failure>),
    Create(Result<Value, Failure>),
    WaitCreated(Result<Value, Failure>),
    Bind(Result<Value, Failure>),
    WaitBound(Result<Value, Failure>),
    Cleanup(Option<Cleanup>, Failure),
}

#[derive(Debug)]
enum Stage {
    ListPorts(Attempts),
    Create(Attempts),
    WaitCreated(Wait),
    Bind(Attempts),
    WaitBound(Wait),
    Cleanup(Box<Undoing>, Failure),
    Done(Value),
    Failed(Failure),
}

impl BindNew {
    /// The operation, as the JS API names it.
    pub const OPERATION: &str = "bindNewPublicipToServer";

    /// `policy` for the steps; `cleanup_policy` for the undo steps (made not abortable).
    pub fn new(input: BindNewInput, config: &Config, policy: Policy, cleanup_policy: Policy, now_ms: u64) -> BindNew {
        let mut events = VecDeque::new();
        events.push_back(Progress::new("listPorts", "started", json!({ "serverId": input.server_id })));
        let stage = match Call::ports_of(&input.server_id) {
            Ok(call) => Stage::ListPorts(Attempts::new(&call, config, policy)),
            Err(issues) => Stage::Failed(Failure::validation(BindNew::OPERATION, issues)),
        };
        let mut walk = BindNew {
            input,
            config: config.clone(),
            policy,
            cleanup_policy,
            port: Value::Null,
            port_id: String::new(),
            made: None,
            events,
            stage,
        };
        walk.advance(Tick::at(now_ms));
        walk
    }

    fn current(&self) -> Option<&dyn Machine> {
        match &self.stage {
            Stage::ListPorts(m) | Stage::Create(m) | Stage::Bind(m) => Some(m),
            Stage::WaitCreated(m) | Stage::WaitBound(m) => Some(m),
            Stage::Cleanup(undoing, _) => undoing.current(),
            Stage::Done(_) | Stage::Failed(_) => None,
        }
    }

    fn emit(&mut self, step: &'static str, state: &'static str, details: Value) {
        self.events.push_back(Progress::new(step, state, details));
    }

    fn emit_failed(&mut self, step: &'static str, failure: &Failure) {
        let mut event = Progress::new(step, "failed", json!({}));
        event.error = Some(failure.clone());
        self.events.push_back(event);
    }

    /// While the current step has finished, move on to the next.
    fn advance(&mut self, tick: Tick) {
        while let Some(finished) = self.take_finished() {
            self.stage = self.next(finished, tick);
        }
    }

    /// The current step's outcome, once it has one (the stage holds `NEVER` until
    /// [`BindNew::next`] replaces it).
    fn take_finished(&mut self) -> Option<Finished> {
        let finished = match &self.stage {
            Stage::Cleanup(undoing, _) => undoing.report().is_some(),
            Stage::Done(_) | Stage::Failed(_) => false,
            _ => self.current().is_some_and(|m| outcome(m).is_some()),
        };
        if !finished {
            return None;
        }
        let taken = |result: Option<Result<Value, Failure>>| result.unwrap_or_else(|| Err(NEVER.clone()));
        Some(match std::mem::replace(&mut self.stage, Stage::Failed(NEVER.clone())) {
            Stage::ListPorts(m) => Finished::ListPorts(taken(m.finish())),
            Stage::Create(m) => Finished::Create(taken(m.finish())),
            Stage::WaitCreated(m) => Finished::WaitCreated(taken(m.finish())),
            Stage::Bind(m) => Finished::Bind(taken(m.finish())),
            Stage::WaitBound(m) => Finished::WaitBound(taken(m.finish())),
            Stage::Cleanup(undoing, failure) => Finished::Cleanup(undoing.report(), failure),
            // Finished already: nothing to move on to.
            done @ (Stage::Done(_) | Stage::Failed(_)) => {
                self.stage = done;
                return None;
            }
        })
    }

    /// The stage after a finished one.
    fn next(&mut self, finished: Finished, tick: Tick) -> Stage {
        match finished {
            Finished::ListPorts(Ok(ports)) => self.choose(&ports),
            Finished::ListPorts(Err(failure)) => {
                self.emit_failed("listPorts", &failure);
                Stage::Failed(failure)
            }
            Finished::Create(Ok(created)) => self.created(&created, tick),
            Finished::Create(Err(failure)) => self.create_failed(failure),
            Finished::WaitCreated(Ok(_)) => {
                self.emit("waitCreated", "done", json!({ "status": "DOWN" }));
                self.emit("bind", "started", json!({ "portId": self.port_id }));
                let id = self.made.as_ref().map(|m| m.publicip_id.clone()).unwrap_or_default();
                if let Some(made) = &mut self.made {
                    made.bind_requested = true;
                }
                match Call::bind(&id, &self.port_id) {
                    Ok(call) => Stage::Bind(Attempts::new(&call, &self.config, self.policy)),
                    Err(issues) => self.clean_up(Failure::validation("bindPublicip", issues), tick),
                }
            }
            Finished::WaitCreated(Err(failure)) | Finished::WaitBound(Err(failure)) => self.clean_up(failure, tick),
            Finished::Bind(Ok(_)) => {
                self.emit("bind", "done", json!({}));
                self.emit("waitBound", "started", json!({ "until": ["ACTIVE"] }));
                Stage::WaitBound(self.wait("ACTIVE", "waitBound", tick))
            }
            Finished::Bind(Err(failure)) => {
                self.emit_failed("bind", &failure);
                self.clean_up(failure, tick)
            }
            Finished::WaitBound(Ok(bound)) => self.bound(&bound),
            Finished::Cleanup(report, failure) => {
                let report = report.unwrap_or(Cleanup { actions: Vec::new(), left_behind: Vec::new() });
                Stage::Failed(self.reported(failure, report))
            }
        }
    }

    /// `{ publicip, port, orderId? }`, the walkthrough's answer.
    fn bound(&mut self, bound: &Value) -> Stage {
        self.emit("waitBound", "done", json!({ "status": "ACTIVE" }));
        let made = self.made.take();
        let mut answer = json!({ "publicip": bound.get("publicip"), "port": self.port });
        if let (Some(order), Some(fields)) = (made.as_ref().and_then(|m| m.order_id.clone()), answer.as_object_mut()) {
            fields.insert("orderId".to_owned(), order.into());
        }
        let id = made.map(|m| m.publicip_id).unwrap_or_default();
        self.emit("done", "done", json!({ "publicipId": id }));
        Stage::Done(answer)
    }

    /// The port to bind, from the server's ports; then the create.
    fn choose(&mut self, answer: &Value) -> Stage {
        let ports: &[Value] = answer.get("ports").and_then(Value::as_array).map_or(&[], Vec::as_slice);
        self.emit("listPorts", "done", json!({ "ports": ports.len() }));
        let (port, reason) = match choose_port(&self.input.server_id, ports, self.input.port_id.as_deref()) {
            Ok((port, reason)) => (port.clone(), reason),
            Err(issue) => {
                let failure = Failure::validation(BindNew::OPERATION, vec![issue]);
                self.emit_failed("choosePort", &failure);
                return Stage::Failed(failure);
            }
        };
        self.port_id = port.get("id").and_then(Value::as_str).unwrap_or_default().to_owned();
        self.port = port;
        self.emit("choosePort", "done", json!({ "portId": self.port_id, "reason": reason.as_str() }));
        let prepaid = self.input.create.operation() == Operation::CreatePrepaidPublicip;
        self.emit("create", "started", json!({ "prepaid": prepaid }));
        let create = Call::with_input(self.input.create.clone());
        Stage::Create(Attempts::new(&create, &self.config, self.policy))
    }

    fn created(&mut self, created: &Value, tick: Tick) -> Stage {
        let text = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_owned);
        let publicip_id =
            text(created.pointer("/publicip/id")).or_else(|| text(created.get("publicip_id"))).unwrap_or_default();
        let order_id = text(created.get("order_id"));
        self.emit("create", "done", json!({ "publicipId": publicip_id, "orderId": order_id }));
        self.made = Some(Created { publicip_id, order_id, bind_requested: false });
        self.emit("waitCreated", "started", json!({ "until": ["DOWN"] }));
        Stage::WaitCreated(self.wait("DOWN", "waitCreated", tick))
    }

    /// A refused create made nothing; one that may have reached the service is named.
    fn create_failed(&mut self, failure: Failure) -> Stage {
        self.emit_failed("create", &failure);
        let unknown = match failure.error.kind() {
            ErrorKind::Network | ErrorKind::Timeout | ErrorKind::Response | ErrorKind::Aborted => true,
            ErrorKind::Api => failure.error.status().is_some_and(|s| s >= 500),
            ErrorKind::Validation => false,
        };
        if !unknown || matches!(failure.error, Error::Credentials(_)) {
            return Stage::Failed(failure);
        }
        let report = Cleanup { actions: Vec::new(), left_behind: vec![unknown_create()] };
        Stage::Failed(self.reported(failure, report))
    }

    /// The failure with its cleanup report, announced.
    fn reported(&mut self, mut failure: Failure, report: Cleanup) -> Failure {
        let mut event = Progress::new("cleanup", "done", json!({}));
        event.report = Some(report.clone());
        self.events.push_back(event);
        failure.cleanup = Some(report);
        failure
    }

    /// A step failed after the EIP was created: undo what is safe.
    fn clean_up(&mut self, failure: Failure, tick: Tick) -> Stage {
        let Some(made) = self.made.clone() else { return Stage::Failed(failure) };
        let (undo, left) = cleanup_plan(&made);
        self.emit("cleanup", "started", json!({ "publicipId": made.publicip_id }));
        let undoing = Undoing::new(undo, left, self.wait_options("DOWN"), &self.config, self.cleanup_policy, tick);
        Stage::Cleanup(Box::new(undoing), failure)
    }

    fn wait_options(&self, until: &str) -> WaitOptions {
        WaitOptions {
            until: vec![until.to_owned()],
            timeout_ms: self.input.wait_timeout_ms,
            interval_ms: self.input.interval_ms,
            not_found_grace_ms: self.input.not_found_grace_ms,
        }
    }

    fn wait(&self, until: &str, step: &'static str, tick: Tick) -> Wait {
        let id = self.made.as_ref().map(|m| m.publicip_id.as_str()).unwrap_or_default();
        Wait::new(id, self.wait_options(until), &self.config, self.policy, tick.now_ms).reporting(step)
    }
}

impl Machine for BindNew {
    fn poll(&self) -> Next<'_> {
        match &self.stage {
            Stage::Done(value) => Next::Done(value),
            Stage::Failed(failure) => Next::Failed(failure),
            // A finished cleanup is moved on at once; its failure stands in meanwhile.
            Stage::Cleanup(undoing, failure) => undoing.current().map_or(Next::Failed(failure), |m| m.poll()),
            _ => self.current().map_or(Next::Failed(&NEVER), |m| m.poll()),
        }
    }

    fn handle(&mut self, event: Event, tick: Tick) {
        match &mut self.stage {
            Stage::ListPorts(m) | Stage::Create(m) | Stage::Bind(m) => m.handle(event, tick),
            Stage::WaitCreated(m) | Stage::WaitBound(m) => {
                m.handle(event, tick);
                while let Some(progress) = m.poll_progress() {
                    self.events.push_back(progress);
                }
            }
            Stage::Cleanup(undoing, _) => undoing.handle(event, tick),
            Stage::Done(_) | Stage::Failed(_) => return,
        }
        self.advance(tick);
    }

    fn poll_progress(&mut self) -> Option<Progress> {
        self.events.pop_front()
    }
}

/// What `poll` would say of a stage without a machine (there is none).
static NEVER: Failure =
    Failure { operation: BindNew::OPERATION, error: Error::Aborted, retryable: false, cleanup: None };
