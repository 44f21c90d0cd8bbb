//! The option readers on JSON, natively (`cargo test -p eipkit --lib`): each key's checks, and
//! that secrets never print.

use super::{AuthConfig, ClientConfig, IamConfig, read_bind_new, read_wait};
use eipkit_core::operation::iam_token::ProjectScope;
use eipkit_core::{IssueCode, Operation, Options};
use serde_json::{Value, json};

const PROJECT: &str = "0605767a5c5d4e5e8c9f1a2b3c4d5e6f";
const SERVER: &str = "ea61f836-b52f-41bf-9d06-685644001d6f";

#[test]
fn client_options_are_checked_with_issues() {
    let read = |v: Value| ClientConfig::from_node(&Some(&v));
    let good = read(json!({ "endpoint": "https://vpc.cn-north-4.myhuaweicloud.com", "projectId": PROJECT, "auth": { "token": "t" } })).unwrap();
    assert_eq!((good.timeout_ms, good.retries, good.max_response_bytes), (30_000, 2, 8 * 1024 * 1024));
    assert!(matches!(good.auth, AuthConfig::Token(_)));
    let aksk = read(
        json!({ "endpoint": "http://127.0.0.1:1", "projectId": "p", "auth": { "ak": "a", "sk": "s" }, "retries": 0 }),
    )
    .unwrap();
    assert!(matches!(aksk.auth, AuthConfig::AkSk(_)));

    let cases = [
        (json!(null), "", IssueCode::Type),
        (json!({ "projectId": PROJECT, "auth": { "token": "t" } }), "endpoint", IssueCode::Required),
        (
            json!({ "endpoint": "http://vpc.example.com", "projectId": PROJECT, "auth": { "token": "t" } }),
            "endpoint",
            IssueCode::Format,
        ),
        (
            json!({ "endpoint": "https://x.com", "projectId": "a/b", "auth": { "token": "t" } }),
            "projectId",
            IssueCode::Format,
        ),
        (json!({ "endpoint": "https://x.com", "projectId": "p" }), "auth", IssueCode::Required),
        (json!({ "endpoint": "https://x.com", "projectId": "p", "auth": {} }), "auth", IssueCode::Type),
        (
            json!({ "endpoint": "https://x.com", "projectId": "p", "auth": { "ak": "a" } }),
            "auth.sk",
            IssueCode::RequiredIf,
        ),
        (
            json!({ "endpoint": "https://x.com", "projectId": "p", "auth": { "token": "t", "ak": "a", "sk": "s" } }),
            "auth",
            IssueCode::Conflict,
        ),
        (
            json!({ "endpoint": "https://x.com", "projectId": "p", "auth": { "token": 5 } }),
            "auth.token",
            IssueCode::Type,
        ),
        (
            json!({ "endpoint": "https://x.com", "projectId": "p", "auth": { "token": "t" }, "timeoutMs": 0 }),
            "timeoutMs",
            IssueCode::Range,
        ),
        (
            json!({ "endpoint": "https://x.com", "projectId": "p", "auth": { "token": "t" }, "retries": 1.5 }),
            "retries",
            IssueCode::Type,
        ),
        (
            json!({ "endpoint": "https://x.com", "projectId": "p", "auth": { "token": "t" }, "maxResponseBytes": 0 }),
            "maxResponseBytes",
            IssueCode::Range,
        ),
        (
            json!({ "endpoint": "https://x.com", "projectId": "p", "auth": { "token": "t" }, "fetch": "x" }),
            "fetch",
            IssueCode::Type,
        ),
        (
            json!({ "endpoint": "https://x.com", "projectId": "p", "auth": { "token": "t" }, "timeout": 5 }),
            "timeout",
            IssueCode::UnknownField,
        ),
    ];
    for (options, path, code) in cases {
        let issues = read(options.clone()).unwrap_err();
        assert!(issues.iter().any(|i| i.path == path && i.code == code), "{options}: {issues:?}");
    }
    let typo = read(json!({ "endpoint": "https://x.com", "projectId": "p", "auth": { "token": "t" }, "timeout": 5 }))
        .unwrap_err();
    assert_eq!(typo[0].params.suggestion.as_deref(), Some("timeoutMs"));
}

#[test]
fn proxy_session_headers_are_sent_as_they_are_and_checked() {
    let read = |auth: Value| {
        ClientConfig::from_node(&Some(&json!({ "endpoint": "https://x.com", "projectId": "p", "auth": auth })))
    };
    let good =
        read(json!({ "headers": { "Authorization": "Bearer session-secret", "X-Console-Session": "s1" } })).unwrap();
    let AuthConfig::Headers(headers) = &good.auth else { panic!("{:?}", good.auth) };
    assert_eq!(
        headers.iter().map(|(n, v)| (n.as_str(), v.expose())).collect::<Vec<_>>(),
        [("Authorization", "Bearer session-secret"), ("X-Console-Session", "s1")]
    );
    assert!(!format!("{good:?}").contains("session-secret"), "header values never print");
    for (auth, path, code) in [
        (json!({ "headers": {} }), "auth.headers", IssueCode::Type),
        (json!({ "headers": "Bearer x" }), "auth.headers", IssueCode::Type),
        (json!({ "headers": { "X-A": 5 } }), "auth.headers.X-A", IssueCode::Type),
        (json!({ "headers": { "X-A": "line\nbreak" } }), "auth.headers.X-A", IssueCode::Format),
        (json!({ "headers": { "bad name": "v" } }), "auth.headers.bad name", IssueCode::Format),
        (json!({ "headers": { "Host": "evil.example" } }), "auth.headers.Host", IssueCode::Format),
        (json!({ "headers": { "X-A": "v" }, "token": "t" }), "auth", IssueCode::Conflict),
    ] {
        let issues = read(auth.clone()).unwrap_err();
        assert!(issues.iter().any(|i| i.path == path && i.code == code), "{auth}: {issues:?}");
    }
}

#[test]
fn secrets_never_appear_in_debug_output() {
    let config = ClientConfig::from_node(&Some(&json!({
        "endpoint": "https://x.com", "projectId": "p", "auth": { "ak": "AKVISIBLE", "sk": "sk-very-secret" }
    })))
    .unwrap();
    let token = ClientConfig::from_node(&Some(
        &json!({ "endpoint": "https://x.com", "projectId": "p", "auth": { "token": "tok-very-secret" } }),
    ))
    .unwrap();
    let printed = format!("{config:?} {token:?}");
    assert!(!printed.contains("very-secret"), "{printed}");
}

#[test]
fn iam_options_are_read_and_checked() {
    let read = |v: Value| IamConfig::from_node(&Some(&v));
    let iam = read(json!({
        "endpoint": "https://iam.myhuaweicloud.com", "domain": "acme", "user": "ops", "password": "pa55", "projectName": "cn-north-4"
    }))
    .unwrap();
    assert_eq!(iam.auth.project, ProjectScope::Name("cn-north-4".into()));
    assert_eq!((iam.renew_before_ms, iam.timeout_ms), (600_000, 30_000));
    assert!(!format!("{iam:?}").contains("pa55"), "the password never prints");
    let both = read(json!({
        "endpoint": "https://iam.myhuaweicloud.com", "domain": "acme", "user": "ops", "password": "p",
        "projectName": "cn-north-4", "projectId": PROJECT
    }))
    .unwrap_err();
    assert!(both.iter().any(|i| i.path == "projectName" && i.code == IssueCode::Conflict), "{both:?}");
    let none =
        read(json!({ "endpoint": "https://iam.myhuaweicloud.com", "domain": "acme", "user": "ops", "password": "p" }))
            .unwrap_err();
    assert!(none.iter().any(|i| i.path == "projectId" && i.code == IssueCode::Required), "{none:?}");
}

#[test]
fn wait_options_are_read_and_checked() {
    let wait = read_wait(&Some(&json!({ "until": ["ACTIVE"], "intervalMs": 50 }))).unwrap();
    assert_eq!((wait.until, wait.interval_ms, wait.timeout_ms), (vec!["ACTIVE".to_owned()], 50, 120_000));
    let typo = read_wait(&Some(&json!({ "until": ["active"] }))).unwrap_err();
    assert_eq!((typo[0].path.as_str(), typo[0].code), ("until.0", IssueCode::Enum));
    assert_eq!(typo[0].params.suggestion.as_deref(), Some("ACTIVE"));
    for (options, path, code) in [
        (json!({}), "until", IssueCode::Required),
        (json!({ "until": [] }), "until", IssueCode::Type),
        (json!({ "until": ["DOWN"], "intervalMs": 5 }), "intervalMs", IssueCode::Range),
        (json!({ "until": ["DOWN"], "intervalMS": 50 }), "intervalMS", IssueCode::UnknownField),
    ] {
        let issues = read_wait(&Some(&options)).unwrap_err();
        assert!(issues.iter().any(|i| i.path == path && i.code == code), "{options}: {issues:?}");
    }
}

#[test]
fn the_walkthrough_input_is_read_and_its_create_body_checked() {
    let create =
        json!({ "publicip": { "type": "5_bgp" }, "bandwidth": { "share_type": "PER", "name": "bw", "size": 5 } });
    let input =
        read_bind_new(&Some(&json!({ "serverId": SERVER, "create": create, "timeoutMs": 5000 })), &Options::default())
            .unwrap();
    assert_eq!((input.server_id.as_str(), input.wait_timeout_ms, input.interval_ms), (SERVER, 5000, 1000));
    assert_eq!(input.create.operation(), Operation::CreatePublicip);
    let prepaid = json!({ "publicip": { "type": "5_bgp" }, "bandwidth": { "share_type": "PER", "name": "bw", "size": 5 },
        "extendParam": { "charge_mode": "prePaid", "period_type": "month", "period_num": 1 } });
    let input = read_bind_new(&Some(&json!({ "serverId": SERVER, "create": prepaid })), &Options::default()).unwrap();
    assert!(input.is_prepaid_create());
    for (options, path, code) in [
        (json!({ "create": create }), "serverId", IssueCode::Required),
        (json!({ "serverId": "../x", "create": create }), "serverId", IssueCode::Format),
        (json!({ "serverId": SERVER }), "create", IssueCode::Required),
        (json!({ "serverId": SERVER, "create": { "publicip": {} } }), "create.publicip.type", IssueCode::Required),
        (
            json!({ "serverId": SERVER, "create": { "publicip": { "type": "5_bgp", "port_id": "p" }, "bandwidth": { "share_type": "PER", "name": "b", "size": 1 } } }),
            "create.publicip.port_id",
            IssueCode::Conflict,
        ),
        (json!({ "serverID": SERVER, "create": create }), "serverID", IssueCode::UnknownField),
    ] {
        let issues = read_bind_new(&Some(&options), &Options::default()).unwrap_err();
        assert!(issues.iter().any(|i| i.path == path && i.code == code), "{options}: {issues:?}");
    }
}
