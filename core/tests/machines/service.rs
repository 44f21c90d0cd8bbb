//! A scripted EIP service and a driver on a virtual clock: the machines run against it with
//! no network and no timers, so every branch is deterministic.

use eipkit_core::Error;
use eipkit_core::http::{Method, Response};
use eipkit_core::machine::{Event, Failure, Machine, Next, Outgoing, Tick};
use serde_json::{Value, json};
use std::collections::BTreeMap;

pub const PROJECT: &str = "0123456789abcdef0123456789abcdef";
pub const SERVER: &str = "ea61f836-b52f-41bf-9d06-685644001d6f";
pub const PORT: &str = "1b8a1d2c-0000-4000-8000-000000000001";
/// How long each request takes on the virtual clock.
pub const LATENCY_MS: u64 = 5;
/// How long PENDING_CREATE and BINDING last.
pub const TRANSITION_MS: u64 = 50;

pub fn config() -> eipkit_core::operation::Config {
    eipkit_core::operation::Config::new("https://vpc.example.com", PROJECT).unwrap()
}

#[derive(Debug, Clone)]
pub struct Eip {
    pub status: String,
    pub port_id: Option<String>,
    /// The status it moves to at `settles_at`.
    pub next: Option<(u64, String)>,
    pub order_id: Option<String>,
}

/// What a fault hook may answer instead of the service.
pub type Fault = Box<dyn FnMut(&Outgoing, &Service) -> Option<Result<Response, Error>>>;

pub struct Service {
    pub now: u64,
    pub eips: BTreeMap<String, Eip>,
    /// server id → ports (id, primary interface)
    pub ports: BTreeMap<String, Vec<(String, Option<bool>)>>,
    /// `OPERATION METHOD PATH` of every request, with `fresh` when a new token was asked for.
    pub log: Vec<String>,
    /// Statuses that do not settle (`BINDING` held, say).
    pub held: Vec<String>,
    /// The order stays unpaid: a prepaid EIP never appears.
    pub unpaid: bool,
    /// The status a bind settles in.
    pub bind_ends_in: String,
    pub faults: Vec<Fault>,
    pub created: u32,
}

impl Default for Service {
    fn default() -> Service {
        let mut ports = BTreeMap::new();
        ports.insert(SERVER.to_owned(), vec![(PORT.to_owned(), Some(true))]);
        ports.insert("no-ports".to_owned(), Vec::new());
        Service {
            now: 1_700_000_000_000,
            eips: BTreeMap::new(),
            ports,
            log: Vec::new(),
            held: Vec::new(),
            unpaid: false,
            bind_ends_in: "ACTIVE".into(),
            faults: Vec::new(),
            created: 0,
        }
    }
}

pub fn answer(status: u16, body: Value) -> Result<Response, Error> {
    let body = if body.is_null() { Vec::new() } else { serde_json::to_vec(&body).unwrap() };
    Ok(Response::new(status, vec![("X-Request-Id".into(), format!("req-{status}"))], body))
}

/// The service's error answer.
pub fn refused(status: u16, code: &str) -> Result<Response, Error> {
    answer(status, json!({ "code": code, "message": format!("refused with {code}") }))
}

impl Service {
    /// Answers of `fault` take the place of the service's while it returns `Some`.
    pub fn fault(&mut self, fault: impl FnMut(&Outgoing, &Service) -> Option<Result<Response, Error>> + 'static) {
        self.faults.push(Box::new(fault));
    }

    /// The operations requested, in order.
    pub fn operations(&self) -> Vec<&str> {
        self.log.iter().map(|l| l.split(' ').next().unwrap_or_default()).collect()
    }

    fn tick(&mut self) {
        let now = self.now;
        for eip in self.eips.values_mut() {
            if let Some((at, status)) = eip.next.clone() {
                if at <= now && !self.held.contains(&eip.status) {
                    eip.status = status;
                    eip.next = None;
                }
            }
        }
    }

    pub fn send(&mut self, out: &Outgoing) -> Result<Response, Error> {
        self.now += LATENCY_MS;
        self.tick();
        let fresh = if out.fresh_token { " fresh" } else { "" };
        self.log.push(format!("{} {} {}{fresh}", out.operation, out.request.method.as_str(), out.request.path));
        let mut faults = std::mem::take(&mut self.faults);
        let faulted = faults.iter_mut().find_map(|f| f(out, self));
        self.faults.extend(faults);
        if let Some(answer) = faulted {
            return answer;
        }
        self.serve(out)
    }

    fn serve(&mut self, out: &Outgoing) -> Result<Response, Error> {
        let id = out.request.path.rsplit('/').next().unwrap_or_default().to_owned();
        let body: Value = serde_json::from_slice(&out.request.body).unwrap_or(Value::Null);
        match (out.request.method, out.operation) {
            (Method::Get, "listPorts") => {
                let server = out.request.query.iter().find(|(k, _)| k == "device_id").map(|(_, v)| v.as_str());
                let ports: Vec<Value> = self
                    .ports
                    .get(server.unwrap_or_default())
                    .into_iter()
                    .flatten()
                    .map(|(id, primary)| match primary {
                        Some(p) => json!({ "id": id, "binding:vif_details": { "primary_interface": p } }),
                        None => json!({ "id": id }),
                    })
                    .collect();
                answer(200, json!({ "ports": ports }))
            }
            (Method::Post, op) => {
                self.created += 1;
                let id = format!("eip-{}", self.created);
                let prepaid = op == "createPrepaidPublicip";
                let order_id = prepaid.then(|| format!("CS{}", self.created));
                if !(prepaid && self.unpaid) {
                    let next = Some((self.now + TRANSITION_MS, "DOWN".to_owned()));
                    let eip = Eip { status: "PENDING_CREATE".into(), port_id: None, next, order_id: order_id.clone() };
                    self.eips.insert(id.clone(), eip);
                }
                match order_id {
                    Some(order) => answer(200, json!({ "order_id": order, "publicip_id": id })),
                    None => answer(200, json!({ "publicip": { "id": id, "status": "PENDING_CREATE" } })),
                }
            }
            (Method::Get, _) => match self.eips.get(&id) {
                Some(eip) => answer(200, json!({ "publicip": eip_json(&id, eip) })),
                None => refused(404, "VPC.0504"),
            },
            (Method::Put, _) => {
                let now = self.now;
                let Some(eip) = self.eips.get_mut(&id) else { return refused(404, "VPC.0504") };
                match body.pointer("/publicip/port_id").and_then(Value::as_str) {
                    Some(port) if eip.status == "DOWN" => {
                        eip.status = "BINDING".into();
                        eip.port_id = Some(port.to_owned());
                        eip.next = Some((now + TRANSITION_MS, self.bind_ends_in.clone()));
                    }
                    None if eip.status == "ACTIVE" || eip.status == "BIND_ERROR" => {
                        eip.status = "DOWN".into();
                        eip.port_id = None;
                    }
                    _ => return refused(409, "VPC.0511"),
                }
                answer(200, json!({ "publicip": eip_json(&id, self.eips.get(&id).unwrap()) }))
            }
            (Method::Delete, _) => match self.eips.get(&id) {
                Some(eip) if eip.order_id.is_some() => refused(409, "VPC.0520"),
                Some(eip) if eip.status != "DOWN" => refused(409, "VPC.0512"),
                Some(_) => {
                    self.eips.remove(&id);
                    answer(204, Value::Null)
                }
                None => refused(404, "VPC.0504"),
            },
        }
    }
}

fn eip_json(id: &str, eip: &Eip) -> Value {
    let mut v = json!({ "id": id, "status": eip.status, "port_id": eip.port_id });
    if let Some(order) = &eip.order_id {
        v["profile"] = json!({ "order_id": order });
    }
    v
}

/// What a run did.
pub struct Run {
    pub result: Result<Value, Failure>,
    /// `{ step, state, ... }` of each progress event.
    pub progress: Vec<Value>,
    /// The sleeps asked for, in ms.
    pub sleeps: Vec<u32>,
    /// When it ended, from the start.
    pub elapsed_ms: u64,
}

impl Run {
    pub fn failure(&self) -> &Failure {
        self.result.as_ref().expect_err("the run failed")
    }

    /// `step:state` of every event but the wait's statuses.
    pub fn steps(&self) -> Vec<String> {
        self.progress
            .iter()
            .filter(|e| e["state"] != "progress")
            .map(|e| format!("{}:{}", e["step"].as_str().unwrap(), e["state"].as_str().unwrap()))
            .collect()
    }
}

/// Drives `machine` against `service`. The caller aborts at `abort_at_ms` after the start (if
/// given): a send or a sleep in progress then ends as aborted, if the machine lets it.
pub fn drive(machine: &mut dyn Machine, service: &mut Service, abort_at_ms: Option<u64>) -> Run {
    let start = service.now;
    let mut progress = Vec::new();
    let mut sleeps = Vec::new();
    let aborted = |now: u64| abort_at_ms.is_some_and(|at| now >= start + at);
    let redact = |s: &str| s.to_owned();
    for _ in 0..10_000 {
        while let Some(event) = machine.poll_progress() {
            progress.push(event.to_json(eipkit_core::Locale::En, &redact));
        }
        let (event, random) = match machine.poll() {
            Next::Send(out) => {
                let out = out.clone();
                if out.abortable && aborted(service.now) {
                    (Event::Answer(Err(Error::Aborted)), 0.5)
                } else {
                    (Event::Answer(service.send(&out)), 0.5)
                }
            }
            Next::Sleep(sleep) => {
                sleeps.push(sleep.ms);
                let wake = service.now + u64::from(sleep.ms);
                match abort_at_ms.map(|at| start + at) {
                    Some(at) if sleep.abortable && at < wake => {
                        service.now = service.now.max(at);
                        (Event::Aborted, 0.5)
                    }
                    _ => {
                        service.now = wake;
                        (Event::Woke, 0.5)
                    }
                }
            }
            Next::Done(value) => {
                let result = Ok(value.clone());
                return Run { result, progress, sleeps, elapsed_ms: service.now - start };
            }
            Next::Failed(failure) => {
                let result = Err(failure.clone());
                return Run { result, progress, sleeps, elapsed_ms: service.now - start };
            }
        };
        machine.handle(event, Tick { now_ms: service.now, random });
    }
    panic!("the machine did not finish in 10000 steps");
}
