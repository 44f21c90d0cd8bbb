//! Inputs that fuzzing (scripts/fuzz.sh) and the property tests (tests/properties.rs) found,
//! minimised, one test each, so a bug once found stays fixed. (A bug found but not yet fixed
//! would be marked `#[ignore = "reason"]`; `--ignored` runs those.)

use eipkit_core::Operation;
use eipkit_core::endpoint::Endpoint;
use eipkit_core::error::service_error;
use eipkit_core::http::{Response, UrlParts};
use eipkit_core::operation::{list_ports, show_publicip};
use eipkit_core::sign::{Credentials, SigningInput, sign};
use serde_json::{Value, json};

fn answer(status: u16, body: &Value) -> Response {
    Response::new(status, vec![("X-Request-Id".into(), "rid".into())], body.to_string())
}

/// Typed parse, then serialise: the JSON the service sent, key for key.
fn typed_round_trip_ports(body: &Value) -> (Value, Value) {
    let response = answer(200, body);
    let wire = Operation::ListPorts.parse_value(&response).expect("a ports answer");
    let typed = serde_json::to_value(list_ports::parse(&response).expect("a typed ports answer")).unwrap();
    (typed, wire)
}

// Fuzz target `responses` (strict), minimised from
// `{"ports": [{"id": "c685644001d6f", "security_groups": ["000c2b11"], "extra_dhcp_opts": [], ...}]}`.
#[test]
fn a_typed_port_keeps_the_empty_lists_the_service_sent() {
    let (typed, wire) = typed_round_trip_ports(&json!({ "ports": [{ "id": "p", "extra_dhcp_opts": [] }] }));
    assert_eq!(typed, wire);
    // The shape of a real port (and of the emulator's): every list present, most of them empty.
    let (typed, wire) = typed_round_trip_ports(&json!({ "ports": [{
        "id": "p", "fixed_ips": [], "security_groups": [], "extra_dhcp_opts": [], "allowed_address_pairs": []
    }] }));
    assert_eq!(typed, wire);
}

// Property (c) with `null` as a field's value. Decided, not a bug: the typed models read a
// known field sent as null as `None` (serde's usual meaning) and do not write it back; the wire
// JSON, which the JS API returns, keeps it (see model/response.rs).
#[test]
fn a_null_field_is_none_in_the_typed_answer_and_kept_in_the_wire_json() {
    let response = answer(200, &json!({ "publicip": { "id": "e", "port_id": null, "private_ip_address": null } }));
    let wire = Operation::ShowPublicip.parse_value(&response).unwrap();
    assert_eq!(wire["publicip"]["port_id"], Value::Null, "kept in the wire JSON");
    let typed = show_publicip::parse(&response).unwrap();
    assert_eq!((typed.publicip.port_id, typed.publicip.private_ip_address), (None, None));
}

// Found reading `error::service_error` for the `responses` target's message invariant; the
// target skips such bodies unless built with `--features strict`.
#[test]
fn a_blank_service_message_is_not_an_empty_error_message() {
    for body in [
        json!({ "code": "VPC.0510", "message": " " }),
        json!({ "error_code": "APIGW.0301", "error_msg": "\n\t" }),
        json!({ "error": { "code": 401, "message": "\u{0}" } }),
    ] {
        let error = service_error(&answer(400, &body));
        assert!(!error.message.is_empty(), "{body}: empty message (Display: {error:?})");
    }
}

// Fuzz target `inputs` (strict), minimised: "https://vpc.:08443". `fetch` (the WHATWG URL
// parser) reads the port as a number: `new URL("https://h:0443/").host` is "h" and
// `new URL("https://h:08443/").host` is "h:8443", and that is the Host it sends.
#[test]
fn an_endpoint_port_with_leading_zeros_is_the_host_fetch_sends() {
    let e = Endpoint::parse("https://vpc.example.com:0443", "endpoint").unwrap();
    assert_eq!(e.authority(), "vpc.example.com");
    let e = Endpoint::parse("https://vpc.example.com:08443/proxy", "endpoint").unwrap();
    assert_eq!(e.authority(), "vpc.example.com:8443");
    let e = Endpoint::parse("http://127.0.0.1:080", "endpoint").unwrap();
    assert_eq!(e.authority(), "127.0.0.1");
}

// The same for `signRequest`'s URL (UrlParts), which also keeps an empty port: `fetch` sends
// "h" for "https://h:/x".
#[test]
fn a_url_port_with_leading_zeros_or_empty_is_the_host_fetch_sends() {
    for (url, host) in [
        ("https://vpc.example.com:0443/v1", "vpc.example.com"),
        ("https://vpc.example.com:08443/v1", "vpc.example.com:8443"),
        ("https://vpc.example.com:/v1", "vpc.example.com"),
    ] {
        assert_eq!(UrlParts::parse(url).unwrap().authority, host, "{url}");
    }
}

// Fuzz target `inputs`, minimised from "https://:443/hGMTuem\0}:443/hu awei/vpg/": the
// emptiness check runs before the default port is dropped, so a URL with a port and no host
// parses (`"https:///p"` is refused, as the unit tests in http.rs expect).
#[test]
fn a_url_with_a_port_and_no_host_is_refused() {
    // ...and a host fetch would refuse (fuzz target `inputs`: "http://[1>:]:/").
    for url in ["https://:443/v1", "http://:80/v1", "https://:8443/v1", "http://[1>:]:/", "https://ho st/"] {
        assert_eq!(UrlParts::parse(url), None, "{url}");
    }
}

// Fuzz target `signing` (when headers are shuffled freely), minimised: two `x-sdk-date` headers
// whose order changed the signature. `fetch` sends headers of one name (in any case) as one
// header, the values joined by ", "; the signer signs them as separate lines (and reads the
// first one of `X-Sdk-Date`, `Content-Type`, `X-Sdk-Content-Sha256`). `signRequest` reaches this
// with `headers: { "X-Custom": "a", "x-custom": "b" }`.
#[test]
fn headers_that_share_a_name_are_signed_as_fetch_sends_them() {
    let credentials = Credentials::new("AK", "SK");
    let sign_with = |headers: &[(String, String)]| {
        sign(
            &SigningInput {
                method: "GET",
                host: "vpc.example.com",
                path: "/v1/p/publicips",
                query: &[],
                headers,
                body: b"",
            },
            &credentials,
            1_795_000_000,
        )
    };
    let separate = sign_with(&[("X-Custom".into(), "a".into()), ("x-custom".into(), "b".into())]);
    let combined = sign_with(&[("x-custom".into(), "a, b".into())]);
    assert_eq!(separate.canonical_request, combined.canonical_request);
    assert_eq!(separate.authorization(), combined.authorization());
}

// Fuzz target `signing`, minimised: the header "#" given twice, both empty. Joined, the value is
// ", ", and on the wire (and in the service's canonical form) it is trimmed to ",".
#[test]
fn joined_header_values_are_trimmed() {
    let credentials = Credentials::new("AK", "SK");
    let sign_with = |headers: &[(String, String)]| {
        let input = SigningInput { method: "GET", host: "h", path: "/", query: &[], headers, body: b"" };
        sign(&input, &credentials, 0).canonical_request
    };
    assert_eq!(
        sign_with(&[("#".into(), String::new()), ("#".into(), String::new())]),
        sign_with(&[("#".into(), ",".into())])
    );
}

// Fuzz target `validate`, minimised: the core's `Document` keeps an object's keys in their order,
// serde_json's `Value` sorts them; the unknown keys were reported in those two orders.
#[test]
fn unknown_keys_are_reported_in_one_order_whatever_the_reader() {
    use eipkit_core::node::document::Document;
    use eipkit_core::{Options, validate, validate_json};
    let text = r#"{"publicip": {"Type": "5-bgp"}, "bandwith": {"shareType": "per"}, "size": 5}"#;
    let document = Document::parse(text.to_owned()).unwrap();
    let body: Value = serde_json::from_str(text).unwrap();
    for operation in Operation::with_input() {
        let (read, parsed) = (
            validate(operation, &document.root(), &Options::default()),
            validate_json(operation, &body, &Options::default()),
        );
        assert_eq!(read, parsed, "{operation:?}");
    }
    let paths: Vec<String> = validate_json(Operation::ListPorts, &body, &Options::default())
        .issues()
        .iter()
        .map(|i| i.path.clone())
        .collect();
    assert_eq!(paths, ["bandwith", "publicip", "size"]);
}
