//! The per-call options `{ signal?, timeoutMs? }`.

use crate::js_node::JsNode;
use eipkit_core::node::{Node, Shape};
use eipkit_core::{Issue, IssueCode, Params};
use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::AbortSignal;

#[derive(Clone, Default)]
pub struct CallOptions {
    pub signal: Option<AbortSignal>,
    pub timeout_ms: Option<u32>,
}

impl CallOptions {
    pub fn read(value: &JsValue) -> Result<CallOptions, Vec<Issue>> {
        let node = JsNode::new(value.clone());
        let mut issues = Vec::new();
        let type_issue = |path: &str, expected: &'static str, shape: &Shape<'_>| {
            let params = Params { expected: Some(expected), received: Some(shape.type_name()), ..Params::default() };
            Issue::error(path, IssueCode::Type, params)
        };
        match node.shape() {
            s if s.is_missing() => return Ok(CallOptions { signal: None, timeout_ms: None }),
            Shape::Object => {}
            other => return Err(vec![type_issue("options", "object", &other)]),
        }
        let signal = match node.member("signal").shape() {
            s if s.is_missing() => None,
            other => {
                let signal = Reflect::get(value, &"signal".into()).ok().and_then(|s| s.dyn_into::<AbortSignal>().ok());
                if signal.is_none() {
                    issues.push(type_issue("options.signal", "AbortSignal", &other));
                }
                signal
            }
        };
        let timeout_ms = match node.member("timeoutMs").shape() {
            s if s.is_missing() => None,
            Shape::Number(n) if n.fract() == 0.0 && (1.0..=600_000.0).contains(&n) => Some(n as u32),
            Shape::Number(n) if n.fract() == 0.0 => {
                let params = Params { min: Some(1), max: Some(600_000), ..Params::default() };
                issues.push(Issue::error("options.timeoutMs", IssueCode::Range, params));
                None
            }
            other => {
                issues.push(type_issue("options.timeoutMs", "integer", &other));
                None
            }
        };
        if issues.is_empty() { Ok(CallOptions { signal, timeout_ms }) } else { Err(issues) }
    }
}
