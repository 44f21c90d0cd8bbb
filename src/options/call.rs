//! The per-call options `{ signal?, timeoutMs? }` (and the walkthrough's `onProgress`), checked
//! like every other input: unknown keys and wrong types are issues.

use super::Reader;
use crate::snapshot::Snapshot;
use eipkit_core::node::Node;
use eipkit_core::{Issue, IssueCode, Params};
use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::AbortSignal;

#[derive(Clone, Default)]
pub struct CallOptions {
    pub signal: Option<AbortSignal>,
    pub timeout_ms: Option<u32>,
    /// The walkthrough's `onProgress`.
    pub on_progress: Option<Function>,
}

/// Which options a method takes.
pub const PLAIN: &[&str] = &["signal", "timeoutMs"];
pub const WITH_PROGRESS: &[&str] = &["signal", "timeoutMs", "onProgress"];

impl CallOptions {
    pub fn read(value: &JsValue, known: &'static [&'static str]) -> Result<CallOptions, Vec<Issue>> {
        let snapshot = Snapshot::of(value);
        let node = snapshot.node();
        if node.shape().is_missing() {
            return Ok(CallOptions::default());
        }
        let mut r = Reader::new(&node, "options", known)?;
        let timeout_ms = r.int("timeoutMs", 1, 600_000).and_then(|ms| u32::try_from(ms).ok());
        let on_progress = if known.contains(&"onProgress") && r.function("onProgress") {
            Reflect::get(value, &"onProgress".into()).ok().and_then(|f| f.dyn_into::<Function>().ok())
        } else {
            None
        };
        let signal = if r.node.member("signal").shape().is_missing() {
            None
        } else {
            let signal = abort_signal(value);
            if signal.is_none() {
                let params = Params { expected: Some("AbortSignal"), ..Params::default() };
                r.issues.push(Issue::error("options.signal", IssueCode::Type, params));
            }
            signal
        };
        r.finish()?;
        Ok(CallOptions { signal, timeout_ms, on_progress })
    }
}

/// `options.signal`, if it is a real AbortSignal. `instanceof` is not enough: an object made
/// with `Object.create(AbortSignal.prototype)` passes it, then throws from every getter. Reading
/// `aborted` through a catching `Reflect.get` is the brand check.
fn abort_signal(options: &JsValue) -> Option<AbortSignal> {
    let signal = Reflect::get(options, &"signal".into()).ok()?;
    // A boolean `aborted` (not a throw, not anything else) marks a real signal.
    Reflect::get(&signal, &"aborted".into()).ok()?.as_bool()?;
    signal.dyn_into::<AbortSignal>().ok()
}
