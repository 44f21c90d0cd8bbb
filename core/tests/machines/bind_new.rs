//! `bindNewPublicipToServer`: the happy paths, a failure at each step, an abort at each step,
//! each timeout, a create of unknown outcome, and what the cleanup undoes and names.

use super::service::{PORT, SERVER, Service, config, drive, refused};
use eipkit_core::machine::{BindNew, Policy};
use eipkit_core::walkthrough::BindNewInput;
use eipkit_core::{Error, ErrorKind, Options};
use serde_json::{Value, json};

const HAPPY: [&str; 12] = [
    "listPorts:started",
    "listPorts:done",
    "choosePort:done",
    "create:started",
    "create:done",
    "waitCreated:started",
    "waitCreated:done",
    "bind:started",
    "bind:done",
    "waitBound:started",
    "waitBound:done",
    "done:done",
];

/// The walkthrough's input, with waits of 1 s every 20 ms unless `extra` (the JS option names)
/// says otherwise.
fn input(extra: Value) -> BindNewInput {
    let get = |key: &str| extra.get(key);
    let ms = |key: &str| get(key).and_then(Value::as_u64).and_then(|ms| u32::try_from(ms).ok());
    let create = get("create").cloned().unwrap_or_else(
        || json!({ "publicip": { "type": "5_bgp" }, "bandwidth": { "share_type": "PER", "name": "bw", "size": 5 } }),
    );
    let create = BindNewInput::check_create(&Some(&create), &Options::default()).unwrap();
    let server = get("serverId").and_then(Value::as_str).unwrap_or(SERVER);
    let input = BindNewInput::new(server, create).unwrap();
    BindNewInput {
        port_id: get("portId").and_then(Value::as_str).map(str::to_owned),
        wait_timeout_ms: ms("timeoutMs").unwrap_or(1_000),
        interval_ms: 20,
        not_found_grace_ms: ms("notFoundGraceMs").unwrap_or(input.not_found_grace_ms),
        ..input
    }
}

fn prepaid() -> Value {
    json!({ "create": {
        "publicip": { "type": "5_bgp" },
        "bandwidth": { "share_type": "PER", "name": "bw", "size": 5 },
        "extendParam": { "charge_mode": "prePaid", "period_type": "month", "period_num": 1, "is_auto_pay": true },
    } })
}

fn walk(service: &mut Service, input: BindNewInput, abort_at_ms: Option<u64>) -> super::service::Run {
    let mut machine = BindNew::new(input, &config(), Policy::default(), Policy::default(), service.now);
    drive(&mut machine, service, abort_at_ms)
}

/// The EIPs left in the service.
fn left(service: &Service) -> Vec<String> {
    service.eips.keys().cloned().collect()
}

fn actions(failure: &eipkit_core::machine::Failure) -> Vec<(&str, bool)> {
    failure.cleanup.as_ref().unwrap().actions.iter().map(|a| (a.action, a.error.is_none())).collect()
}

#[test]
fn binds_a_new_pay_per_use_eip_reporting_each_step() {
    let mut service = Service::default();
    let run = walk(&mut service, input(json!({})), None);
    let answer = run.result.as_ref().unwrap();
    assert_eq!(
        (answer["publicip"]["status"].as_str(), answer["publicip"]["port_id"].as_str()),
        (Some("ACTIVE"), Some(PORT))
    );
    assert_eq!(answer["port"]["id"], PORT);
    assert!(answer.get("orderId").is_none());
    assert_eq!(run.steps(), HAPPY);
    let chose = run.progress.iter().find(|e| e["step"] == "choosePort").unwrap();
    assert_eq!((chose["portId"].as_str(), chose["reason"].as_str()), (Some(PORT), Some("primary")));
    assert!(run.progress.iter().any(|e| e["state"] == "progress" && e["status"] == "BINDING"));
    assert_eq!(service.operations().iter().filter(|op| **op == "createPublicip").count(), 1);
}

#[test]
fn a_prepaid_create_answers_an_order_then_the_eip_is_bound() {
    let mut service = Service::default();
    let run = walk(&mut service, input(prepaid()), None);
    let answer = run.result.as_ref().unwrap();
    assert_eq!(answer["orderId"], "CS1");
    assert_eq!(answer["publicip"]["status"], "ACTIVE");
    let started = run.progress.iter().find(|e| e["step"] == "create" && e["state"] == "started").unwrap();
    assert_eq!(started["prepaid"], true);
    let done = run.progress.iter().find(|e| e["step"] == "create" && e["state"] == "done").unwrap();
    assert_eq!((done["publicipId"].as_str(), done["orderId"].as_str()), (Some("eip-1"), Some("CS1")));
}

#[test]
fn the_port_given_or_the_primary_or_the_only_one() {
    let mut service = Service::default();
    service.ports.insert(
        "db".into(),
        vec![
            ("a0000000-0000-4000-8000-00000000000a".into(), Some(false)),
            ("b0000000-0000-4000-8000-00000000000b".into(), Some(true)),
        ],
    );
    service.ports.insert("one".into(), vec![("c0000000-0000-4000-8000-00000000000c".into(), None)]);
    let chosen = |service: &mut Service, extra| walk(service, input(extra), None).result.unwrap()["port"]["id"].clone();
    assert_eq!(chosen(&mut service, json!({ "serverId": "db" })), "b0000000-0000-4000-8000-00000000000b");
    assert_eq!(
        chosen(&mut service, json!({ "serverId": "db", "portId": "a0000000-0000-4000-8000-00000000000a" })),
        "a0000000-0000-4000-8000-00000000000a"
    );
    assert_eq!(chosen(&mut service, json!({ "serverId": "one" })), "c0000000-0000-4000-8000-00000000000c");
}

#[test]
fn no_port_or_two_candidates_fail_before_anything_is_created() {
    let mut service = Service::default();
    service.ports.insert(
        "multi".into(),
        vec![
            ("a0000000-0000-4000-8000-00000000000a".into(), None),
            ("b0000000-0000-4000-8000-00000000000b".into(), None),
        ],
    );
    for (server, code, path) in [("no-ports", "not_found", "serverId"), ("multi", "required_if", "portId")] {
        let run = walk(&mut service, input(json!({ "serverId": server })), None);
        let failure = run.failure();
        let issue = &failure.error.issues().unwrap()[0];
        assert_eq!((issue.code.as_str(), issue.path.as_str()), (code, path));
        assert_eq!((failure.operation, failure.cleanup.is_none()), ("bindNewPublicipToServer", true));
        assert_eq!(run.steps(), ["listPorts:started", "listPorts:done", "choosePort:failed"]);
        let failed = run.progress.last().unwrap();
        assert_eq!(failed["error"]["kind"], "validation");
    }
    assert!(!service.operations().contains(&"createPublicip"));
    let run = walk(
        &mut service,
        input(json!({ "serverId": SERVER, "portId": "d0000000-0000-4000-8000-00000000000d" })),
        None,
    );
    assert_eq!(run.failure().error.issues().unwrap()[0].path, "portId", "a port of another server");
}

#[test]
fn a_failed_port_list_ends_the_walk_with_nothing_to_undo() {
    let mut service = Service::default();
    service.fault(|out, _| (out.operation == "listPorts").then(|| refused(403, "VPC.0003")));
    let run = walk(&mut service, input(json!({})), None);
    assert_eq!((run.failure().error.code(), run.failure().operation), (Some("VPC.0003"), "listPorts"));
    assert_eq!(run.steps(), ["listPorts:started", "listPorts:failed"]);
    assert_eq!(run.progress.last().unwrap()["error"]["code"], "VPC.0003");
}

#[test]
fn a_refused_create_leaves_nothing() {
    let mut service = Service::default();
    service.fault(|out, _| (out.operation == "createPublicip").then(|| refused(400, "VPC.0501")));
    let run = walk(&mut service, input(json!({})), None);
    assert_eq!((run.failure().error.code(), run.failure().cleanup.is_none()), (Some("VPC.0501"), true));
    assert_eq!(run.steps().last().unwrap(), "create:failed");
}

#[test]
fn a_create_that_may_have_happened_is_named_and_never_repeated() {
    for fault in [
        (|| Err(Error::Network("reset".into()))) as fn() -> _,
        || Err(Error::attempt_timeout(100)),
        || refused(502, "X"),
        || super::service::answer(200, json!("not an EIP")),
    ] {
        let mut service = Service::default();
        service.fault(move |out, _| (out.operation == "createPublicip").then(fault));
        let run = walk(&mut service, input(json!({})), None);
        let failure = run.failure();
        let cleanup = failure.cleanup.as_ref().unwrap();
        assert!(cleanup.actions.is_empty());
        assert_eq!(cleanup.left_behind.len(), 1);
        assert!(cleanup.left_behind[0].reason.contains("may have reached the service"));
        assert!(failure.message(eipkit_core::Locale::En, &|s| s.to_owned()).ends_with("(left behind: a possible EIP)"));
        assert_eq!(run.steps()[4..], ["create:failed", "cleanup:done"]);
        assert_eq!(service.operations().iter().filter(|op| **op == "createPublicip").count(), 1);
    }
}

#[test]
fn a_failed_bind_releases_the_eip_it_never_bound() {
    let mut service = Service::default();
    service.fault(|out, _| (out.operation == "bindPublicip").then(|| refused(409, "VPC.0511")));
    let run = walk(&mut service, input(json!({})), None);
    let failure = run.failure();
    assert_eq!((failure.error.code(), failure.operation), (Some("VPC.0511"), "bindPublicip"));
    assert_eq!(actions(failure), [("delete", true)], "never bound: released only");
    assert!(failure.cleanup.as_ref().unwrap().left_behind.is_empty());
    assert!(failure.message(eipkit_core::Locale::En, &|s| s.to_owned()).ends_with("(cleaned up: delete eip-1)"));
    assert_eq!(run.steps()[7..], ["bind:started", "bind:failed", "cleanup:started", "cleanup:done"]);
    let report = &run.progress.last().unwrap()["report"];
    assert_eq!(report["actions"][0], json!({ "action": "delete", "publicipId": "eip-1", "ok": true }));
    assert!(left(&service).is_empty(), "nothing orphaned");
}

#[test]
fn a_bind_error_fails_fast_then_the_eip_is_unbound_and_released() {
    let mut service = Service { bind_ends_in: "BIND_ERROR".into(), ..Service::default() };
    let run = walk(&mut service, input(json!({})), None);
    let failure = run.failure();
    assert_eq!((failure.error.kind(), failure.error.code()), (ErrorKind::Api, Some("BIND_ERROR")));
    assert_eq!(actions(failure), [("unbind", true), ("delete", true)]);
    assert!(failure.cleanup.as_ref().unwrap().left_behind.is_empty());
    assert!(left(&service).is_empty(), "nothing orphaned");
}

#[test]
fn a_bind_that_never_completes_times_out_and_the_eip_is_named_once() {
    let mut service = Service::default();
    service.held.push("BINDING".into());
    let run = walk(&mut service, input(json!({ "timeoutMs": 300 })), None);
    let failure = run.failure();
    assert_eq!(failure.error.kind(), ErrorKind::Timeout);
    assert!(failure.error.to_string().contains("did not reach ACTIVE within 300 ms (last status: BINDING)"));
    assert_eq!(actions(failure), [("unbind", false)], "a held BINDING cannot be unbound");
    let cleanup = failure.cleanup.as_ref().unwrap();
    assert_eq!(cleanup.left_behind.len(), 1);
    assert!(cleanup.left_behind[0].reason.contains("could not be unbound"));
    assert!(failure.message(eipkit_core::Locale::En, &|s| s.to_owned()).ends_with("(left behind: EIP eip-1)"));
}

#[test]
fn a_prepaid_eip_cannot_be_released_here_its_order_is_named() {
    let mut service = Service::default();
    service.fault(|out, _| (out.operation == "bindPublicip").then(|| refused(409, "VPC.0511")));
    let run = walk(&mut service, input(prepaid()), None);
    let failure = run.failure();
    let cleanup = failure.cleanup.as_ref().unwrap();
    assert!(cleanup.actions.is_empty(), "the bind was refused: nothing bound, and a prepaid EIP is not released");
    let named = &cleanup.left_behind[0];
    assert_eq!((named.order_id.as_deref(), named.publicip_id.as_deref()), (Some("CS1"), Some("eip-1")));
    assert!(named.reason.contains("billing center"));
    assert!(
        failure
            .message(eipkit_core::Locale::En, &|s| s.to_owned())
            .contains("left behind: prepaid order CS1 (EIP eip-1)")
    );
}

#[test]
fn an_unpaid_orders_eip_never_appears_the_wait_times_out_and_the_order_is_named() {
    let mut service = Service { unpaid: true, ..Service::default() };
    let mut unpaid = input(json!({ "timeoutMs": 300, "notFoundGraceMs": 5_000 }));
    unpaid.create = input(prepaid()).create;
    let run = walk(&mut service, unpaid, None);
    let failure = run.failure();
    assert_eq!(failure.error.kind(), ErrorKind::Timeout);
    assert!(failure.error.to_string().contains("not yet visible"));
    assert_eq!(failure.cleanup.as_ref().unwrap().left_behind[0].order_id.as_deref(), Some("CS1"));
}

#[test]
fn a_cleanup_step_that_fails_names_the_eip() {
    let mut service = Service::default();
    service.fault(|out, _| (out.operation == "bindPublicip").then(|| refused(409, "VPC.0511")));
    service.fault(|out, _| (out.operation == "deletePublicip").then(|| refused(500, "SYS.500")));
    let run = walk(&mut service, input(json!({})), None);
    let failure = run.failure();
    assert_eq!(failure.error.code(), Some("VPC.0511"), "the original failure stands");
    let action = &failure.cleanup.as_ref().unwrap().actions[0];
    assert_eq!((action.action, action.error.as_ref().map(|e| e.error.status())), ("delete", Some(Some(500))));
    let report = &run.progress.last().unwrap()["report"];
    assert_eq!(report["actions"][0]["error"]["kind"], "api");
    assert!(failure.cleanup.as_ref().unwrap().left_behind[0].reason.contains("could not be released"));
    assert_eq!(left(&service), ["eip-1"]);
    let deletes = service.operations().iter().filter(|op| **op == "deletePublicip").count();
    assert_eq!(deletes, 3, "a delete is safe to repeat: retried");
}

#[test]
fn an_abort_at_each_step_still_cleans_up_whatever_the_caller_does() {
    // Abort times that land in each step: listing ports, creating, waiting for DOWN, binding,
    // waiting for ACTIVE.
    let steps = [
        (0, "listPorts:failed", false),
        (5, "create:failed", false),
        (30, "waitCreated:started", true),
        (62, "bind:failed", true),
        (100, "waitBound:started", true),
    ];
    for (abort_at, interrupted, created) in steps {
        let mut service = Service::default();
        let run = walk(&mut service, input(json!({})), Some(abort_at));
        let failure = run.failure();
        let before_cleanup = run.steps().into_iter().take_while(|s| !s.starts_with("cleanup")).last();
        assert_eq!(before_cleanup.as_deref(), Some(interrupted), "abort at {abort_at} ms");
        assert_eq!(failure.error.kind(), ErrorKind::Aborted, "abort at {abort_at} ms");
        match (created, &failure.cleanup) {
            (false, cleanup) => {
                assert!(cleanup.is_none() || cleanup.as_ref().unwrap().actions.is_empty(), "at {abort_at} ms");
                assert!(service.eips.len() <= 1);
            }
            (true, Some(cleanup)) => {
                assert!(
                    cleanup.actions.iter().any(|a| a.action == "delete" && a.error.is_none()),
                    "at {abort_at}: {cleanup:?}"
                );
                assert!(left(&service).is_empty(), "at {abort_at} ms: {:?}", left(&service));
            }
            (true, None) => panic!("at {abort_at} ms: no cleanup"),
        }
    }
}

#[test]
fn an_abort_during_the_create_names_it_as_possibly_made() {
    let mut service = Service::default();
    // The create is the second request: aborted as it is sent (at 5 ms).
    let run = walk(&mut service, input(json!({})), Some(5));
    let failure = run.failure();
    assert_eq!(failure.error.kind(), ErrorKind::Aborted);
    assert!(failure.cleanup.as_ref().unwrap().left_behind[0].reason.contains("may have reached"));
}
