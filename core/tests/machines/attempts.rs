//! The retry policy of one call.

use super::service::{Service, answer, config, drive, refused};
use eipkit_core::error::Reported;
use eipkit_core::machine::{Attempts, Event, Machine, Next, Policy, Tick};
use eipkit_core::operation::Call;
use eipkit_core::{Error, ErrorKind, Operation, Options, validate_json};
use serde_json::json;
use std::cell::Cell;
use std::rc::Rc;

const EIP: &str = "f588ccfa-8750-4d7c-bf5d-2ede24414706";

fn show() -> Call {
    Call::new(Operation::ShowPublicip, Some(EIP), None)
}

fn create() -> Call {
    let body =
        json!({ "publicip": { "type": "5_bgp" }, "bandwidth": { "share_type": "PER", "name": "bw", "size": 5 } });
    Call::with_input(validate_json(Operation::CreatePublicip, &body, &Options::default()).into_checked().unwrap())
}

fn policy() -> Policy {
    Policy { retries: 2, ..Policy::default() }
}

/// A service whose first `n` answers to every request are `fault`, then the real ones.
fn failing_first(n: u32, fault: impl Fn() -> Result<eipkit_core::http::Response, Error> + 'static) -> Service {
    let mut service = Service::default();
    service.eips.insert(
        EIP.to_owned(),
        super::service::Eip { status: "DOWN".into(), port_id: None, next: None, order_id: None },
    );
    let left = Rc::new(Cell::new(n));
    service.fault(move |_, _| {
        (left.get() > 0).then(|| {
            left.set(left.get() - 1);
            fault()
        })
    });
    service
}

#[test]
fn an_answer_first_time_is_done() {
    let mut service = failing_first(0, || refused(500, "X"));
    let run = drive(&mut Attempts::new(&show(), &config(), policy()), &mut service, None);
    assert_eq!(run.result.unwrap()["publicip"]["status"], "DOWN");
    assert_eq!(service.log.len(), 1);
}

#[test]
fn transient_failures_of_a_safe_request_are_retried_with_backoff() {
    for fault in [
        (|| refused(503, "SYS.503")) as fn() -> _,
        || refused(502, "X"),
        || refused(408, "X"),
        || Err(Error::Network("ECONNRESET".into())),
        || Err(Error::attempt_timeout(10)),
    ] {
        let mut service = failing_first(2, fault);
        let run = drive(&mut Attempts::new(&show(), &config(), policy()), &mut service, None);
        assert!(run.result.is_ok(), "{:?}", run.result);
        assert_eq!(service.log.len(), 3);
        // Equal jitter at 0.5: three quarters of 200 ms, then of 400 ms.
        assert_eq!(run.sleeps, vec![150, 300]);
    }
}

#[test]
fn retries_run_out_with_the_last_error_still_marked_retryable() {
    let mut service = failing_first(10, || refused(503, "SYS.503"));
    let run = drive(&mut Attempts::new(&show(), &config(), policy()), &mut service, None);
    let failure = run.failure();
    assert_eq!((failure.error.status(), failure.retryable, failure.operation), (Some(503), true, "showPublicip"));
    assert_eq!(service.log.len(), 3, "the first attempt and two retries");
    let mut service = failing_first(10, || refused(503, "SYS.503"));
    drive(&mut Attempts::new(&show(), &config(), Policy { retries: 0, ..policy() }), &mut service, None);
    assert_eq!(service.log.len(), 1, "retries: 0");
}

#[test]
fn a_create_is_never_repeated() {
    for (fault, retryable) in [
        ((|| refused(503, "X")) as fn() -> _, false),
        (|| Err(Error::Network("reset".into())), false),
        (|| Err(Error::attempt_timeout(10)), false),
        // A 429 proves the service refused it unprocessed: retryable, for the caller to decide.
        (|| refused(429, "APIGW.0308"), true),
    ] {
        let mut service = failing_first(1, fault);
        let run = drive(&mut Attempts::new(&create(), &config(), policy()), &mut service, None);
        assert_eq!(run.failure().retryable, retryable);
        assert_eq!(service.log.len(), 1, "sent once");
    }
}

#[test]
fn errors_that_cannot_change_are_not_retried() {
    for (fault, kind) in [
        ((|| refused(400, "VPC.0101")) as fn() -> _, ErrorKind::Api),
        (|| refused(409, "VPC.0511"), ErrorKind::Api),
        (|| answer(200, json!({ "unexpected": true })), ErrorKind::Response),
        (|| Err(Error::Aborted), ErrorKind::Aborted),
    ] {
        let mut service = failing_first(1, fault);
        let run = drive(&mut Attempts::new(&show(), &config(), policy()), &mut service, None);
        assert_eq!((run.failure().error.kind(), run.failure().retryable), (kind, false));
        assert_eq!(service.log.len(), 1);
    }
}

#[test]
fn retry_after_is_honoured_unless_it_is_too_long() {
    let with_retry_after = |value: &'static str| {
        move || {
            let mut response = refused(503, "X").unwrap();
            response.headers.push(("Retry-After".into(), value.into()));
            Ok(response)
        }
    };
    let mut service = failing_first(1, with_retry_after("2"));
    let run = drive(&mut Attempts::new(&show(), &config(), policy()), &mut service, None);
    assert!(run.result.is_ok());
    assert_eq!(run.sleeps, vec![2_000]);
    // An HTTP date is read against the tick's clock: 3 s after the service's "now".
    let mut service = failing_first(1, || {
        let mut response = refused(503, "X").unwrap();
        response.headers.push(("Retry-After".into(), "Tue, 14 Nov 2023 22:13:28 GMT".into()));
        Ok(response)
    });
    let run = drive(&mut Attempts::new(&show(), &config(), policy()), &mut service, None);
    assert_eq!(run.sleeps, vec![7_995], "1700000008000 - (1700000000000 + 5 ms of latency)");
    let mut service = failing_first(1, with_retry_after("120"));
    let run = drive(&mut Attempts::new(&show(), &config(), policy()), &mut service, None);
    assert_eq!((run.failure().retryable, run.sleeps.len()), (true, 0), "longer than 30 s: given back");
}

#[test]
fn a_401_renews_the_token_once_even_for_a_create() {
    let renewable = Policy { renewable_token: true, ..policy() };
    let mut service = failing_first(1, || refused(401, "APIGW.0301"));
    let run = drive(&mut Attempts::new(&create(), &config(), renewable), &mut service, None);
    assert!(run.result.is_ok());
    assert_eq!(service.log.len(), 2);
    assert!(!service.log[0].ends_with("fresh") && service.log[1].ends_with("fresh"), "{:?}", service.log);
    // A second 401 is the answer; without a provider there is nothing to renew.
    let mut service = failing_first(2, || refused(401, "APIGW.0301"));
    let run = drive(&mut Attempts::new(&create(), &config(), renewable), &mut service, None);
    assert_eq!((run.failure().error.status(), service.log.len()), (Some(401), 2));
    let mut service = failing_first(1, || refused(401, "APIGW.0301"));
    let run = drive(&mut Attempts::new(&show(), &config(), policy()), &mut service, None);
    assert_eq!((run.failure().error.status(), service.log.len()), (Some(401), 1));
}

#[test]
fn after_a_renewal_later_attempts_use_the_cached_token() {
    let renewable = Policy { renewable_token: true, ..policy() };
    let mut service = failing_first(0, || refused(500, "X"));
    let answers = Rc::new(Cell::new(0));
    let count = answers.clone();
    service.fault(move |_, _| {
        count.set(count.get() + 1);
        match count.get() {
            1 => Some(refused(401, "APIGW.0301")),
            2 => Some(refused(503, "X")),
            _ => None,
        }
    });
    let run = drive(&mut Attempts::new(&show(), &config(), renewable), &mut service, None);
    assert!(run.result.is_ok());
    let fresh: Vec<bool> = service.log.iter().map(|l| l.ends_with("fresh")).collect();
    assert_eq!(fresh, vec![false, true, false]);
}

#[test]
fn credentials_that_cannot_be_had_fail_at_once_as_reported() {
    let service = failing_first(0, || refused(500, "X"));
    let mut attempts = Attempts::new(&show(), &config(), policy());
    let reported = Reported {
        kind: ErrorKind::Api,
        operation: Some("iamToken".into()),
        message: "The username or password is wrong.".into(),
        status: Some(401),
        code: None,
        request_id: Some("iam-req".into()),
        retryable: false,
    };
    attempts.handle(Event::Answer(Err(Error::Credentials(Box::new(reported)))), Tick::at(service.now));
    let Next::Failed(failure) = attempts.poll() else { panic!("expected a failure") };
    assert_eq!((failure.operation(), failure.error.status()), ("iamToken", Some(401)));
    assert_eq!(failure.error.request_id(), Some("iam-req"));
    assert!(service.log.is_empty());
}

#[test]
fn an_abort_while_waiting_to_retry_ends_the_call() {
    let mut service = failing_first(5, || refused(503, "X"));
    let run = drive(&mut Attempts::new(&show(), &config(), policy()), &mut service, Some(50));
    assert_eq!((run.failure().error.kind(), run.failure().retryable), (ErrorKind::Aborted, false));
    assert_eq!(service.log.len(), 1);
    assert_eq!(run.elapsed_ms, 50, "the sleep ended at the abort");
}

#[test]
fn a_call_that_cannot_be_built_fails_before_sending() {
    let mut service = Service::default();
    let run = drive(
        &mut Attempts::new(&Call::new(Operation::ShowPublicip, Some("../x"), None), &config(), policy()),
        &mut service,
        None,
    );
    assert_eq!(run.failure().error.kind(), ErrorKind::Validation);
    assert_eq!(run.failure().error.issues().unwrap()[0].path, "publicip_id");
    assert!(service.log.is_empty());
}

#[test]
fn events_that_answer_nothing_are_ignored_and_poll_changes_nothing() {
    let mut attempts = Attempts::new(&show(), &config(), policy());
    attempts.handle(Event::Woke, Tick::at(0));
    attempts.handle(Event::Aborted, Tick::at(0));
    let first = format!("{:?}", attempts.poll());
    assert_eq!(first, format!("{:?}", attempts.poll()));
    assert!(matches!(attempts.poll(), Next::Send(out) if out.operation == "showPublicip" && out.timeout_ms == 30_000));
    attempts.handle(Event::Answer(refused(404, "VPC.0504")), Tick::at(0));
    attempts.handle(Event::Answer(answer(200, json!({ "publicip": { "id": EIP } }))), Tick::at(0));
    assert!(matches!(attempts.poll(), Next::Failed(f) if f.error.status() == Some(404)), "finished stays finished");
}

#[test]
fn forwarding_passes_any_answer_on_as_it_is_once_but_never_a_redirect() {
    let no_retries = Policy { retries: 0, ..Policy::default() };
    // The service's error is the proxy's answer, not a failure: status, request id and body.
    let mut service = failing_first(1, || refused(409, "VPC.0510"));
    let run = drive(&mut Attempts::forward(&show(), &config(), no_retries), &mut service, None);
    let passed = run.result.unwrap();
    assert_eq!((passed["status"].as_u64(), passed["requestId"].as_str()), (Some(409), Some("req-409")));
    assert!(passed["body"].as_str().unwrap().contains("VPC.0510"));
    assert_eq!(service.log.len(), 1);
    // A success, likewise.
    let mut service = failing_first(0, || refused(500, "X"));
    let run = drive(&mut Attempts::forward(&show(), &config(), no_retries), &mut service, None);
    assert_eq!(run.result.unwrap()["status"], 200);
    // A redirect is refused, not passed on.
    let redirect = || {
        Ok(eipkit_core::http::Response::new(307, vec![("Location".into(), "https://elsewhere.example/x".into())], ""))
    };
    let mut service = failing_first(1, redirect);
    let run = drive(&mut Attempts::forward(&show(), &config(), no_retries), &mut service, None);
    assert_eq!(run.result.unwrap_err().error.kind(), ErrorKind::Response);
    // A 401 is the proxy's own credentials failing: renewed once with a provider, then failed.
    let renewing = Policy { renewable_token: true, ..no_retries };
    let mut service = failing_first(5, || refused(401, "APIGW.0301"));
    let run = drive(&mut Attempts::forward(&show(), &config(), renewing), &mut service, None);
    assert_eq!(run.result.unwrap_err().error.status(), Some(401));
    assert_eq!(service.log.len(), 2, "one renewal");
    // A create through a proxy is never repeated either.
    let mut service = failing_first(1, || Err(Error::Network("ECONNRESET".into())));
    let run = drive(&mut Attempts::forward(&create(), &config(), policy()), &mut service, None);
    assert_eq!(run.result.unwrap_err().error.kind(), ErrorKind::Network);
    assert_eq!(service.log.len(), 1);
}
