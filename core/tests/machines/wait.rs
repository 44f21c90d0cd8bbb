//! `waitForPublicip`: reached, failing statuses, the deadline, the 404 grace, abort.

use super::service::{Eip, Service, config, drive, refused};
use eipkit_core::ErrorKind;
use eipkit_core::machine::{Policy, Wait};
use eipkit_core::walkthrough::WaitOptions;

const EIP: &str = "f588ccfa-8750-4d7c-bf5d-2ede24414706";

fn options(until: &[&str], timeout_ms: u32) -> WaitOptions {
    WaitOptions {
        until: until.iter().map(|s| (*s).to_owned()).collect(),
        timeout_ms,
        interval_ms: 20,
        not_found_grace_ms: 0,
    }
}

fn service_with(status: &str, next: Option<(u64, &str)>) -> Service {
    let mut service = Service::default();
    let next = next.map(|(after, s)| (service.now + after, s.to_owned()));
    service.eips.insert(EIP.to_owned(), Eip { status: status.into(), port_id: None, next, order_id: None });
    service
}

fn wait(service: &Service, options: WaitOptions) -> Wait {
    Wait::new(EIP, options, &config(), Policy::default(), service.now)
}

#[test]
fn polls_until_a_wanted_status_reporting_each_new_one() {
    let mut service = service_with("PENDING_CREATE", Some((60, "DOWN")));
    let run = drive(&mut wait(&service, options(&["DOWN"], 1_000)).reporting("waitCreated"), &mut service, None);
    assert_eq!(run.result.unwrap()["publicip"]["status"], "DOWN");
    let statuses: Vec<&str> = run.progress.iter().map(|e| e["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["PENDING_CREATE", "DOWN"], "each status once");
    assert!(run.progress.iter().all(|e| e["step"] == "waitCreated" && e["publicipId"] == EIP));
    assert!(run.sleeps.iter().all(|&ms| ms == 20));
    assert_eq!(service.log.len(), 4, "at 5, 30, 55 and 80 ms");
}

#[test]
fn quiet_unless_asked_to_report() {
    let mut service = service_with("PENDING_CREATE", Some((30, "DOWN")));
    let run = drive(&mut wait(&service, options(&["DOWN"], 1_000)), &mut service, None);
    assert!(run.result.is_ok() && run.progress.is_empty());
}

#[test]
fn a_status_that_will_not_change_fails_at_once_unless_asked_for() {
    for status in ["ERROR", "BIND_ERROR"] {
        let mut service = service_with(status, None);
        let run = drive(&mut wait(&service, options(&["ACTIVE"], 1_000)), &mut service, None);
        let failure = run.failure();
        assert_eq!((failure.error.kind(), failure.error.code()), (ErrorKind::Api, Some(status)));
        assert_eq!((failure.operation, failure.retryable, failure.error.status()), ("waitForPublicip", false, None));
        assert_eq!(failure.error.to_string(), format!("EIP {EIP} reached status {status} while waiting for ACTIVE"));
        assert_eq!(service.log.len(), 1);
    }
    let mut service = service_with("ERROR", None);
    assert!(drive(&mut wait(&service, options(&["ERROR"], 1_000)), &mut service, None).result.is_ok());
}

#[test]
fn the_deadline_ends_the_wait_without_oversleeping() {
    let mut service = service_with("BINDING", None);
    let run = drive(&mut wait(&service, options(&["ACTIVE", "DOWN"], 100)), &mut service, None);
    let failure = run.failure();
    assert_eq!((failure.error.kind(), failure.retryable), (ErrorKind::Timeout, true));
    assert_eq!(
        failure.error.to_string(),
        format!("EIP {EIP} did not reach ACTIVE or DOWN within 100 ms (last status: BINDING)")
    );
    // Shows end at 5, 30, 55, 80 and 105 ms: no sleep ends past the deadline, and the show
    // after the last one is the wait's last word.
    assert_eq!((service.log.len(), run.elapsed_ms), (5, 105));
    assert!(run.sleeps.len() == 4);
}

#[test]
fn a_404_is_not_created_yet_within_the_grace_period_then_gone() {
    let mut service = Service::default();
    let run = drive(&mut wait(&service, options(&["DOWN"], 1_000)), &mut service, None);
    assert_eq!((run.failure().error.status(), run.failure().operation), (Some(404), "showPublicip"));
    assert_eq!(service.log.len(), 1, "no grace: the 404 is the answer");

    let mut service = Service::default();
    let graced = WaitOptions { not_found_grace_ms: 60, ..options(&["DOWN"], 1_000) };
    let run = drive(&mut wait(&service, graced), &mut service, None);
    assert_eq!(run.failure().error.status(), Some(404));
    assert_eq!(service.log.len(), 4, "at 5, 30 and 55 ms within the grace; the one at 80 ms is the answer");

    let mut service = Service::default();
    let graced = WaitOptions { not_found_grace_ms: 5_000, ..options(&["DOWN"], 100) };
    let run = drive(&mut wait(&service, graced), &mut service, None);
    assert_eq!(run.failure().error.kind(), ErrorKind::Timeout);
    assert!(run.failure().error.to_string().ends_with("(last status: not yet visible)"));
}

#[test]
fn a_show_that_fails_for_good_ends_the_wait() {
    let mut service = service_with("PENDING_CREATE", None);
    service.fault(|_, _| Some(refused(403, "VPC.0003")));
    let run = drive(&mut wait(&service, options(&["DOWN"], 1_000)), &mut service, None);
    assert_eq!((run.failure().error.code(), run.failure().operation), (Some("VPC.0003"), "showPublicip"));
}

#[test]
fn an_abort_ends_the_wait_in_its_sleep_or_its_show() {
    let mut service = service_with("BINDING", None);
    let run = drive(&mut wait(&service, options(&["ACTIVE"], 1_000)), &mut service, Some(40));
    assert_eq!((run.failure().error.kind(), run.failure().operation), (ErrorKind::Aborted, "waitForPublicip"));
    assert_eq!(run.elapsed_ms, 40);
    let mut service = service_with("BINDING", None);
    let run = drive(&mut wait(&service, options(&["ACTIVE"], 1_000)), &mut service, Some(0));
    assert_eq!((run.failure().error.kind(), run.failure().operation), (ErrorKind::Aborted, "showPublicip"));
    assert!(service.log.is_empty());
}
