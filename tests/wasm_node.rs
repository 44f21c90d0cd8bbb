//! wasm-bindgen tests of the JS boundary, run in Node by `wasm-bindgen-test-runner`:
//! hostile JS values reach the validators and come back as structured results.

#![cfg(target_arch = "wasm32")]

use eipkit::{validate_create_publicip, validate_update_publicip};
use js_sys::{Function, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

/// Evaluates a JS expression (test fixtures only).
fn js(expr: &str) -> JsValue {
    Function::new_no_args(&format!("return ({expr});")).call0(&JsValue::UNDEFINED).unwrap()
}

fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(value.clone(), |v, key| match key.parse::<u32>() {
        Ok(i) => Reflect::get_u32(&v, i).unwrap(),
        Err(_) => Reflect::get(&v, &key.into()).unwrap(),
    })
}

const VALID: &str = r#"{ publicip: { type: "5_bgp" }, bandwidth: { share_type: "PER", name: "bw", size: 5 } }"#;

#[wasm_bindgen_test]
fn a_valid_body_is_ok_with_no_issues() {
    let result = validate_create_publicip(js(VALID), JsValue::UNDEFINED);
    assert_eq!(get(&result, "ok"), JsValue::TRUE);
    assert_eq!(get(&result, "issues.length").as_f64(), Some(0.0));
}

#[wasm_bindgen_test]
fn issues_are_plain_objects_with_path_code_severity_message_params() {
    let result = validate_create_publicip(
        js(r#"{ publicip: { type: "5_bgp" }, bandwidth: { share_type: "PER", name: "bw", size: 2001 } }"#),
        js(r#"{ locale: "zh-CN" }"#),
    );
    assert_eq!(get(&result, "ok"), JsValue::FALSE);
    assert_eq!(get(&result, "issues.0.path").as_string().as_deref(), Some("bandwidth.size"));
    assert_eq!(get(&result, "issues.0.code").as_string().as_deref(), Some("range"));
    assert_eq!(get(&result, "issues.0.severity").as_string().as_deref(), Some("error"));
    assert_eq!(get(&result, "issues.0.params.max").as_f64(), Some(2000.0));
    assert!(get(&result, "issues.0.message").as_string().unwrap().contains("之间"));
    assert_eq!(
        JsValue::from(Reflect::get_prototype_of(&get(&result, "issues.0.params")).unwrap()),
        js("Object.prototype")
    );
}

#[wasm_bindgen_test]
fn values_json_cannot_hold_are_type_errors_named_for_what_they_are() {
    for (expr, received) in [
        ("NaN", "NaN"),
        ("-Infinity", "Infinity"),
        ("10n", "bigint"),
        ("Symbol('s')", "symbol"),
        ("() => 5", "function"),
        ("new Date()", "date"),
        ("new Uint8Array(2)", "binary data"),
        ("new Number(5)", "boxed primitive"),
    ] {
        let body = js(&format!(
            r#"{{ publicip: {{ type: "5_bgp" }}, bandwidth: {{ share_type: "PER", name: "bw", size: {expr} }} }}"#
        ));
        let result = validate_create_publicip(body, JsValue::UNDEFINED);
        assert_eq!(get(&result, "issues.0.code").as_string().as_deref(), Some("type"), "{expr}");
        assert_eq!(get(&result, "issues.0.params.received").as_string().as_deref(), Some(received), "{expr}");
    }
}

#[wasm_bindgen_test]
fn throwing_proxies_and_getters_are_unreadable_not_exceptions() {
    for expr in [
        "new Proxy({}, { ownKeys() { throw new Error('keys') } })",
        "new Proxy({ publicip: {} }, { getOwnPropertyDescriptor() { throw new Error('descriptor') } })",
        "(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy })()",
        "{ get publicip() { throw new Error('getter') }, bandwidth: {} }",
    ] {
        let result = validate_create_publicip(js(expr), JsValue::UNDEFINED);
        assert_eq!(get(&result, "ok"), JsValue::FALSE, "{expr}");
        let first = get(&result, "issues.0.params.received").as_string();
        assert!(first.as_deref() == Some("unreadable"), "{expr}: {first:?}");
    }
    // ...and the module still works.
    assert_eq!(get(&validate_create_publicip(js(VALID), JsValue::UNDEFINED), "ok"), JsValue::TRUE);
}

#[wasm_bindgen_test]
fn only_own_properties_count() {
    let inherited = js(&format!("Object.create({VALID})"));
    let result = validate_create_publicip(inherited, JsValue::UNDEFINED);
    assert_eq!(get(&result, "issues.0.code").as_string().as_deref(), Some("required"));
    let null_proto = js(&format!("Object.assign(Object.create(null), {VALID})"));
    assert_eq!(get(&validate_create_publicip(null_proto, JsValue::UNDEFINED), "ok"), JsValue::TRUE);
    let instance = js(&format!("new (class Body {{ constructor() {{ Object.assign(this, {VALID}) }} }})()"));
    assert_eq!(get(&validate_create_publicip(instance, JsValue::UNDEFINED), "ok"), JsValue::TRUE);
}

#[wasm_bindgen_test]
fn cycles_and_depth_cost_nothing_outside_the_schema() {
    let cyclic = js(&format!("(() => {{ const b = {VALID}; b.publicip.self = b; return b }})()"));
    let result = validate_create_publicip(cyclic, JsValue::UNDEFINED);
    assert_eq!(get(&result, "issues.0.path").as_string().as_deref(), Some("publicip.self"));
    let deep = js("(() => { let d = {}; for (let i = 0; i < 200000; i++) d = { publicip: d }; return d })()");
    assert_eq!(get(&validate_create_publicip(deep, JsValue::UNDEFINED), "ok"), JsValue::FALSE);
}

#[wasm_bindgen_test]
fn hostile_options_fall_back_to_defaults() {
    let body = js(r#"{ publicip: { "ip_version ": 6 } }"#);
    for options in ["null", "5", "'zh-CN'", "{ locale: 5, region: {} }", "{ get locale() { throw 1 } }"] {
        let result = validate_update_publicip(body.clone(), js(options));
        let message = get(&result, "issues.0.message").as_string().unwrap();
        assert!(message.starts_with("\"publicip.ip_version \" is not a field"), "{options}: {message}");
    }
}

#[wasm_bindgen_test]
fn lone_surrogates_are_reported_by_code_point() {
    let body = js(
        r#"{ publicip: { type: "5_bgp", alias: "eip\uD800" }, bandwidth: { share_type: "PER", name: "bw", size: 5 } }"#,
    );
    let result = validate_create_publicip(body, JsValue::UNDEFINED);
    assert_eq!(get(&result, "issues.0.code").as_string().as_deref(), Some("charset"));
    assert_eq!(get(&result, "issues.0.params.invalid.0").as_string().as_deref(), Some("U+FFFD"));
}
