//! Any answer (status, headers, body), read by every operation's parsers and by
//! `error::service_error`. The input is a raw answer, so seeds are readable:
//!
//! ```text
//! 200
//! X-Request-Id: abc
//!
//! {"publicip":{"id":"..."}}
//! ```
//!
//! (first line the status, then header lines, a blank line, the body as bytes). Invariants: no
//! panic; a typed parse succeeds only where `parse_value` does, and its serialisation invents
//! nothing; an error status is always the service's error, with the status, the request id and
//! a one-line, bounded, non-empty message.

#![no_main]

use eipkit_core::error::{Error, ServiceError, service_error};
use eipkit_core::Operation;
use eipkit_core::http::Response;
use eipkit_core::operation::{
    create_prepaid_publicip, create_publicip, delete_publicip, iam_token, list_ports, list_publicips, show_publicip,
    update_publicip,
};
use libfuzzer_sys::fuzz_target;
use serde::Serialize;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let response = read_answer(data);

    let error = service_error(&response);
    check_service_error(&response, &error);

    check(&response, Operation::CreatePublicip.parse_value(&response), create_publicip::parse(&response));
    check(&response, Operation::CreatePrepaidPublicip.parse_value(&response), create_prepaid_publicip::parse(&response));
    check(&response, Operation::UpdatePublicip.parse_value(&response), update_publicip::parse(&response));
    check(&response, Operation::ShowPublicip.parse_value(&response), show_publicip::parse(&response));
    let ports = list_ports::parse(&response);
    check(&response, Operation::ListPorts.parse_value(&response), ports);
    let page_value = Operation::ListPublicips.parse_value(&response);
    let page = list_publicips::parse(&response);
    if let (Ok(value), Ok(typed)) = (&page_value, &page) {
        for limit in [None, Some(0), Some(1), Some(2), Some(1000), Some(u64::MAX)] {
            assert_eq!(
                list_publicips::next_marker(limit, typed),
                list_publicips::next_marker_of_value(limit, value),
                "the typed and the JSON page disagree on the next marker"
            );
        }
    }
    check(&response, page_value, page);

    let deleted = delete_publicip::parse(&response);
    assert_eq!(deleted.is_ok(), response.is_success());
    assert_eq!(Operation::DeletePublicip.parse_value(&response).is_ok(), response.is_success());
    match deleted {
        Err(Error::Response(e)) => assert!(is_redirect(&response), "{e:?}"),
        Err(e) => assert_eq!(e, Error::Service(error.clone())),
        Ok(()) => {}
    }

    match iam_token::parse(&response) {
        Ok(token) => {
            assert!(response.is_success());
            let header = response.header("x-subject-token").unwrap_or_default();
            assert_eq!(token.token.expose(), header.trim());
            assert!(!token.token.expose().is_empty());
        }
        Err(e) => check_error(&response, &e),
    }
});

fn read_answer(data: &[u8]) -> Response {
    let split = data.windows(2).position(|w| w == b"\n\n");
    let (head, body) = match split {
        Some(at) => (&data[..at], &data[at + 2..]),
        None => (data, &[][..]),
    };
    let head = String::from_utf8_lossy(head);
    let mut lines = head.split('\n');
    let first = lines.next().unwrap_or_default();
    let status = first.trim().parse::<u16>().unwrap_or_else(|_| {
        // Not a number: still some status, success or not.
        first.bytes().fold(200u16, |s, b| s.wrapping_mul(31).wrapping_add(u16::from(b)))
    });
    let headers = lines
        .map(|line| match line.split_once(':') {
            Some((name, value)) => (name.to_owned(), value.strip_prefix(' ').unwrap_or(value).to_owned()),
            None => (line.to_owned(), String::new()),
        })
        .collect();
    Response::new(status, headers, body.to_vec())
}

/// One operation's two parsers: they agree, and the typed answer invents nothing.
fn check<T: Serialize>(response: &Response, value: Result<Value, Error>, typed: Result<T, Error>) {
    match &value {
        Ok(v) => {
            assert!(response.is_success(), "an error status parsed as an answer");
            let wire: Value = serde_json::from_slice(&response.body).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(v, &wire, "parse_value must return the wire JSON as it was sent");
        }
        Err(e) => check_error(response, e),
    }
    match typed {
        Ok(t) => {
            let v = value.as_ref().unwrap_or_else(|e| panic!("typed parse succeeded where parse_value failed: {e}"));
            let back = serde_json::to_value(&t).unwrap_or_else(|e| panic!("{e}"));
            assert_within(&back, v, "");
            assert_keeps(v, &back, "");
        }
        Err(e) => {
            check_error(response, &e);
            if let Err(ve) = &value {
                assert_eq!(&e, ve, "typed and JSON parsers fail differently");
            }
        }
    }
}

/// Every key the typed answer serialises was in the wire JSON, with the same value.
fn assert_within(typed: &Value, wire: &Value, path: &str) {
    match (typed, wire) {
        (Value::Object(t), Value::Object(w)) => {
            for (key, value) in t {
                let here = format!("{path}/{key}");
                let original = w.get(key).unwrap_or_else(|| panic!("the typed answer invented {here}"));
                assert_within(value, original, &here);
            }
        }
        (Value::Array(t), Value::Array(w)) => {
            assert_eq!(t.len(), w.len(), "array {path} changed length");
            for (i, (a, b)) in t.iter().zip(w).enumerate() {
                assert_within(a, b, &format!("{path}/{i}"));
            }
        }
        (t, w) => assert_eq!(t, w, "the typed answer changed {path}"),
    }
}

fn check_error(response: &Response, error: &Error) {
    assert_eq!(error.status(), Some(response.status));
    assert_eq!(error.request_id().map(str::to_owned), error_request_id(error, response));
    assert!(!error.to_string().is_empty());
    match error {
        Error::Service(e) => {
            assert!(!response.is_success(), "a success status read as a service error");
            assert!(!is_redirect(response), "a redirect read as a service error");
            assert_eq!(e, &service_error(response));
        }
        Error::Response(e) => {
            // An unreadable success, or a redirect (never followed).
            assert!(response.is_success() || is_redirect(response), "an error status read as an unreadable answer");
            assert!(!e.message.is_empty());
            if is_redirect(response) {
                assert!(e.message.contains("does not follow redirects"), "{}", e.message);
            }
        }
        other => panic!("a parser reported a {} error", other.kind().as_str()),
    }
}

fn is_redirect(response: &Response) -> bool {
    (300..400).contains(&response.status)
}

fn error_request_id(error: &Error, response: &Response) -> Option<String> {
    match error {
        Error::Service(e) => e.request_id.clone(),
        _ => response.request_id(),
    }
}

fn check_service_error(response: &Response, error: &ServiceError) {
    assert_eq!(error.status, response.status);
    if let Some(id) = response.request_id() {
        assert_eq!(error.request_id.as_deref(), Some(id.as_str()), "the X-Request-Id header comes first");
    }
    let message = &error.message;
    assert!(!message.chars().any(char::is_control), "message is not one printable line: {message:?}");
    // Bounded for memory here; shortened for display only after redaction (see error::shorten).
    assert!(message.chars().count() <= 65_537, "message is not bounded: {} chars", message.chars().count());
    let shown = eipkit_core::error::shorten(message);
    assert!(shown.chars().count() <= eipkit_core::error::MAX_SHOWN + 1, "shortened message: {} chars", shown.chars().count());
    assert_eq!(message.trim(), message, "message is not trimmed");
    // Regression (core/tests/regressions.rs): a whitespace-only message was cleaned to "".
    assert!(!message.is_empty(), "empty service error message for {:?}", String::from_utf8_lossy(&response.body));
    if let Some(retry) = &error.retry_after {
        for now in [0, 1_700_000_000_000, i64::MIN, i64::MAX] {
            let _ = retry.delay_ms(now);
        }
    }
    let _ = error.to_string();
}

/// The body is JSON with a non-empty string of only blanks somewhere (where the message could be).
/// Every field the service sent survives the typed round trip (a `null` reads as absent).
fn assert_keeps(wire: &Value, typed: &Value, path: &str) {
    match (wire, typed) {
        (Value::Object(w), Value::Object(t)) => {
            for (key, value) in w.iter().filter(|(_, v)| !v.is_null()) {
                let here = format!("{path}/{key}");
                let kept = t.get(key).unwrap_or_else(|| panic!("the typed answer lost {here}"));
                assert_keeps(value, kept, &here);
            }
        }
        (Value::Array(w), Value::Array(t)) => {
            assert_eq!(w.len(), t.len(), "array {path} changed length");
            for (i, (a, b)) in w.iter().zip(t).enumerate() {
                assert_keeps(a, b, &format!("{path}/{i}"));
            }
        }
        (w, t) => assert_eq!(w, t, "the typed answer changed {path}"),
    }
}
