//! `waitForPublicip` and `bindNewPublicipToServer`, the [000] walkthrough end to end: list the
//! server's ports, choose one, create the EIP, wait for `DOWN`, bind, wait for `ACTIVE`. The
//! decisions come from `eipkit_core::walkthrough`; this module makes the calls, reports each
//! step to `onProgress`, and when a step fails after the EIP exists, undoes what is safe and
//! names what is left.

use crate::call_options::CallOptions;
use crate::client::{Call, Inner, Method, RawClient};
use crate::snapshot::Snapshot;
use crate::timers::sleep;
use crate::to_js;
use eipkit_core::walkthrough::{
    BindNewInput, Created, LeftBehind, Undo, Verdict, WaitOptions, choose_port, cleanup_plan, judge, unknown_create,
};
use eipkit_core::{ErrorKind, Issue, Options};
use js_sys::{Function, Promise, Reflect};
use serde_json::{Value, json};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

#[wasm_bindgen]
impl RawClient {
    /// Polls the EIP until its status is one of `wait.until`.
    #[wasm_bindgen(js_name = waitForPublicip)]
    pub fn wait_for_publicip(&self, publicip_id: JsValue, wait: JsValue, options: JsValue) -> Promise {
        let inner = self.inner.clone();
        future_to_promise(async move {
            const NAME: &str = "waitForPublicip";
            let fail = |issues: &[Issue]| inner.context(NAME, false).validation(issues);
            let id = inner.id(NAME, &publicip_id)?;
            let wait = WaitOptions::from_node(&Snapshot::of(&wait).node()).map_err(|issues| fail(&issues))?;
            let options = CallOptions::read(&options, crate::call_options::PLAIN).map_err(|issues| fail(&issues))?;
            let progress = Progress::read(&JsValue::UNDEFINED);
            Ok(to_js(&inner.wait_for(&id, &wait, &options, &progress, "wait").await?))
        })
    }

    /// The whole walkthrough; resolves to `{ publicip, port, orderId? }`.
    #[wasm_bindgen(js_name = bindNewPublicipToServer)]
    pub fn bind_new_publicip_to_server(&self, input: JsValue, options: JsValue) -> Promise {
        let inner = self.inner.clone();
        future_to_promise(async move {
            let fail = |issues: &[Issue]| inner.context(NAME, false).validation(issues);
            let region = Options { region: inner.config.region.clone() };
            let input =
                BindNewInput::from_node(&Snapshot::of(&input).node(), &region).map_err(|issues| fail(&issues))?;
            let call_options =
                CallOptions::read(&options, crate::call_options::WITH_PROGRESS).map_err(|issues| fail(&issues))?;
            let progress = Progress::read(&options);
            walkthrough(&inner, &input, &call_options, &progress).await
        })
    }
}

const NAME: &str = "bindNewPublicipToServer";

/// The caller's `onProgress`, if any. Its exceptions are its own: they never stop the walk.
pub(crate) struct Progress(Option<Function>);

impl Progress {
    fn read(options: &JsValue) -> Progress {
        let callback = Reflect::get(options, &"onProgress".into()).ok().and_then(|f| f.dyn_into::<Function>().ok());
        Progress(callback)
    }

    fn emit(&self, event: Value) {
        if let Some(callback) = &self.0 {
            let _ = callback.call1(&JsValue::UNDEFINED, &to_js(&event));
        }
    }
}

/// The steps, in order; a failure after the create runs the cleanup.
async fn walkthrough(
    inner: &Rc<Inner>,
    input: &BindNewInput,
    options: &CallOptions,
    progress: &Progress,
) -> Result<JsValue, JsValue> {
    let step = |name: &str, state: &str, details: Value| {
        let mut event = json!({ "step": name, "state": state });
        if let (Some(event), Value::Object(details)) = (event.as_object_mut(), details) {
            event.extend(details);
        }
        progress.emit(event);
    };
    let failed = |name: &str, error: &JsValue| step(name, "failed", json!({ "error": summary(error) }));

    step("listPorts", "started", json!({ "serverId": input.server_id }));
    let query = json!({ "device_id": input.server_id });
    let checked =
        eipkit_core::validate_json(eipkit_core::Operation::ListPorts, &query, &Options::default()).into_checked();
    let Ok(query) = checked else { return Err(JsValue::UNDEFINED) };
    let ports = inner.execute_with(&Call::ListPorts(query), options).await.inspect_err(|e| failed("listPorts", e))?;
    let ports: Vec<Value> = ports.get("ports").and_then(Value::as_array).cloned().unwrap_or_default();
    step("listPorts", "done", json!({ "ports": ports.len() }));

    let (port, reason) = match choose_port(&input.server_id, &ports, input.port_id.as_deref()) {
        Ok((port, reason)) => (port.clone(), reason),
        Err(issue) => {
            let error = inner.context(NAME, false).validation(&[issue]);
            failed("choosePort", &error);
            return Err(error);
        }
    };
    let port_id = port.get("id").and_then(Value::as_str).unwrap_or_default().to_owned();
    step("choosePort", "done", json!({ "portId": port_id, "reason": reason.as_str() }));

    let prepaid = input.is_prepaid_create();
    step("create", "started", json!({ "prepaid": prepaid }));
    let create = if prepaid {
        Call::CreatePrepaidPublicip(input.create.clone())
    } else {
        Call::CreatePublicip(input.create.clone())
    };
    let created = match inner.execute_with(&create, options).await {
        Ok(answer) => answer,
        Err(error) => {
            failed("create", &error);
            // A refused create made nothing; one that may have reached the service is named.
            if outcome_unknown(&error) {
                return Err(with_cleanup(error, &[], &[unknown_create()], progress));
            }
            return Err(error);
        }
    };
    let publicip_id = created
        .pointer("/publicip/id")
        .or_else(|| created.get("publicip_id"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let order_id = created.get("order_id").and_then(Value::as_str).map(str::to_owned);
    step("create", "done", json!({ "publicipId": publicip_id, "orderId": order_id }));
    let mut made = Created { publicip_id: publicip_id.clone(), order_id: order_id.clone(), bind_requested: false };

    let wait = |until: &str| WaitOptions {
        until: vec![until.to_owned()],
        timeout_ms: input.wait_timeout_ms,
        interval_ms: input.interval_ms,
        not_found_grace_ms: input.not_found_grace_ms,
    };
    let result = async {
        step("waitCreated", "started", json!({ "until": ["DOWN"] }));
        inner.wait_for(&publicip_id, &wait("DOWN"), options, progress, "waitCreated").await?;
        step("waitCreated", "done", json!({ "status": "DOWN" }));

        step("bind", "started", json!({ "portId": port_id }));
        made.bind_requested = true;
        let bind = inner.prepare(Method::BindPublicip, [publicip_id.as_str().into(), port_id.as_str().into()])?;
        inner.execute_with(&bind, options).await.inspect_err(|e| failed("bind", e))?;
        step("bind", "done", json!({}));

        step("waitBound", "started", json!({ "until": ["ACTIVE"] }));
        let bound = inner.wait_for(&publicip_id, &wait("ACTIVE"), options, progress, "waitBound").await?;
        step("waitBound", "done", json!({ "status": "ACTIVE" }));
        Ok::<Value, JsValue>(bound)
    }
    .await;

    match result {
        Ok(bound) => {
            let mut answer = json!({ "publicip": bound.get("publicip"), "port": port });
            if let (Some(order), Some(answer)) = (&order_id, answer.as_object_mut()) {
                answer.insert("orderId".to_owned(), json!(order));
            }
            step("done", "done", json!({ "publicipId": publicip_id }));
            Ok(to_js(&answer))
        }
        Err(error) => {
            let (undo, mut left) = cleanup_plan(&made);
            step("cleanup", "started", json!({ "publicipId": publicip_id }));
            let actions = cleanup(inner, &undo, input, &mut left).await;
            Err(with_cleanup(error, &actions, &left, progress))
        }
    }
}

/// A failure after which the create may or may not have happened.
fn outcome_unknown(error: &JsValue) -> bool {
    let kind = Reflect::get(error, &"kind".into()).ok().and_then(|k| k.as_string()).unwrap_or_default();
    let status = Reflect::get(error, &"status".into()).ok().and_then(|s| s.as_f64()).unwrap_or(0.0);
    match kind.as_str() {
        "network" | "timeout" | "response" => true,
        "aborted" => true,
        "api" => status >= 500.0,
        _ => false,
    }
}

/// The statuses a bind settles in.
const SETTLED: [&str; 4] = ["ACTIVE", "DOWN", "BIND_ERROR", "ERROR"];

/// Runs the undo steps with no caller signal (an abort must not stop the cleanup), recording
/// each; what could not be undone joins `left`.
async fn cleanup(inner: &Inner, undo: &[Undo], input: &BindNewInput, left: &mut Vec<LeftBehind>) -> Vec<Value> {
    let options = CallOptions::default();
    let quiet = Progress(None);
    let wait_down = WaitOptions {
        until: vec!["DOWN".to_owned()],
        timeout_ms: input.wait_timeout_ms,
        interval_ms: input.interval_ms,
        not_found_grace_ms: input.not_found_grace_ms,
    };
    let mut actions = Vec::new();
    for step in undo {
        let (action, id, result) = match step {
            Undo::Unbind { publicip_id } => {
                // A bind still in progress (BINDING) cannot be undone: let it settle first.
                let settled =
                    WaitOptions { until: SETTLED.iter().map(|s| (*s).to_owned()).collect(), ..wait_down.clone() };
                let shown = inner.wait_for(publicip_id, &settled, &options, &quiet, "cleanup").await;
                let bound = shown.as_ref().is_ok_and(|v| {
                    v.pointer("/publicip/port_id").is_some_and(|p| p.as_str().is_some_and(|p| !p.is_empty()))
                        || matches!(
                            v.pointer("/publicip/status").and_then(Value::as_str),
                            Some("ACTIVE" | "BIND_ERROR")
                        )
                });
                if shown.is_ok() && !bound {
                    continue; // never bound: nothing to undo
                }
                let result = async {
                    let unbind =
                        inner.prepare(Method::UnbindPublicip, [publicip_id.as_str().into(), JsValue::UNDEFINED])?;
                    inner.execute_with(&unbind, &options).await?;
                    inner.wait_for(publicip_id, &wait_down, &options, &quiet, "cleanup").await
                }
                .await;
                ("unbind", publicip_id, result)
            }
            Undo::Delete { publicip_id } => {
                // A new EIP must leave PENDING_CREATE before it can be released.
                let result = async {
                    inner.wait_for(publicip_id, &wait_down, &options, &quiet, "cleanup").await?;
                    inner.execute_with(&Call::DeletePublicip(publicip_id.clone()), &options).await
                }
                .await;
                ("delete", publicip_id, result)
            }
        };
        match result {
            Ok(_) => actions.push(json!({ "action": action, "publicipId": id, "ok": true })),
            Err(error) => {
                actions.push(json!({ "action": action, "publicipId": id, "ok": false, "error": summary(&error) }));
                let reason = match step {
                    Undo::Delete { .. } => "the EIP could not be released: release it yourself",
                    Undo::Unbind { .. } => "the EIP could not be unbound: unbind and release it yourself",
                };
                // Merge with the prepaid entry if there is one, so each EIP is named once.
                match left.iter_mut().find(|l| l.publicip_id.as_ref() == Some(id)) {
                    Some(entry) if entry.order_id.is_none() => entry.reason = reason,
                    Some(_) => {}
                    None => left.push(LeftBehind { publicip_id: Some(id.clone()), order_id: None, reason }),
                }
                // A bound EIP cannot be released: what follows an unbind depends on it.
                break;
            }
        }
    }
    actions
}

/// The original failure, with what was cleaned up and what is left behind (in `cleanup` and
/// in the message).
fn with_cleanup(error: JsValue, actions: &[Value], left: &[LeftBehind], progress: &Progress) -> JsValue {
    let left: Vec<Value> = left
        .iter()
        .map(|l| json!({ "publicipId": l.publicip_id, "orderId": l.order_id, "reason": l.reason }))
        .collect();
    let report = json!({ "actions": actions, "leftBehind": left });
    progress.emit(json!({ "step": "cleanup", "state": "done", "report": report }));
    let done: Vec<String> = actions
        .iter()
        .filter(|a| a.get("ok") == Some(&json!(true)))
        .map(|a| {
            format!("{} {}", a["action"].as_str().unwrap_or_default(), a["publicipId"].as_str().unwrap_or_default())
        })
        .collect();
    let named: Vec<String> = left
        .iter()
        .map(|l| match (l["orderId"].as_str(), l["publicipId"].as_str()) {
            (Some(order), Some(id)) => format!("prepaid order {order} (EIP {id})"),
            (None, Some(id)) => format!("EIP {id}"),
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
    let message = Reflect::get(&error, &"message".into()).ok().and_then(|m| m.as_string()).unwrap_or_default();
    let _ = Reflect::set(&error, &"message".into(), &format!("{message} ({})", note.join("; ")).into());
    let _ = Reflect::set(&error, &"cleanup".into(), &to_js(&report));
    error
}

/// `{ kind, message, code? }` of a failure, for progress events.
fn summary(error: &JsValue) -> Value {
    let text = |key: &str| Reflect::get(error, &key.into()).ok().and_then(|v| v.as_string());
    json!({ "kind": text("kind"), "message": text("message"), "code": text("code") })
}

impl Inner {
    /// Polls `showPublicip` until the status is wanted, a failing status appears, time runs
    /// out or the caller aborts. A 404 within the grace period is "not created yet".
    pub(crate) fn wait_for<'a>(
        &'a self,
        id: &'a str,
        wait: &'a WaitOptions,
        options: &'a CallOptions,
        progress: &'a Progress,
        step: &'a str,
    ) -> Pin<Box<dyn Future<Output = Result<Value, JsValue>> + 'a>> {
        Box::pin(self.wait_for_inner(id, wait, options, progress, step))
    }

    async fn wait_for_inner(
        &self,
        id: &str,
        wait: &WaitOptions,
        options: &CallOptions,
        progress: &Progress,
        step: &str,
    ) -> Result<Value, JsValue> {
        let context = self.context("waitForPublicip", true);
        let started = js_sys::Date::now();
        let mut last = "not yet visible".to_owned();
        loop {
            match self.execute_with(&Call::ShowPublicip(id.to_owned()), options).await {
                Ok(shown) => {
                    let status =
                        shown.pointer("/publicip/status").and_then(Value::as_str).unwrap_or_default().to_owned();
                    if status != last {
                        progress.emit(json!({ "step": step, "state": "progress", "publicipId": id, "status": status }));
                    }
                    match judge(&status, &wait.until) {
                        Verdict::Reached => return Ok(shown),
                        Verdict::Failed => {
                            let message = format!(
                                "EIP {id} reached status {status} while waiting for {}",
                                wait.until.join(" or ")
                            );
                            return Err(context.custom(ErrorKind::Api, message, Some(status)));
                        }
                        Verdict::Pending => last = status,
                    }
                }
                Err(error)
                    if is_not_found(&error) && js_sys::Date::now() - started < f64::from(wait.not_found_grace_ms) => {}
                Err(error) => return Err(error),
            }
            let elapsed = js_sys::Date::now() - started;
            if elapsed + f64::from(wait.interval_ms) > f64::from(wait.timeout_ms) {
                let message = format!(
                    "EIP {id} did not reach {} within {} ms (last status: {last})",
                    wait.until.join(" or "),
                    wait.timeout_ms
                );
                return Err(context.custom(ErrorKind::Timeout, message, None));
            }
            if sleep(wait.interval_ms, options.signal.as_ref()).await.is_err() {
                return Err(context.custom(ErrorKind::Aborted, "the call was aborted".to_owned(), None));
            }
        }
    }
}

fn is_not_found(error: &JsValue) -> bool {
    Reflect::get(error, &"status".into()).ok().and_then(|s| s.as_f64()) == Some(404.0)
}
