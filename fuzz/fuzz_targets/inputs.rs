//! Any string through every parser of untrusted text (endpoints, ids, URLs, times,
//! `Retry-After`), and, when the bytes are JSON, through the wasm binding's option readers
//! (`ClientConfig`, `IamConfig`, the walkthrough's input and wait options; `eipkit::fuzzing`). Invariants: no panic; an
//! accepted id cannot change a URL; an accepted endpoint is https unless its host is loopback,
//! and its `host[:port]` is what `fetch` sends; parsed URLs re-encode to the same query; parsed
//! times round-trip through `X-Sdk-Date`; a refused option object always says why.

#![no_main]

use eipkit::fuzzing::{ClientConfig, IamConfig, read_bind_new, read_wait};
use eipkit_core::endpoint::{Endpoint, check_id};
use eipkit_core::error::RetryAfter;
use eipkit_core::http::{UrlParts, encode_query};
use eipkit_core::operation::Config;
use eipkit_core::time::{parse_http_date, parse_utc, sdk_date};
use eipkit_core::{Issue, IssueCode, Locale, Operation, Options};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    strings(&text);
    if let Ok(json) = serde_json::from_slice::<Value>(data) {
        if let Value::String(s) = &json {
            strings(s);
        }
        options(&json);
    }
});

fn strings(s: &str) {
    endpoint(s);
    id(s);
    url(s);
    if let Some(t) = parse_utc(s) {
        time_round_trips(t);
    }
    if let Some(t) = parse_http_date(s) {
        time_round_trips(t);
    }
    match RetryAfter::parse(s) {
        Some(RetryAfter::Seconds(n)) => {
            assert_eq!(s.trim().trim_start_matches('+').parse::<u64>(), Ok(n));
            assert_eq!(RetryAfter::Seconds(n).delay_ms(0), n.saturating_mul(1000));
        }
        Some(RetryAfter::At(t)) => {
            assert_eq!(parse_http_date(s.trim()), Some(t));
            for now in [0, 1_700_000_000_000, t * 1000, t * 1000 - 5_000, t * 1000 + 5_000] {
                let delay = RetryAfter::At(t).delay_ms(now);
                let expected = i128::from(t) * 1000 - i128::from(now);
                assert_eq!(i128::from(delay), expected.clamp(0, i128::from(u64::MAX)));
            }
        }
        None => {}
    }
}

fn endpoint(s: &str) {
    match Endpoint::parse(s, "endpoint") {
        Ok(e) => {
            let authority = e.authority();
            assert!(!authority.is_empty());
            assert!(
                authority.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-.:[]".contains(&b)),
                "authority {authority:?} of {s:?}"
            );
            let (host, port) = split_authority(authority);
            assert!(!host.is_empty(), "{s:?}");
            match e.scheme() {
                "https" => {}
                "http" => assert!(is_loopback(host), "plain http to a host that is not loopback: {s:?} -> {host:?}"),
                other => panic!("scheme {other}"),
            }
            if let Some(port) = port {
                let default = if e.scheme() == "https" { "443" } else { "80" };
                assert!(port.bytes().all(|b| b.is_ascii_digit()), "port {port:?} of {s:?}");
                assert!(port.parse::<u32>().is_ok_and(|p| (1..=65_535).contains(&p)), "port {port:?} of {s:?}");
                assert_ne!(port, default, "the default port is dropped (fetch drops it from Host)");
                // Regression (core/tests/regressions.rs): fetch sends Host with the port as a number.
                assert!(!(port.len() > 1 && port.starts_with('0')), "{s:?}: signs Host {authority:?}, fetch sends another");
            }
            let path = e.path("/v1/p/publicips");
            assert!(path.starts_with('/') && path.ends_with("/v1/p/publicips"), "{path:?}");
            assert!(!path.contains(['?', '#']) && !path.contains(char::is_whitespace), "{path:?}");
            assert!(Config::new(s, "0123456789abcdef").is_ok());
        }
        Err(issue) => {
            assert_eq!(issue.path, "endpoint");
            let expected = if s.trim().is_empty() { IssueCode::Required } else { IssueCode::Format };
            assert_eq!(issue.code, expected, "{s:?}");
            explained(&issue);
            assert!(Config::new(s, "0123456789abcdef").is_err());
        }
    }
}

fn id(s: &str) {
    match check_id("publicip_id", s) {
        Ok(()) => {
            assert!(!s.is_empty() && s.len() <= 64);
            for bad in ["/", "?", "#", "%", "..", "\\", "&", "=", "+", ";"] {
                assert!(!s.contains(bad), "accepted id {s:?} contains {bad:?}");
            }
            assert!(!s.contains(|c: char| c.is_whitespace() || c.is_control() || !c.is_ascii()), "{s:?}");
        }
        Err(issue) => {
            assert_eq!(issue.code, if s.is_empty() { IssueCode::Required } else { IssueCode::Format });
            explained(&issue);
        }
    }
}

fn url(s: &str) {
    let Some(parts) = UrlParts::parse(s) else { return };
    assert!(parts.scheme == "https" || parts.scheme == "http");
    assert!(parts.path.starts_with('/') && !parts.path.contains(['?', '#']), "{:?}", parts.path);
    // The decoded query, encoded again, reads back the same.
    let again = format!("{}://{}{}?{}", parts.scheme, parts.authority, parts.path, encode_query(&parts.query));
    match UrlParts::parse(&again) {
        Some(reparsed) => {
            assert_eq!((&reparsed.path, &reparsed.query), (&parts.path, &parts.query), "{s:?} -> {again:?}");
        }
        None => assert!(parts.authority.is_empty(), "{again:?} does not parse"),
    }

    let authority = &parts.authority;
    assert!(!authority.contains(|c: char| c == '@' || c == '/' || c == '?' || c == '#' || c.is_whitespace()));
    assert!(!authority.bytes().any(|b| b.is_ascii_uppercase()), "{authority:?}");
    let raw = raw_authority(s).to_ascii_lowercase();
    let (host, port) = split_authority(&raw);
    if host.is_empty() {
        // Regression (core/tests/regressions.rs): "https://:443/p" and "https://:8443/p" parsed.
        panic!("{s:?} has no host, yet parses as {authority:?}");
    }
    assert!(!authority.is_empty());
    // For an authority fetch would accept (`host[:digits]`), the port is what fetch puts in Host.
    let well_formed = host.starts_with('[') || !host.contains(':');
    if let Some(port) = port.filter(|p| well_formed && p.bytes().all(|b| b.is_ascii_digit())) {
        let default = if parts.scheme == "https" { "443" } else { "80" };
        if port == default {
            assert_eq!(authority, host, "{s:?} kept the default port");
        }
        // Regression (core/tests/regressions.rs): the Host fetch sends has the port as a number
        // (no leading zeros), and none when it is empty or the scheme's default.
        let number = if port.is_empty() { Some(None) } else { port.parse::<u16>().ok().map(Some) };
        if let Some(number) = number {
            let default = if parts.scheme == "https" { 443 } else { 80 };
            let expected = match number {
                Some(n) if n != default => format!("{host}:{n}"),
                _ => host.to_owned(),
            };
            assert_eq!(authority, &expected, "{s:?}: signs Host {authority:?}, fetch sends {expected:?}");
        }
    }
}

/// The authority as written in a URL (what `UrlParts::parse` reads it from).
fn raw_authority(url: &str) -> &str {
    let url = url.trim();
    let url = url.split_once('#').map_or(url, |(before, _)| before);
    let rest = url.split_once("://").map_or("", |(_, rest)| rest);
    rest.split(['/', '?']).next().unwrap_or_default()
}

/// Host and port of an accepted `host[:port]` / `[v6][:port]`.
fn split_authority(authority: &str) -> (&str, Option<&str>) {
    if authority.starts_with('[') {
        match authority.find(']') {
            Some(end) => {
                let (host, rest) = authority.split_at(end + 1);
                (host, rest.strip_prefix(':'))
            }
            None => (authority, None),
        }
    } else {
        match authority.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    }
}

/// Loopback as the resolver sees it: `localhost` and its subdomains (RFC 6761), `[::1]`, and
/// 127.0.0.0/8 written as four decimal parts.
fn is_loopback(host: &str) -> bool {
    let octet = |p: &str| {
        !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) && {
            let digits = p.trim_start_matches('0');
            digits.is_empty() || digits.parse::<u16>().is_ok_and(|n| n <= 255)
        }
    };
    let parts: Vec<&str> = host.split('.').collect();
    host == "localhost"
        || host.ends_with(".localhost")
        || host == "[::1]"
        || (parts.len() == 4 && parts[0] == "127" && parts.iter().all(|p| octet(p)))
}

fn time_round_trips(t: i64) {
    // Year 0 to year 9999 (and a leap second at the very end).
    assert!((-62_167_219_200..=253_402_300_860).contains(&t), "{t}");
    if t >= 253_402_300_800 {
        return; // 9999-12-31 23:59:60 is year 10000 for X-Sdk-Date.
    }
    let d = sdk_date(t);
    assert_eq!(d.len(), 16, "{d}");
    let iso = format!("{}-{}-{}T{}:{}:{}Z", &d[0..4], &d[4..6], &d[6..8], &d[9..11], &d[11..13], &d[13..15]);
    assert_eq!(parse_utc(&iso), Some(t), "{iso}");
}

fn options(json: &Value) {
    let node = &Some(json);
    match ClientConfig::from_node(node) {
        Ok(c) => {
            assert!(check_id("projectId", &c.service.project_id).is_ok());
            assert!((1..=600_000).contains(&c.timeout_ms) && c.retries <= 10);
            let endpoint = json.get("endpoint").and_then(Value::as_str).unwrap_or_default();
            assert_eq!(Endpoint::parse(endpoint, "endpoint").as_ref(), Ok(&c.service.endpoint));
        }
        Err(issues) => refused(&issues, "ClientConfig"),
    }
    match IamConfig::from_node(node) {
        Ok(c) => {
            assert!(!c.auth.domain.trim().is_empty() && !c.auth.user.trim().is_empty());
            assert!(c.renew_before_ms <= 86_400_000 && (1..=600_000).contains(&c.timeout_ms));
        }
        Err(issues) => refused(&issues, "IamConfig"),
    }
    match read_wait(node) {
        Ok(w) => {
            assert!(!w.until.is_empty() && w.until.iter().all(|u| !u.is_empty()));
            assert!((1..=3_600_000).contains(&w.timeout_ms) && (10..=60_000).contains(&w.interval_ms));
            assert!(w.not_found_grace_ms <= 3_600_000);
        }
        Err(issues) => refused(&issues, "WaitOptions"),
    }
    for options in [Options::default(), Options::region("cn-north-4")] {
        match read_bind_new(node, &options) {
            Ok(b) => {
                assert!(check_id("serverId", &b.server_id).is_ok());
                assert!(b.port_id.as_deref().is_none_or(|p| check_id("portId", p).is_ok()));
                let body = b.create.body();
                assert!(body.pointer("/publicip/port_id").is_none(), "the walkthrough binds the port itself");
                assert_eq!(b.is_prepaid_create(), body.get("extendParam").is_some());
                assert!(matches!(b.create.operation(), Operation::CreatePublicip | Operation::CreatePrepaidPublicip));
            }
            Err(issues) => refused(&issues, "BindNewInput"),
        }
    }
}

fn refused(issues: &[Issue], what: &str) {
    assert!(!issues.is_empty(), "{what} refused its options without an issue");
    for issue in issues {
        assert!(issue.is_error(), "{what}: a warning refused the options: {issue:?}");
        explained(issue);
    }
}

fn explained(issue: &Issue) {
    for locale in Locale::ALL {
        assert!(!issue.message(locale).trim().is_empty(), "{issue:?}");
        assert!(!issue.short(locale).trim().is_empty(), "{issue:?}");
    }
}
