//! Every operation's builder and parser, auth on built requests, the IAM token exchange and the
//! client options, with the service's documented answers.

use eipkit_core::auth::{Auth, authorize};
use eipkit_core::endpoint::Endpoint;
use eipkit_core::http::{Method, Response};
use eipkit_core::model::{CreatePrepaidResponse, Status, UpdatePublicipBody};
use eipkit_core::operation::iam_token::{PasswordAuth, ProjectScope};
use eipkit_core::operation::*;
use eipkit_core::sign::{Credentials, Secret};
use eipkit_core::{Error, IssueCode, Operation, Options, RequestBody, validate_json};
use serde_json::{Value, json};

const PROJECT: &str = "0123456789abcdef0123456789abcdef";
const EIP: &str = "f588ccfa-8750-4d7c-bf5d-2ede24414706";

fn config() -> Config {
    Config::new("https://vpc.cn-north-4.myhuaweicloud.com", PROJECT).unwrap()
}

fn checked(op: Operation, body: Value) -> eipkit_core::Checked {
    validate_json(op, &body, &Options::default()).into_checked().unwrap()
}

fn ok(status: u16, body: &str) -> Response {
    Response::new(status, vec![("X-Request-Id".into(), "rid".into())], body)
}

#[test]
fn create_v1_posts_the_checked_body() {
    let body = checked(
        Operation::CreatePublicip,
        json!({
            "publicip": { "type": "5_bgp", "alias": "测试" }, "bandwidth": { "share_type": "PER", "name": "bw", "size": 10.0 }
        }),
    );
    let request = create_publicip::build(&config(), &body).unwrap();
    assert_eq!(request.method, Method::Post);
    assert_eq!(request.url(), format!("https://vpc.cn-north-4.myhuaweicloud.com/v1/{PROJECT}/publicips"));
    assert_eq!(request.header("content-type"), Some("application/json;charset=UTF-8"));
    let sent: Value = serde_json::from_slice(&request.body).unwrap();
    assert_eq!(sent["bandwidth"]["size"], json!(10), "10.0 is sent as the integer 10");
    assert_eq!(sent["publicip"]["alias"], "测试");
    let answer = create_publicip::parse(&ok(200, r#"{"publicip":{"id":"x","status":"PENDING_CREATE"}}"#)).unwrap();
    assert_eq!(answer.publicip.status, Some(Status::PendingCreate));
}

#[test]
fn a_body_checked_for_another_operation_is_refused() {
    let update = UpdatePublicipBody::bind("02c72193-efec-42fb-853b-c33f2b802467").check(&Options::default()).unwrap();
    assert!(matches!(create_publicip::build(&config(), &update), Err(Error::Validation(_))));
}

#[test]
fn create_prepaid_answers_an_order_or_an_eip() {
    let body = checked(
        Operation::CreatePrepaidPublicip,
        json!({
            "publicip": { "type": "5_bgp" }, "bandwidth": { "share_type": "PER", "name": "bw", "size": 1 },
            "extendParam": { "charge_mode": "prePaid", "period_type": "month", "period_num": 1 }
        }),
    );
    let request = create_prepaid_publicip::build(&config(), &body).unwrap();
    assert!(request.url().ends_with(&format!("/v2.0/{PROJECT}/publicips")));
    let order =
        create_prepaid_publicip::parse(&ok(200, r#"{"order_id":"CS1802081410IMDRN","publicip_id":"abc"}"#)).unwrap();
    assert!(matches!(order, CreatePrepaidResponse::Order(o) if o.publicip_id == "abc"));
    let eip = create_prepaid_publicip::parse(&ok(200, r#"{"publicip":{"id":"abc"}}"#)).unwrap();
    assert!(matches!(eip, CreatePrepaidResponse::Publicip(_)));
}

#[test]
fn update_show_delete_put_the_id_in_the_path() {
    let bind = checked(
        Operation::UpdatePublicip,
        json!({ "publicip": { "port_id": "02c72193-efec-42fb-853b-c33f2b802467" } }),
    );
    let update = update_publicip::build(&config(), EIP, &bind).unwrap();
    assert_eq!((update.method, update.path.as_str()), (Method::Put, format!("/v1/{PROJECT}/publicips/{EIP}").as_str()));
    let show = show_publicip::build(&config(), EIP).unwrap();
    assert_eq!((show.method, show.body.is_empty(), show.header("content-type")), (Method::Get, true, None));
    let delete = delete_publicip::build(&config(), EIP).unwrap();
    assert_eq!(delete.method, Method::Delete);
    assert_eq!(delete_publicip::parse(&ok(204, "")), Ok(()));
    assert!(
        matches!(delete_publicip::parse(&ok(409, r#"{"code":"VPC.0515","message":"bound"}"#)), Err(Error::Service(e)) if e.code.as_deref() == Some("VPC.0515"))
    );
}

#[test]
fn ids_that_would_change_the_url_are_validation_errors() {
    for id in ["../other", "a/b", "a?b=1", "a#x", "%2e%2e", " ", "id\n"] {
        for result in [show_publicip::build(&config(), id), delete_publicip::build(&config(), id)] {
            match result {
                Err(Error::Validation(issues)) => assert_eq!(issues[0].path, "publicip_id", "{id:?}"),
                other => panic!("{id:?} built {other:?}"),
            }
        }
    }
    let issues = Config::new("https://vpc.example.com", "../admin").unwrap_err();
    assert_eq!((issues[0].path.as_str(), issues[0].code), ("projectId", IssueCode::Format));
}

#[test]
fn list_queries_are_encoded_and_sent_in_signing_order() {
    let query = checked(
        Operation::ListPorts,
        json!({ "limit": 10, "device_id": "ea61f836", "fixed_ips": "ip_address=192.168.0.75", "admin_state_up": true }),
    );
    let request = list_ports::build(&config(), &query).unwrap();
    assert_eq!(
        request.url(),
        format!(
            "https://vpc.cn-north-4.myhuaweicloud.com/v1/{PROJECT}/ports?admin_state_up=true&device_id=ea61f836&fixed_ips=ip_address%3D192.168.0.75&limit=10"
        )
    );
    let ports =
        list_ports::parse(&ok(200, r#"{"ports":[{"id":"p1","binding:vif_details":{"primary_interface":true}}]}"#))
            .unwrap();
    assert!(ports.ports[0].is_primary());
    let page = checked(Operation::ListPublicips, json!({ "limit": 2, "marker": "m1" }));
    assert!(list_publicips::build(&config(), &page).unwrap().url().ends_with("/publicips?limit=2&marker=m1"));
}

#[test]
fn list_paging_follows_the_last_id() {
    let page = |ids: &[&str]| {
        list_publicips::parse(&ok(
            200,
            &json!({ "publicips": ids.iter().map(|id| json!({ "id": id })).collect::<Vec<_>>() }).to_string(),
        ))
        .unwrap()
    };
    assert_eq!(list_publicips::next_marker(Some(2), &page(&["a", "b"])), Some("b".into()));
    assert_eq!(list_publicips::next_marker(Some(2), &page(&["a"])), None, "a short page is the last");
    assert_eq!(list_publicips::next_marker(None, &page(&["a"])), Some("a".into()), "without a limit, ask until empty");
    assert_eq!(list_publicips::next_marker(None, &page(&[])), None);
}

#[test]
fn a_success_whose_body_does_not_parse_is_a_response_error_with_status_and_request_id() {
    for body in ["", "not json", r#"{"unexpected":true}"#, r#"{"publicip":{"status":"DOWN"}}"#, r#"{"publicip":"#] {
        match show_publicip::parse(&ok(200, body)) {
            Err(Error::Response(e)) => {
                assert_eq!((e.status, e.request_id.as_deref()), (200, Some("rid")), "{body}");
                assert!(e.message.contains("show EIP"), "{}", e.message);
            }
            other => panic!("{body}: {other:?}"),
        }
    }
}

#[test]
fn error_answers_are_service_errors_of_every_operation() {
    let answer = Response::new(
        404,
        vec![("x-request-id".into(), "r404".into())],
        r#"{"code":"VPC.0504","message":"not found"}"#,
    );
    let errors = [
        show_publicip::parse(&answer).unwrap_err(),
        update_publicip::parse(&answer).unwrap_err(),
        create_publicip::parse(&answer).unwrap_err(),
        create_prepaid_publicip::parse(&answer).unwrap_err(),
        list_publicips::parse(&answer).unwrap_err(),
        list_ports::parse(&answer).unwrap_err(),
        delete_publicip::parse(&answer).unwrap_err(),
        iam_token::parse(&answer).unwrap_err(),
    ];
    for e in errors {
        assert!(
            matches!(&e, Error::Service(s) if s.code.as_deref() == Some("VPC.0504") && s.request_id.as_deref() == Some("r404")),
            "{e:?}"
        );
    }
}

#[test]
fn token_auth_adds_the_header_and_aksk_signs_with_the_project() {
    let mut request = show_publicip::build(&config(), EIP).unwrap();
    authorize(&mut request, &Auth::Token(Secret::new("tok-123")), PROJECT, 0);
    assert_eq!(request.header("x-auth-token"), Some("tok-123"));
    assert!(!format!("{request:?}").contains("tok-123"), "Debug shows header names only");

    let mut request = show_publicip::build(&config(), EIP).unwrap();
    authorize(&mut request, &Auth::AkSk(Credentials::new("AK1", "SK1")), PROJECT, 1_795_000_000);
    assert_eq!(request.header("x-project-id"), Some(PROJECT));
    assert_eq!(request.header("x-sdk-date"), Some("20261118T110640Z"));
    let authorization = request.header("authorization").unwrap();
    assert!(
        authorization.starts_with("SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;x-project-id;x-sdk-date, Signature="),
        "{authorization}"
    );
}

#[test]
fn iam_token_exchange() {
    let endpoint = Endpoint::parse("https://iam.myhuaweicloud.com", "endpoint").unwrap();
    let auth = PasswordAuth {
        domain: "acme".into(),
        user: "ops".into(),
        password: Secret::new("pa55"),
        project: ProjectScope::Name("cn-north-4".into()),
    };
    let request = iam_token::build(&endpoint, &auth);
    assert_eq!(request.url(), "https://iam.myhuaweicloud.com/v3/auth/tokens");
    let body: Value = serde_json::from_slice(&request.body).unwrap();
    assert_eq!(
        body["auth"]["identity"]["password"]["user"],
        json!({ "name": "ops", "password": "pa55", "domain": { "name": "acme" } })
    );
    assert_eq!(body["auth"]["scope"], json!({ "project": { "name": "cn-north-4" } }));
    assert!(!format!("{request:?} {auth:?}").contains("pa55"), "the password never prints");

    let answer = Response::new(
        201,
        vec![("X-Subject-Token".into(), "MIIT-token".into())],
        r#"{"token":{"expires_at":"2026-11-24T08:09:10.123000Z","methods":["password"]}}"#,
    );
    let token = iam_token::parse(&answer).unwrap();
    assert_eq!(
        (token.token.expose(), token.expires_at_ms),
        ("MIIT-token", 1_795_507_750_123),
        "the fraction of a second is kept"
    );
    let no_header = Response::new(201, vec![], r#"{"token":{"expires_at":"2026-11-24T08:09:10Z"}}"#);
    assert!(matches!(iam_token::parse(&no_header), Err(Error::Response(_))));
}

/// The registry is data: every entry must be one the generic builder, the wasm dispatch and the
/// generated JS client can serve.
#[test]
fn every_registry_entry_is_well_formed() {
    use eipkit_core::operation::{Input, Param};
    let mut names = std::collections::BTreeSet::new();
    for op in Operation::ALL {
        let spec = op.spec();
        assert_eq!(Operation::from_js_name(spec.name), Some(op));
        for segment in spec.path.split('/').filter(|s| s.starts_with('{')) {
            assert!(
                ["{project_id}", "{publicip_id}"].contains(&segment),
                "{}: unknown placeholder {segment}",
                spec.name
            );
        }
        assert!(spec.path.contains("/{project_id}/"), "{}: every EIP path is under the project", spec.name);
        match spec.input {
            Input::Body(_) => assert!(matches!(spec.method, Method::Post | Method::Put), "{}", spec.name),
            Input::Query(_) => assert_eq!(spec.method, Method::Get, "{}", spec.name),
            Input::Nothing => {}
        }
        if spec.method == Method::Post {
            assert!(!spec.safe_to_repeat, "{}: a create is never repeated", spec.name);
        }
        assert!(spec.answer.page_of.is_none() || matches!(spec.input, Input::Query(_)), "{}", spec.name);
        for method in spec.client_methods() {
            assert!(names.insert(method.name), "{} is registered twice", method.name);
            assert_eq!(Operation::client_method(method.name).map(|(o, _)| o), Some(op));
            for param in method.params {
                if let Param::Field { path, .. } = param {
                    assert!(op.field(path).is_some(), "{}: {path} is no field", method.name);
                    assert!(method.base.is_some(), "{}: a field needs a base input", method.name);
                }
            }
        }
    }
    assert_eq!(Operation::client_method("listPublicipsPage").map(|(o, _)| o), None);
}

#[test]
fn a_call_without_its_input_or_id_is_refused_by_the_builder() {
    let config = Config::new("https://vpc.cn-north-4.myhuaweicloud.com", PROJECT).unwrap();
    let missing_input = Call::new(Operation::CreatePublicip, None, None).build(&config).unwrap_err();
    assert!(
        matches!(&missing_input, Error::Validation(issues) if issues[0].code == IssueCode::Type),
        "{missing_input:?}"
    );
    let update = validate_json(Operation::UpdatePublicip, &json!({ "publicip": {} }), &Options::default())
        .into_checked()
        .unwrap();
    let other_input = Call::new(Operation::CreatePublicip, None, Some(update.clone())).build(&config).unwrap_err();
    assert!(matches!(other_input, Error::Validation(_)));
    let no_id = Call::new(Operation::UpdatePublicip, None, Some(update)).build(&config).unwrap_err();
    assert!(matches!(&no_id, Error::Validation(issues) if issues[0].path == "publicip_id"), "{no_id:?}");
    let shown = Call::new(Operation::ShowPublicip, Some(EIP), None).build(&config).unwrap();
    assert_eq!(shown.path, format!("/v1/{PROJECT}/publicips/{EIP}"));
}

#[test]
fn a_redirect_is_a_response_error_naming_only_the_origin_for_every_operation() {
    for status in [301, 302, 303, 307, 308] {
        for (location, origin) in [
            ("https://evil.example:8443/steal?token=secret-value", "https://evil.example:8443"),
            ("/v1/other?x=1", "another path of the same origin"),
            ("//evil.example/x", "https://evil.example"),
        ] {
            let answer = Response::new(
                status,
                vec![("Location".into(), location.into()), ("X-Request-Id".into(), "rid".into())],
                "",
            );
            for op in Operation::ALL {
                let Err(Error::Response(e)) = op.parse_value(&answer) else {
                    panic!("{op:?} {status}: not a response error")
                };
                assert_eq!((e.status, e.request_id.as_deref()), (status, Some("rid")));
                assert!(e.message.contains("does not follow redirects"), "{}", e.message);
                if origin.starts_with("https") && location.starts_with("https") {
                    assert!(e.message.contains(origin), "{}", e.message);
                }
                assert!(!e.message.contains("secret-value") && !e.message.contains("steal"), "{}", e.message);
            }
            assert!(matches!(iam_token::parse(&answer), Err(Error::Response(_))));
        }
    }
}
