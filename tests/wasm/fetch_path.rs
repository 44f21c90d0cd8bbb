//! The fetch path of the wasm engine against the emulator, shared by the Node and the Chromium
//! wasm-bindgen tests. The emulator's URL is fixed when the tests are compiled
//! (`EIPKIT_EMULATOR_URL`, set by scripts/test.sh, which starts it).

use eipkit::RawClient;
use gloo_net::http::Request;
use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

pub const PROJECT: &str = "0605767a5c5d4e5e8c9f1a2b3c4d5e6f";
pub const WEB_SERVER: &str = "ea61f836-b52f-41bf-9d06-685644001d6f";

pub fn emulator() -> &'static str {
    option_env!("EIPKIT_EMULATOR_URL").unwrap_or("http://127.0.0.1:8787")
}

pub fn js(expr: &str) -> JsValue {
    Function::new_no_args(&format!("return ({expr});")).call0(&JsValue::UNDEFINED).unwrap()
}

pub fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(value.clone(), |v, key| match key.parse::<u32>() {
        Ok(i) => Reflect::get_u32(&v, i).unwrap(),
        Err(_) => Reflect::get(&v, &key.into()).unwrap(),
    })
}

pub fn client(extra: &str) -> RawClient {
    let options = js(&format!(
        r#"{{ endpoint: "{}", projectId: "{PROJECT}", auth: {{ token: "test-token" }}, {extra} }}"#,
        emulator()
    ));
    RawClient::new(options).unwrap()
}

/// Calls a registered client method through the engine's one entry, as js/client.js does.
pub fn call(client: &RawClient, method: &str, args: &[JsValue], options: JsValue) -> Promise {
    client.call(method.to_owned(), args.iter().collect(), options)
}

/// Awaits a promise from the engine: Ok(value) or Err(failure object).
pub async fn settle(promise: Promise) -> Result<JsValue, JsValue> {
    JsFuture::from(promise).await
}

/// Control API of the emulator.
pub async fn control(method: &str, path: &str, body: &str) -> JsValue {
    let url = format!("{}/__emulator/{path}", emulator());
    let request = match method {
        "POST" => Request::post(&url).header("content-type", "application/json").body(body).unwrap(),
        _ => Request::get(&url).build().unwrap(),
    };
    let response = request.send().await.unwrap();
    js_sys::JSON::parse(&response.text().await.unwrap()).unwrap_or(JsValue::NULL)
}

pub async fn lists_a_servers_ports() {
    let ports = settle(call(
        &client(""),
        "listPorts",
        &[js(&format!(r#"{{ device_id: "{WEB_SERVER}" }}"#))],
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap();
    assert_eq!(get(&ports, "ports.0.id").as_string().as_deref(), Some("02c72193-efec-42fb-853b-c33f2b802467"));
}

pub async fn creates_and_shows_an_eip() {
    let c = client("");
    let body = js(r#"{ publicip: { type: "5_bgp" }, bandwidth: { share_type: "PER", name: "wasm-test", size: 5 } }"#);
    let created = settle(call(&c, "createPublicip", &[body], JsValue::UNDEFINED)).await.unwrap();
    let id = get(&created, "publicip.id");
    let shown = settle(call(&c, "showPublicip", std::slice::from_ref(&id), JsValue::UNDEFINED)).await.unwrap();
    assert_eq!(get(&shown, "publicip.id"), id);
}

pub async fn service_errors_are_api_failures() {
    let failure =
        settle(call(&client(""), "showPublicip", &["f588ccfa-8750-4d7c-bf5d-2ede24414706".into()], JsValue::UNDEFINED))
            .await
            .unwrap_err();
    assert_eq!(get(&failure, "kind").as_string().as_deref(), Some("api"));
    assert_eq!(get(&failure, "status").as_f64(), Some(404.0));
    assert_eq!(get(&failure, "code").as_string().as_deref(), Some("VPC.0504"));
    assert_eq!(
        get(&failure, "requestId").as_string().map(|id| id.len()),
        Some(32),
        "X-Request-Id is readable (CORS exposes it)"
    );
}

pub async fn a_hanging_answer_times_out() {
    control("POST", "faults", r#"{ "fault": { "type": "hang" }, "match": { "operation": "listPublicips" } }"#).await;
    let failure =
        settle(call(&client("retries: 0"), "listPublicips", &[], js("{ timeoutMs: 100 }"))).await.unwrap_err();
    assert_eq!(get(&failure, "kind").as_string().as_deref(), Some("timeout"));
}

pub async fn aksk_signatures_are_accepted() {
    let options = js(&format!(
        r#"{{ endpoint: "{}", projectId: "{PROJECT}", auth: {{ ak: "TESTAK0000000000000", sk: "testsecretkey0000000000000000000000000000" }} }}"#,
        emulator()
    ));
    let page = settle(call(&RawClient::new(options).unwrap(), "listPublicips", &[], JsValue::UNDEFINED)).await.unwrap();
    assert!(get(&page, "page.publicips").is_object());
}

pub async fn an_unknown_method_is_refused_with_the_known_names() {
    let failure = settle(call(&client(""), "launchPublicip", &[], JsValue::UNDEFINED)).await.unwrap_err();
    assert_eq!(get(&failure, "kind").as_string().as_deref(), Some("validation"));
    assert_eq!(get(&failure, "issues.0.path").as_string().as_deref(), Some("method"));
    let allowed = get(&failure, "issues.0.params.allowed");
    assert!(js_sys::Array::from(&allowed).includes(&"bindPublicip".into(), 0), "the registry's names are offered");
}

pub async fn bind_puts_the_port_into_the_update_body() {
    let c = client("");
    let failure = settle(call(
        &c,
        "bindPublicip",
        &["f588ccfa-8750-4d7c-bf5d-2ede24414706".into(), 7.into()],
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap_err();
    assert_eq!(get(&failure, "operation").as_string().as_deref(), Some("bindPublicip"));
    assert_eq!(
        get(&failure, "issues.0.path").as_string().as_deref(),
        Some("publicip.port_id"),
        "checked as the body's field"
    );
}

pub async fn forward_passes_the_service_answer_on_as_it_is() {
    let c = client("");
    let missing = "f588ccfa-8750-4d7c-bf5d-2ede24414706";
    let passed =
        settle(c.forward("showPublicip".into(), [JsValue::from(missing)].iter().collect(), JsValue::UNDEFINED))
            .await
            .unwrap();
    assert_eq!(get(&passed, "status").as_f64(), Some(404.0), "an error answer resolves, for the proxy to pass back");
    assert!(get(&passed, "body").as_string().unwrap_or_default().contains("VPC.0504"));
    assert_eq!(get(&passed, "requestId").as_string().map(|id| id.len()), Some(32));
    let invalid =
        settle(c.forward("showPublicip".into(), [JsValue::from("../x")].iter().collect(), JsValue::UNDEFINED))
            .await
            .unwrap_err();
    assert_eq!(get(&invalid, "kind").as_string().as_deref(), Some("validation"), "refused before anything is sent");
}

/// Declares every test above in the file that calls it: `fetch_path_tests!()` in each runner's
/// file (Node, Chromium), so a new test is listed once, here.
#[macro_export]
macro_rules! fetch_path_tests {
    () => {
        fetch_path_tests!(
            lists_a_servers_ports,
            creates_and_shows_an_eip,
            service_errors_are_api_failures,
            a_hanging_answer_times_out,
            aksk_signatures_are_accepted,
            an_unknown_method_is_refused_with_the_known_names,
            bind_puts_the_port_into_the_update_body,
            forward_passes_the_service_answer_on_as_it_is,
        );
    };
    ($($name:ident),* $(,)?) => {
        $(
            #[wasm_bindgen_test::wasm_bindgen_test]
            async fn $name() {
                fetch_path::$name().await;
            }
        )*
    };
}
