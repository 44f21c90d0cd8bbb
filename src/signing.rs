//! `signRequest`: the AK/SK headers for any request a caller sends themselves.

use crate::errors::validation_error;
use crate::snapshot::{Snapshot, SnapshotNode};
use eipkit_core::http::UrlParts;
use eipkit_core::node::{Node, Shape};
use eipkit_core::sign::{Credentials, SigningInput, sign};
use eipkit_core::{Issue, IssueCode, Locale, Params};
use js_sys::{Date, Object, Reflect};
use wasm_bindgen::prelude::*;

/// Returns `{ "X-Sdk-Date", "Authorization" }` (and `X-Sdk-Content-Sha256` for a non-JSON
/// `Content-Type`, as the official SDKs do) for `{ method, url, headers?, body?, ak, sk, date? }`.
#[wasm_bindgen]
extern "C" {
    /// `Date.prototype.getTime.call(value)`, which throws for anything but a real Date.
    #[wasm_bindgen(js_namespace = ["Date", "prototype", "getTime"], js_name = call, catch)]
    fn get_time(value: &JsValue) -> Result<f64, JsValue>;
}

#[wasm_bindgen(js_name = signRequest)]
pub fn sign_request(request: JsValue) -> Result<JsValue, JsValue> {
    let snapshot = Snapshot::of(&request);
    let node = snapshot.node();
    let mut issues = Vec::new();
    let mut text = |key: &str, required: bool| match node.member(key).shape() {
        Shape::Text(s) if !s.is_empty() => Some(s.into_owned()),
        s if s.is_missing() && !required => None,
        s if s.is_missing() || matches!(s, Shape::Text(_)) => {
            issues.push(Issue::error(key, IssueCode::Required, Params::default()));
            None
        }
        s => {
            let params = Params { expected: Some("string"), received: Some(s.type_name()), ..Params::default() };
            issues.push(Issue::error(key, IssueCode::Type, params));
            None
        }
    };
    let (method, url, ak, sk) = (text("method", true), text("url", true), text("ak", true), text("sk", true));
    // `body: ""` is no body (a GET's), as an absent one is.
    let body = match node.member("body").shape() {
        Shape::Text(s) => Some(s.into_owned()).filter(|s| !s.is_empty()),
        s if s.is_missing() => None,
        s => {
            let params = Params { expected: Some("string"), received: Some(s.type_name()), ..Params::default() };
            issues.push(Issue::error("body", IssueCode::Type, params));
            None
        }
    };
    let parts = url.as_deref().and_then(|u| {
        let parts = UrlParts::parse(u);
        if parts.is_none() {
            issues.push(Issue::error(
                "url",
                IssueCode::Format,
                Params { format: Some("https_url"), ..Params::default() },
            ));
        }
        parts
    });
    let headers = read_headers(&node, &mut issues);
    // `date`: a real Date (getTime through a catching call: an object that merely inherits
    // from Date.prototype throws there), or absent for now.
    // getTime only when there is a date: its throw for `undefined` cost a fifth of the call.
    let unix_seconds = match Reflect::get(&request, &"date".into()) {
        Ok(d) if d.is_undefined() => Some((Date::now() / 1000.0).floor() as i64),
        Ok(d) => get_time(&d).ok().filter(|ms| ms.is_finite()).map(|ms| (ms / 1000.0).floor() as i64),
        Err(_) => None,
    };
    if unix_seconds.is_none() {
        let received = node.member("date").shape().type_name();
        let params = Params { expected: Some("date"), received: Some(received), ..Params::default() };
        issues.push(Issue::error("date", IssueCode::Type, params));
    }
    let (Some(method), Some(parts), Some(ak), Some(sk), Some(unix_seconds), true) =
        (method, parts, ak, sk, unix_seconds, issues.is_empty())
    else {
        return Err(validation_error("signRequest", issues, Locale::En));
    };
    let signature = sign(
        &SigningInput {
            method: &method,
            host: &parts.authority,
            path: &parts.path,
            query: &parts.query,
            headers: &headers,
            body: body.as_deref().unwrap_or_default().as_bytes(),
        },
        &Credentials::new(ak, sk),
        unix_seconds,
    );
    let out = Object::new();
    for (name, value) in signature.headers {
        let _ = Reflect::set(&out, &name.into(), &value.into());
    }
    Ok(out.into())
}

fn read_headers(node: &SnapshotNode<'_>, issues: &mut Vec<Issue>) -> Vec<(String, String)> {
    let headers = node.member("headers");
    match headers.shape() {
        s if s.is_missing() => Vec::new(),
        Shape::Object => headers
            .keys()
            .unwrap_or_default()
            .into_iter()
            .filter_map(|name| match headers.member(&name).shape() {
                Shape::Text(value) => Some((name.into_owned(), value.into_owned())),
                other => {
                    let params =
                        Params { expected: Some("string"), received: Some(other.type_name()), ..Params::default() };
                    issues.push(Issue::error(format!("headers.{name}"), IssueCode::Type, params));
                    None
                }
            })
            .collect(),
        other => {
            let params = Params { expected: Some("object"), received: Some(other.type_name()), ..Params::default() };
            issues.push(Issue::error("headers", IssueCode::Type, params));
            Vec::new()
        }
    }
}
