//! `signRequest`: the AK/SK headers for any request a caller sends themselves.
//!
//! Two ways in, one set of rules: `signStrings` takes the fields js/sign.js has read (the common
//! case: a plain object of strings, with no JSON snapshot to write and parse), `signRequest` any
//! value at all, through a snapshot. Both hand [`Fields`] to [`signed`], which checks them and
//! answers the headers as `name\0value\0…` text that js/sign.js makes into an object.

use crate::errors::validation_error;
use crate::snapshot::{Snapshot, SnapshotNode};
use eipkit_core::http::UrlParts;
use eipkit_core::node::{Node, Shape};
use eipkit_core::sign::{Credentials, SigningInput, sign};
use eipkit_core::{Issue, IssueCode, Locale, Params};
use js_sys::{Date, Reflect};
use std::borrow::Cow;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `Date.prototype.getTime.call(value)`, which throws for anything but a real Date.
    #[wasm_bindgen(js_namespace = ["Date", "prototype", "getTime"], js_name = call, catch)]
    fn get_time(value: &JsValue) -> Result<f64, JsValue>;
}

/// A request to sign, however it was read.
struct Fields<'a> {
    method: Shape<'a>,
    url: Shape<'a>,
    ak: Shape<'a>,
    sk: Shape<'a>,
    body: Shape<'a>,
    headers: Vec<(String, String)>,
    /// Unix seconds, or the type of a `date` that is not a usable Date.
    date: Result<i64, &'static str>,
}

/// The fields read in JS, in two strings to cross the boundary once each: `fields` is
/// `method\0url\0ak\0sk` then `\0name\0value` per header (js/sign.js sends no field holding a
/// NUL this way), `body` is as sent, `date_ms` a Date's `getTime()`, or none for now.
#[wasm_bindgen(js_name = signStrings)]
pub fn sign_strings(fields: &str, body: &str, date_ms: Option<f64>) -> Result<String, JsValue> {
    let mut parts = fields.split('\0');
    let mut next = || Shape::Text(Cow::Borrowed(parts.next().unwrap_or_default()));
    let (method, url, ak, sk) = (next(), next(), next(), next());
    let mut headers = Vec::new();
    while let (Some(name), Some(value)) = (parts.next(), parts.next()) {
        headers.push((name.to_owned(), value.to_owned()));
    }
    let date = match date_ms {
        None => Ok(now()),
        Some(ms) => seconds(ms).ok_or("date"),
    };
    let body = Shape::Text(Cow::Borrowed(body));
    signed(Fields { method, url, ak, sk, body, headers, date }, Vec::new())
}

/// Any value: read through a snapshot, so that whatever it is becomes issues, never a throw.
#[wasm_bindgen(js_name = signRequest)]
pub fn sign_request(request: JsValue) -> Result<String, JsValue> {
    let snapshot = Snapshot::of(&request);
    let node = snapshot.node();
    let mut issues = Vec::new();
    let headers = read_headers(&node, &mut issues);
    // `date`: a real Date (getTime through a catching call: an object that merely inherits
    // from Date.prototype throws there), or absent for now.
    // getTime only when there is a date: its throw for `undefined` cost a fifth of the call.
    let date = match Reflect::get(&request, &"date".into()) {
        Ok(d) if d.is_undefined() => Ok(now()),
        Ok(d) => get_time(&d).ok().and_then(seconds).ok_or(()),
        Err(_) => Err(()),
    }
    .map_err(|()| node.member("date").shape().type_name());
    let [method, url, ak, sk, body] = ["method", "url", "ak", "sk", "body"].map(|key| node.member(key));
    let fields = Fields {
        method: method.shape(),
        url: url.shape(),
        ak: ak.shape(),
        sk: sk.shape(),
        body: body.shape(),
        headers,
        date,
    };
    signed(fields, issues)
}

fn now() -> i64 {
    (Date::now() / 1000.0).floor() as i64
}

fn seconds(ms: f64) -> Option<i64> {
    ms.is_finite().then(|| (ms / 1000.0).floor() as i64)
}

/// Checks the fields (each problem an issue naming it, after those of the headers as read) and
/// signs them.
fn signed(fields: Fields<'_>, mut header_issues: Vec<Issue>) -> Result<String, JsValue> {
    let mut issues = Vec::new();
    let mut text = |key: &str, shape: Shape<'_>| match shape {
        Shape::Text(s) if !s.is_empty() => Some(s.into_owned()),
        s if s.is_missing() || matches!(s, Shape::Text(_)) => {
            issues.push(Issue::error(key, IssueCode::Required, Params::default()));
            None
        }
        s => {
            issues.push(type_issue(key, "string", s.type_name()));
            None
        }
    };
    let (method, url, ak, sk) =
        (text("method", fields.method), text("url", fields.url), text("ak", fields.ak), text("sk", fields.sk));
    // `body: ""` is no body (a GET's), as an absent one is.
    let body = match fields.body {
        Shape::Text(s) => s,
        s if s.is_missing() => Cow::Borrowed(""),
        s => {
            issues.push(type_issue("body", "string", s.type_name()));
            Cow::Borrowed("")
        }
    };
    let parts = url.as_deref().and_then(|u| {
        let parts = UrlParts::parse(u);
        if parts.is_none() {
            let params = Params { format: Some("https_url"), ..Params::default() };
            issues.push(Issue::error("url", IssueCode::Format, params));
        }
        parts
    });
    issues.append(&mut header_issues);
    if let Err(received) = fields.date {
        issues.push(type_issue("date", "date", received));
    }
    let (Some(method), Some(parts), Some(ak), Some(sk), Ok(unix_seconds), true) =
        (method, parts, ak, sk, fields.date, issues.is_empty())
    else {
        return Err(validation_error("signRequest", issues, Locale::En));
    };
    let signature = sign(
        &SigningInput {
            method: &method,
            host: &parts.authority,
            path: &parts.path,
            query: &parts.query,
            headers: &fields.headers,
            body: body.as_bytes(),
        },
        &Credentials::new(ak, sk),
        unix_seconds,
    );
    let mut out = String::new();
    for (name, value) in &signature.headers {
        for part in [name, value] {
            if !out.is_empty() {
                out.push('\0');
            }
            out.push_str(part);
        }
    }
    Ok(out)
}

fn type_issue(path: impl Into<String>, expected: &'static str, received: &'static str) -> Issue {
    Issue::error(
        path,
        IssueCode::Type,
        Params { expected: Some(expected), received: Some(received), ..Params::default() },
    )
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
                    issues.push(type_issue(format!("headers.{name}"), "string", other.type_name()));
                    None
                }
            })
            .collect(),
        other => {
            issues.push(type_issue("headers", "object", other.type_name()));
            Vec::new()
        }
    }
}
